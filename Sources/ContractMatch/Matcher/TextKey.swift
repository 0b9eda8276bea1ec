import Foundation

/// A contract's text as a dictionary key, hashed by its length and its first and last
/// 32 bytes instead of all of them: the matcher looks sentences and clauses up tens of
/// thousands of times a contract, and hashing each whole text was 2% of a review.
/// Texts that share the sampled bytes only share a bucket. Keys are equal when their
/// bytes are (a text in another Unicode normalization is another text to the regexes).
struct TextKey: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            let raw = UnsafeRawBufferPointer(bytes)
            if raw.count <= 64 {
                hasher.combine(bytes: raw)
            } else {
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[..<32]))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[(raw.count - 32)...]))
            }
        }
    }

    static func == (a: TextKey, b: TextKey) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }
}
