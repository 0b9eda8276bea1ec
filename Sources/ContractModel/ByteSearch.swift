import Foundation

/// The byte search the literal helpers share: plain text, searched as bytes.
enum ByteSearch {
    /// Where `needle` first occurs in `haystack` at or after byte `from`; nil when
    /// nowhere (or when `needle` is empty).
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == first, memcmp(haystack.baseAddress! + i, needle.baseAddress!, needle.count) == 0 { return i }
            i += 1
        }
        return nil
    }
}
