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
                guard hay.count >= n.count else { return self }
                var out: [UInt8] = []
                var copied = 0
                var i = 0
                let first = n[0]
                let last = hay.count - n.count
                while i <= last {
                    if hay[i] == first, memcmp(hay.baseAddress! + i, n.baseAddress!, n.count) == 0 {
                        if out.isEmpty { out.reserveCapacity(hay.count + replacement.utf8.count) }
                        out += hay[copied..<i]
                        out += replacement.utf8
                        i += n.count
                        copied = i
                    } else {
                        i += 1
                    }
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
        var haystack = self
        var needle = other
        return haystack.withUTF8 { hay in
            needle.withUTF8 { n in
                guard n.count <= hay.count else { return false }
                let first = n[0]
                var i = 0
                while i <= hay.count - n.count {
                    if hay[i] == first, memcmp(hay.baseAddress! + i, n.baseAddress!, n.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether searching this text byte by byte finds what Foundation's
    /// (composed-character) search finds: no carriage return, and every non-ASCII
    /// character a precomposed Latin-1 or Latin Extended-A letter or sign,
    /// general punctuation (dashes, curly quotes, bullets), or the euro or trade
    /// mark sign; no combining marks, nothing that decomposes to ASCII.
    package var searchesAsBytes: Bool {
        // most texts are ASCII without a carriage return: the bytes tell without decoding
        var text = self
        let plain = text.withUTF8 { bytes in
            var plain = true
            for byte in bytes where byte >= 0x80 || byte == 0x0D {
                plain = false
                break
            }
            return plain
        }
        if plain { return true }
        for u in unicodeScalars where u.value >= 0x80 || u.value == 0x0D {
            switch u.value {
            case 0xA0...0x17F, 0x2010...0x2027, 0x2030...0x203A, 0x20AC, 0x2122: continue
            default: return false
            }
        }
        return true
    }
}
