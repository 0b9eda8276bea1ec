import Foundation

/// The byte search the literal helpers share: plain text, searched as bytes.
enum ByteSearch {
    /// Where `needle` first occurs in `haystack` at or after byte `from`; nil when
    /// nowhere (or when `needle` is empty). The matcher asks this of every sentence
    /// for every party name and required literal: glibc's `memchr` (vectorized)
    /// finds each place the needle's first byte occurs, `memcmp` compares the rest.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard !needle.isEmpty, from >= 0, from <= haystack.count, needle.count <= haystack.count - from,
            let hay = haystack.baseAddress, let n = needle.baseAddress
        else { return nil }
        let first = Int32(n.pointee), last = haystack.count - needle.count
        var i = from
        while i <= last {
            guard let found = memchr(hay + i, first, last - i + 1) else { return nil }
            let at = UnsafeRawPointer(hay).distance(to: UnsafeRawPointer(found))
            if memcmp(hay + at + 1, n + 1, needle.count - 1) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}
