/// A pattern that is nothing but a finite set of literal texts ("train(?:s|ed|ing)?",
/// a party's names), matched as whole words with an optional inflection, without a
/// regex: the same answer as the case-insensitive
/// `(?<![\w-])(?:PATTERN)(?:s|es|ed|d|ing)?(?!\w)`, by comparing bytes.
public struct WordLiterals: Sendable {
    /// The literal texts, lower-cased, in byte order.
    let literals: [[UInt8]]
    /// For each first byte, the literals that start with it (a range of `literals`).
    private let byFirstByte: [Range<Int>]
    private static let suffixes: [[UInt8]] = [[], Array("s".utf8), Array("es".utf8), Array("ed".utf8), Array("d".utf8), Array("ing".utf8)]

    /// The literals of `pattern`, or nil when it is more than a finite set of them
    /// (classes, repetition, assertions, or too many combinations).
    public init?(pattern: String) {
        let (set, complete) = LiteralPrefilter.literals(of: Array(pattern.utf8)[...], limits: .whole)
        guard complete, !set.contains([]) else { return nil }
        literals = set.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) }
        byFirstByte = LiteralPrefilter.rangesByFirstByte(literals)
    }

    /// How many literal texts there are.
    public var count: Int { literals.count }

    /// The literals of an alternation of patterns, from those of its alternatives
    /// (the same as reading the alternation itself).
    public init(anyOf alternatives: [WordLiterals]) {
        literals = Set(alternatives.flatMap(\.literals)).sorted { $0.lexicographicallyPrecedes($1) }
        byFirstByte = LiteralPrefilter.rangesByFirstByte(literals)
    }

    /// Whether a word of `text` is one of the literals (plus an inflection); nil when
    /// it cannot be told from the bytes and the regex must decide.
    public func matches(_ text: FoldedText) -> Bool? {
        let bytes = text.bytes
        for start in text.wordStarts {
            // most words begin with a byte no literal begins with
            let candidates = byFirstByte[Int(bytes[start])]
            guard !candidates.isEmpty, start == 0 || Self.isBoundary(before: start, in: bytes) else { continue }
            for k in candidates where text.has(literals[k], at: start) {
                let literal = literals[k]
                let end = start + literal.count
                for suffix in Self.suffixes where text.has(suffix, at: end) {
                    let after = end + suffix.count
                    if after == bytes.count || !Self.isWord(at: after, in: bytes) { return true }
                }
            }
        }
        return false
    }

    /// Whether no `\w` or `-` precedes `offset` (the regex's `(?<![\w-])`).
    private static func isBoundary(before offset: Int, in bytes: [UInt8]) -> Bool {
        let previous = bytes[offset - 1]
        if previous < 0x80 { return !isASCIIWord(previous) && previous != 0x2D }
        // back to the lead byte of the character before
        var lead = offset - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return !isWordScalar(bytes, from: lead)
    }

    /// Whether a `\w` character starts at `offset`.
    private static func isWord(at offset: Int, in bytes: [UInt8]) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 { return isASCIIWord(byte) }
        return isWordScalar(bytes, from: offset)
    }

    private static func isASCIIWord(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    /// ICU's `\w` for a non-ASCII character: letters, marks, decimal digits, connector
    /// punctuation, and the zero-width (non-)joiners.
    private static func isWordScalar(_ bytes: [UInt8], from offset: Int) -> Bool {
        let lead = bytes[offset]
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard offset + width <= bytes.count,
            let scalar = String(decoding: bytes[offset..<(offset + width)], as: UTF8.self).unicodeScalars.first
        else { return true }
        if scalar.value == 0x200C || scalar.value == 0x200D { return true }
        let p = scalar.properties
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return p.isAlphabetic
        }
    }
}
