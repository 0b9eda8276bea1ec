/// Literal texts a pattern's every match holds somewhere, not only at its start:
/// "third part" and "approved" for `(?:approved|permitted) third part(?:y|ies)`.
/// Each clause is a set of texts of which a match holds at least one; a text
/// lacking every text of some clause cannot match. Like `LiteralPrefilter`, it
/// only rules texts out and never changes an answer; a pattern it does not fully
/// understand (inline flags, back-references, nested sets) gets no clauses.
package struct RequiredLiterals: Sendable {
    /// Lower-case ASCII texts (or characters without case), at least three bytes each.
    let clauses: [[[UInt8]]]

    /// The clauses of `pattern`; nil when it has none.
    package init?(pattern: String) {
        guard let found = Self.clauses(Array(pattern.utf8)[...]), !found.isEmpty else { return nil }
        clauses = found.map { $0.map(\.bytes) }
    }

    /// Whether `text` holds a text of every clause.
    func hold(in text: FoldedText) -> Bool {
        clauses.allSatisfy { clause in clause.contains { Self.occurs($0, in: text.bytes) } }
    }

    private static func occurs(_ literal: [UInt8], in bytes: [UInt8]) -> Bool {
        literal.withUnsafeBufferPointer { l in bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: l, in: $0, from: 0) != nil } }
    }

    private static let shortest = 3

    /// The clauses of `pattern`, nil when it holds a construct this reader does not know.
    static func clauses(_ pattern: ArraySlice<UInt8>) -> [Set<LiteralBytes>]? {
        let branches = LiteralPrefilter.split(pattern)
        if branches.count > 1 {
            // an alternation: what all its matches hold is one set, its whole texts or their starts
            let (whole, complete) = LiteralPrefilter.literals(of: pattern, limits: .whole)
            if complete, !whole.isEmpty, whole.allSatisfy({ $0.count >= shortest }) { return [whole] }
            let (starts, _) = LiteralPrefilter.literals(of: pattern, limits: .prefixes)
            if !starts.isEmpty, starts.allSatisfy({ $0.count >= shortest }) { return [starts] }
            return []
        }
        var clauses: [Set<LiteralBytes>] = []
        var run: [UInt8] = []
        func flush() {
            if run.count >= shortest { clauses.append([LiteralBytes(run)]) }
            run.removeAll()
        }
        var i = pattern.startIndex
        while i < pattern.endIndex {
            let c = pattern[i]
            var literal: [UInt8]?  // the piece's bytes, when it is one literal character
            var group: [Set<LiteralBytes>]?  // the piece's clauses, when it is a group
            let end: Int  // the last byte of the piece
            switch c {
            case UInt8(ascii: "("):
                guard let close = LiteralPrefilter.close(of: i, in: pattern) else { return nil }
                if LiteralPrefilter.isLookaround(at: i, closing: close, in: pattern) {
                    flush()
                    i = close + 1  // zero-width
                    continue
                }
                let body: ArraySlice<UInt8>
                if i + 1 < close, pattern[i + 1] == UInt8(ascii: "?") {
                    guard i + 2 < close, pattern[i + 2] == UInt8(ascii: ":") else { return nil }  // flags
                    body = pattern[(i + 3)..<close]
                } else {
                    body = pattern[(i + 1)..<close]
                }
                guard let inner = Self.clauses(body) else { return nil }
                group = inner
                end = close
            case UInt8(ascii: "\\"):
                guard i + 1 < pattern.endIndex else { return nil }
                let escaped = pattern[i + 1]
                if LiteralPrefilter.isAlphanumeric(escaped) {
                    // classes and word boundaries hold no literal; anything else is not read
                    guard "bBwWsSdD".utf8.contains(escaped) else { return nil }
                } else if escaped < 0x80 {
                    literal = [LiteralPrefilter.lower(escaped)]
                } else {
                    return nil
                }
                end = i + 1
            case UInt8(ascii: "["):
                guard let close = Self.classEnd(from: i, in: pattern) else { return nil }
                end = close
            case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"):
                end = i
            case UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"):
                return nil  // not where a piece begins
            default:
                if c < 0x80 {
                    literal = [LiteralPrefilter.lower(c)]
                    end = i
                } else {
                    let width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
                    guard i + width <= pattern.endIndex else { return nil }
                    // a character with case may match another spelling: it ends the run
                    if LiteralPrefilter.uncased(pattern[i...]) != nil { literal = Array(pattern[i..<(i + width)]) }
                    end = i + width - 1
                }
            }
            // the quantifier, if any, and where the next piece starts
            var next = end + 1
            var mandatory = true
            var repeated = false
            if next < pattern.endIndex {
                switch pattern[next] {
                case UInt8(ascii: "?"), UInt8(ascii: "*"):
                    mandatory = false
                    next += 1
                case UInt8(ascii: "+"):
                    repeated = true
                    next += 1
                case UInt8(ascii: "{"):
                    guard let closeBrace = pattern[next...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
                    mandatory = false  // read as optional: "{0,3}" may be none
                    next = closeBrace + 1
                default:
                    break
                }
                // a lazy or possessive quantifier
                if next < pattern.endIndex, next > end + 1, pattern[next] == UInt8(ascii: "?") || pattern[next] == UInt8(ascii: "+") {
                    next += 1
                }
            }
            if let literal, mandatory {
                run += literal
                if repeated { flush() }
            } else {
                flush()
                if let group, mandatory { clauses += group }
            }
            i = next
        }
        flush()
        return clauses
    }

    /// The closing bracket of the character class opened at `start`; nil for a class
    /// holding another (ICU's set operations), which this reader does not follow.
    private static func classEnd(from start: Int, in pattern: ArraySlice<UInt8>) -> Int? {
        var j = start + 1
        if j < pattern.endIndex, pattern[j] == UInt8(ascii: "^") { j += 1 }
        if j < pattern.endIndex, pattern[j] == UInt8(ascii: "]") { j += 1 }
        while j < pattern.endIndex {
            switch pattern[j] {
            case UInt8(ascii: "\\"): j += 2
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "]"): return j
            default: j += 1
            }
        }
        return nil
    }
}
