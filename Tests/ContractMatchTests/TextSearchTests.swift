import ContractModel
import Foundation
import Testing

@testable import ContractMatch

/// The string helpers the pipeline uses instead of Foundation's on hot paths must give
/// Foundation's answers: on plain text through their own code, on other text by deferring.
struct TextSearchTests {
    static let texts = [
        "", " ", "\t", "Vendor", "  Vendor shall notify  ", "\tVendor\t", "\u{00A0}Vendor\u{2003}", "\u{3000}x\u{202F}",
        "Vendor\n", "\nVendor", " \u{301}Vendor", "Acme Analytics, Inc. (\u{201C}Vendor\u{201D}) shall", "Caf\u{E9} Acme",
        "Cafe\u{301} Acme", "Acme\u{301} Acme", "\u{212A}elvin Acme", "Acme\u{37E} Acme;", "Acme\u{2019}s staff",
        "AcmeAcme Acme", "acme ACME Acme", "\u{1F600} Acme \u{1F600}", "Acme\r\nAcme", "Ame", "Acme",
    ]

    /// Eight bytes at a time, the same answer as byte by byte: a CR or a non-ASCII byte at every
    /// place of texts of every length up to 40 (and bytes next to them: 0x0C, 0x0E, 0x7F, 0x8D).
    @Test func plainASCIIReadsEveryByte() {
        func byteByByte(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        for length in 0...40 {
            let base = String((0..<length).map { Character(UnicodeScalar(UInt8(0x41 + $0 % 26))) })
            #expect(base.isPlainASCII)
            for at in 0..<length {
                for odd in ["\r", "\u{0C}", "\u{0E}", "\u{7F}", "\u{8D}", "\u{E9}", "\u{2019}", "\u{1F600}"] {
                    var characters = Array(base)
                    characters[at] = Character(odd)
                    let text = String(characters)
                    #expect(text.isPlainASCII == byteByByte(text), "\(text.debugDescription)")
                }
            }
        }
        for text in Self.texts { #expect(text.isPlainASCII == byteByByte(text), "\(text.debugDescription)") }
    }

    @Test func trimmingWhitespaceMatchesFoundation() {
        for text in Self.texts {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(Substring(text).trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func trimmingASetMatchesFoundation() {
        let set = CharacterSet(charactersIn: " ,;")
        for text in Self.texts + [",;Vendor;,", ", ,", "x,"] {
            #expect(text.trimming(where: { " ,;".unicodeScalars.contains($0) }) == text.trimmingCharacters(in: set))
        }
    }

    @Test func replacingLiteralMatchesFoundation() {
        for text in Self.texts {
            for (target, replacement) in [("Acme", "Vendor"), ("Acme Analytics, Inc.", "Vendor"), ("e", ""), ("AcmeA", "x")] {
                #expect(
                    text.replacingLiteral(target, with: replacement)
                        == text.replacingOccurrences(of: target, with: replacement),
                    "\(text.debugDescription) \(target)")
            }
        }
    }

    @Test func replacingSeveralLiteralsMatchesFoundation() {
        let pairs = [("Acme", "Vendor"), ("Vendor", "Caf\u{E9}"), ("e", "\u{301}"), ("Caf", "x")]
        for text in Self.texts {
            var expected = text
            for (target, replacement) in pairs { expected = expected.replacingOccurrences(of: target, with: replacement) }
            #expect(text.replacingLiterals(pairs) == expected, "\(text.debugDescription)")
        }
    }

    @Test func containsLiteralMatchesFoundation() {
        let needles = ["Acme", "acme", "Caf\u{E9}", "Cafe", "e\u{301}", "\u{2019}s", "\n", "\r", "Acme\u{301}", "K", ";", "", "Vendor shall"]
        for text in Self.texts {
            for needle in needles {
                #expect(text.containsLiteral(needle) == (text.range(of: needle) != nil), "\(text.debugDescription) \(needle.debugDescription)")
            }
        }
    }

    @Test func literalRangeMatchesFoundation() {
        let needles = ["Acme", "acme", "Caf\u{E9}", "Cafe", "e\u{301}", "\u{2019}s", "\n", "\r", "Acme\u{301}", "K", ";", "", "Vendor shall", "A"]
        for text in Self.texts {
            for needle in needles {
                // from every position a caller can resume at
                for from in [text.startIndex] + text.indices.map { text.index(after: $0) } {
                    let expected = needle.isEmpty ? nil : text.range(of: needle, range: from..<text.endIndex)
                    #expect(text.literalRange(of: needle, from: from) == expected, "\(text.debugDescription) \(needle.debugDescription)")
                }
            }
        }
    }

    /// The byte search under `literalRange`, `containsLiteral` and `replacingLiteral` finds
    /// the first occurrence at or after every start: every text of up to 9 letters over
    /// "ab", every needle of up to 4, every start (overlaps, a needle at the very end,
    /// a needle longer than what is left).
    @Test func byteSearchFindsTheFirstOccurrenceFromEveryStart() {
        func words(upTo length: Int) -> [String] {
            var all = [""], last = [""]
            for _ in 0..<length {
                last = last.flatMap { [$0 + "a", $0 + "b"] }
                all += last
            }
            return all
        }
        let needles = words(upTo: 4).filter { !$0.isEmpty }
        for text in words(upTo: 9) {
            for needle in needles {
                for from in text.indices + [text.endIndex] {
                    #expect(text.literalRange(of: needle, from: from) == text.range(of: needle, range: from..<text.endIndex))
                }
                #expect(text.containsLiteral(needle) == text.contains(needle))
                #expect(text.replacingLiteral(needle, with: "x") == text.replacingOccurrences(of: needle, with: "x"))
            }
        }
    }

    @Test func rangesIgnoringCaseMatchFoundation() {
        let needles = ["acme", "ACME", "Caf\u{C9}", "cafe", "\u{2019}S", "\r", "k", ";", "", "vendor SHALL", "a", "acmea"]
        for text in Self.texts + ["aaaa", "AcmeAcmeacme"] {
            for needle in needles {
                var expected: [NSRange] = []
                let ns = text as NSString
                var from = 0
                while !needle.isEmpty, from < ns.length {
                    let r = ns.range(of: needle, options: .caseInsensitive, range: NSRange(location: from, length: ns.length - from))
                    if r.location == NSNotFound { break }
                    expected.append(r)
                    from = r.location + max(r.length, 1)
                }
                #expect(text.rangesIgnoringCase(of: needle) == expected, "\(text.debugDescription) \(needle.debugDescription)")
            }
        }
    }

    @Test func wordCountMatchesSplit() {
        // plain texts (read as bytes), and texts where a mark joins a space into another character
        // before or after the count is decided, or CR LF joins two bytes (read by character)
        let texts = Self.texts + [
            "one two  three", "  a b c d e f g h i j k l m n o p  ", "a\tb c", " \u{301}x y", "a b \u{301}c d", "a\t\u{301}b c",
            "a\r\nb c", "a \r\n b", "x y z w v u t s r q p o n m \u{301}l k", "\t\ta\t\tb\t", "caf\u{E9} au lait",
        ]
        for text in texts {
            let words = text.split(separator: " ").count
            let tabbed = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
            for limit in [0, 1, 3, 12, 14] {
                #expect(text.wordCount(upTo: limit) == min(words, limit + 1), "\(text.debugDescription) \(limit)")
                #expect(text.wordCount(upTo: limit, separatedBy: { $0 == " " }) == min(words, limit + 1))
                #expect(text.wordCount(upTo: limit, tabs: true) == min(tabbed, limit + 1), "\(text.debugDescription) \(limit)")
                #expect(Substring(text).wordCount(upTo: limit, tabs: true) == min(tabbed, limit + 1))
            }
        }
    }

    @Test func utf16SlicesMatchFoundation() {
        // every range of every text, including those that split a surrogate pair or a mark from its letter
        for text in Self.texts + ["a;b", "\u{1F600};\u{1F600}", "x\u{37E}y;z"] {
            let ns = text as NSString
            for location in 0...ns.length {
                let rest = NSRange(location: location, length: ns.length - location)
                #expect(text.substring(utf16From: location) == ns.substring(with: rest), "\(text.debugDescription) \(location)")
                for length in 0...(ns.length - location) {
                    let range = NSRange(location: location, length: length)
                    #expect(text.substring(utf16: range) == ns.substring(with: range), "\(text.debugDescription) \(range)")
                }
            }
        }
    }

    @Test func semicolonOffsetMatchesFoundation() {
        for text in Self.texts + ["a;b", "\u{1F600};\u{1F600}", "x\u{37E}y;z", "\u{2019}s;", ";", "Caf\u{E9}; Acme"] {
            let found = (text as NSString).range(of: ";")
            let expected = found.location == NSNotFound ? nil : found.location
            #expect(text.utf16Offset(ofASCII: UInt8(ascii: ";"), plain: text.searchesAsBytes) == expected, "\(text.debugDescription)")
            #expect(text.utf16Offset(ofASCII: UInt8(ascii: ";"), plain: false) == expected)
        }
    }

    @Test func bytesOnlyForPlainText() {
        #expect("Acme\u{2019}s \u{201C}Vendor\u{201D} \u{2014} Caf\u{E9} \u{A7} 4".searchesAsBytes)
        #expect(!"Cafe\u{301}".searchesAsBytes)  // a combining mark joins the letter before it
        #expect(!"\u{212A}".searchesAsBytes)  // the Kelvin sign is a K to Foundation
        #expect(!"\u{37E}".searchesAsBytes)  // the Greek question mark is a semicolon
        #expect(!"a\r\nb".searchesAsBytes)  // a carriage return and line feed are one character
    }
}

/// The matcher's text keys: equal when the bytes are, whatever part of the text their hash samples.
struct TextKeyTests {
    @Test func keysAreTheTextsBytes() {
        let long = String(repeating: "Vendor shall notify Customer. ", count: 10)
        var middle = Array(long.utf8)
        middle[150] = UInt8(ascii: "X")
        let changed = String(decoding: middle, as: UTF8.self)
        let texts = ["", "a", "Vendor", long, changed, long + "!", "Caf\u{E9}", "Cafe\u{301}"]
        var table: [TextKey: Int] = [:]
        for (i, text) in texts.enumerated() { table[TextKey(text)] = i }
        #expect(table.count == texts.count)  // a change in the unsampled middle, or another normalization, is another key
        for (i, text) in texts.enumerated() {
            #expect(table[TextKey(String(decoding: Array(text.utf8), as: UTF8.self))] == i)
        }
        #expect(TextKey(long) == TextKey(String(long)))
        #expect(TextKey(long) != TextKey(changed))
    }
}
