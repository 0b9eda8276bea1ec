import Foundation

extension String {
    /// `replacingOccurrences(of: target, with: replacement)`, done on the bytes
    /// when that gives the same text: an ASCII target in a text whose other
    /// characters are common Latin letters and typographic punctuation (no
    /// combining marks, nothing that decomposes to ASCII). Foundation compares
    /// composed characters, so any other text is left to it. The matcher masks
    /// party names in every sentence; Foundation's search costs about as much
    /// as reading the sentence.
    package func replacingLiteral(_ target: String, with replacement: String) -> String {
        replacingLiteral(target, with: replacement, asBytes: searchesAsBytes)
    }

    /// `replacingLiteral` for each pair in turn, deciding once whether the bytes may be searched.
    package func replacingLiterals(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return self }
        var plain = searchesAsBytes
        var text = self
        for (target, replacement) in pairs {
            text = text.replacingLiteral(target, with: replacement, asBytes: plain)
            // the text stays plain while what goes into it is
            plain = plain && replacement.searchesAsBytes
        }
        return text
    }

    private func replacingLiteral(_ target: String, with replacement: String, asBytes: Bool) -> String {
        guard !target.isEmpty, target.utf8.allSatisfy({ $0 < 0x80 }), asBytes else {
            return replacingOccurrences(of: target, with: replacement)
        }
        var haystack = self
        var needle = target
        return haystack.withUTF8 { hay in
            needle.withUTF8 { n in
                var out: [UInt8] = []
                var copied = 0
                while let at = ByteSearch.firstOffset(of: n, in: hay, from: copied) {
                    if out.isEmpty { out.reserveCapacity(hay.count + replacement.utf8.count) }
                    out += hay[copied..<at]
                    out += replacement.utf8
                    copied = at + n.count
                }
                guard copied > 0 else { return self }
                out += hay[copied...]
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// `contains(other)` as Foundation answers it (composed characters compared),
    /// done on the bytes when both texts are plain enough for that to agree
    /// (see ``searchesAsBytes``).
    package func containsLiteral(_ other: String) -> Bool {
        guard !other.isEmpty, other.searchesAsBytes, searchesAsBytes else { return range(of: other) != nil }
        return Self.firstOffset(of: other, in: self, from: 0) != nil
    }

    /// `range(of: other, range: from..<endIndex)` as Foundation finds it, found on
    /// the bytes when both texts are plain enough for that to agree (see
    /// ``searchesAsBytes``); `from` defaults to the start.
    package func literalRange(of other: String, from: String.Index? = nil) -> Range<String.Index>? {
        let from = from ?? startIndex
        guard !other.isEmpty, other.searchesAsBytes, searchesAsBytes else { return range(of: other, range: from..<endIndex) }
        let start = utf8.distance(from: startIndex, to: from)
        guard let offset = Self.firstOffset(of: other, in: self, from: start) else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: other.utf8.count)
    }

    /// Every occurrence of `other` ignoring case, in turn (UTF-16 ranges), as
    /// `NSString.range(of:options: .caseInsensitive, range:)` finds them from the
    /// end of the last; on the bytes when both texts are ASCII without a carriage
    /// return (the case of every letter is then ASCII's).
    package func rangesIgnoringCase(of other: String) -> [NSRange] {
        guard !other.isEmpty else { return [] }
        var found: [NSRange] = []
        guard other.isPlainASCII, isPlainASCII else {
            let ns = self as NSString
            var from = 0
            while from < ns.length {
                let r = ns.range(of: other, options: .caseInsensitive, range: NSRange(location: from, length: ns.length - from))
                if r.location == NSNotFound { break }
                found.append(r)
                from = r.location + max(r.length, 1)
            }
            return found
        }
        var haystack = self
        var needle = other
        haystack.withUTF8 { hay in
            needle.withUTF8 { n in
                guard n.count <= hay.count else { return }
                var i = 0
                search: while i <= hay.count - n.count {
                    for k in 0..<n.count where Self.lowerASCII(hay[i + k]) != Self.lowerASCII(n[k]) {
                        i += 1
                        continue search
                    }
                    found.append(NSRange(location: i, length: n.count))
                    i += n.count
                }
            }
        }
        return found
    }

    private static func lowerASCII(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
    }

    /// ASCII only, without a carriage return: each byte is a character.
    package var isPlainASCII: Bool {
        var text = self
        return text.withUTF8(Self.isPlainASCII)
    }

    /// Whether `bytes` are ASCII without a carriage return, read eight at a time: a byte
    /// with its high bit set, or equal to CR (0x0D), in a word of eight ends the search.
    package static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
        var i = 0
        while i + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // x has a zero byte where `word` has a CR; (x - ones) & ~x & high is non-zero exactly
            // when x has a zero byte, given no high bit set in `word` (tested alongside)
            let x = word ^ carriageReturns
            if (word | ((x &- ones) & ~x)) & high != 0 { return false }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] >= 0x80 || bytes[i] == 0x0D { return false }
            i += 1
        }
        return true
    }

    /// The byte offset of the first occurrence of `needle`'s bytes in `haystack` at or after `from`.
    private static func firstOffset(of needle: String, in haystack: String, from: Int) -> Int? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { hay in needle.withUTF8 { ByteSearch.firstOffset(of: $0, in: hay, from: from) } }
    }

    /// Whether searching this text byte by byte finds what Foundation's
    /// (composed-character) search finds: no carriage return, and every non-ASCII
    /// character a precomposed Latin-1 or Latin Extended-A letter or sign,
    /// general punctuation (dashes, curly quotes, bullets), or the euro or trade
    /// mark sign; no combining marks, nothing that decomposes to ASCII.
    package var searchesAsBytes: Bool {
        // most texts are ASCII without a carriage return: the bytes tell without decoding
        if isPlainASCII { return true }
        for u in unicodeScalars where u.value >= 0x80 || u.value == 0x0D {
            switch u.value {
            case 0xA0...0x17F, 0x2010...0x2027, 0x2030...0x203A, 0x20AC, 0x2122: continue
            default: return false
            }
        }
        return true
    }
}
