import ContractModel

/// Splits clause text into sentences, knowing legal abbreviations ("U.S.C.",
/// "C.F.R.", "Inc.", "Ltd.", "Sec.", "No.", "e.g.", "i.e.") and citations
/// ("45 C.F.R. § 164.504(e)"), so evidence can quote exactly the sentence that decided.
public enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "u.s.c", "c.f.r", "cfr", "inc", "ltd", "co", "corp", "llc", "l.l.c", "l.p", "p.c", "n.a", "sec", "secs",
        "no", "nos", "e.g", "i.e", "etc", "et al", "al", "u.s", "u.k", "e.u", "mr", "mrs", "ms", "dr", "st", "v", "vs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec", "art", "para", "paras",
        "p", "pp", "cf", "viz", "approx", "dept", "govt", "pub", "l", "stat", "fed", "reg", "regs", "ch", "subch",
        "pt", "s", "ss", "cl", "sch", "incl", "max", "min", "hr", "hrs",
    ]

    /// The sentences of `text`, trimmed, in order.
    public static func split(_ text: String) -> [String] {
        // only ".", "?" and "!" end a sentence: text without them is one
        if !text.utf8.contains(where: { $0 == 0x2E || $0 == 0x3F || $0 == 0x21 }) {
            let whole = text.trimmingWhitespace()
            return whole.isEmpty ? [] : [whole]
        }
        let chars = Characters(text)
        let count = chars.codes.count
        func piece(_ from: Int, _ to: Int) -> String {
            let utf8 = text.utf8
            let a = utf8.index(utf8.startIndex, offsetBy: chars.offset(from))
            let b = utf8.index(a, offsetBy: chars.offset(to) - chars.offset(from))
            return text[a..<b].trimmingWhitespace()
        }
        let space: UInt32 = 0x20, newline: UInt32 = 0x0A
        var sentences: [String] = []
        var start = 0
        var i = 0
        var depth = 0  // parentheses: never split inside "(...)"
        while i < count {
            let c = chars.codes[i]
            if c == 0x28 { depth += 1 }  // (
            if c == 0x29 { depth = max(0, depth - 1) }  // )
            if (c == 0x2E || c == 0x3F || c == 0x21) && depth == 0 {
                // swallow closing quotes and brackets after the stop
                var j = i + 1
                while j < count, closers.contains(chars.codes[j]) { j += 1 }
                if j >= count {
                    i = j
                    break
                }
                if chars.codes[j] == space || chars.codes[j] == newline {
                    var k = j
                    while k < count, chars.codes[k] == space || chars.codes[k] == newline { k += 1 }
                    if k < count, startsSentence(chars, k), !(c == 0x2E && isAbbreviation(chars, dotAt: i)) {
                        sentences.append(piece(start, j))
                        start = k
                        i = k
                        continue
                    }
                }
            }
            i += 1
        }
        if start < count {
            let last = piece(start, count)
            if !last.isEmpty { sentences.append(last) }
        }
        return sentences
    }

    /// Closing quotes and brackets: " ' ” ’ ) ]
    private static let closers: Set<UInt32> = [0x22, 0x27, 0x201D, 0x2019, 0x29, 0x5D]
    /// What may open a sentence besides a capital or a digit: " ' “ ‘ ( § [
    private static let openers: Set<UInt32> = [0x22, 0x27, 0x201C, 0x2018, 0x28, 0xA7, 0x5B]

    /// A text's characters, each as a code (its scalar, or `Characters.joined` for a
    /// character of several scalars), with where each starts in the UTF-8.
    struct Characters {
        static let joined: UInt32 = 0x11_0000
        var codes: [UInt32] = []
        /// Where each character starts in the UTF-8, and the end; empty when each is one byte.
        private var offsets: [Int] = []
        /// The characters of several scalars, by index.
        private var several: [Int: Character] = [:]

        /// Where character `i` starts in the UTF-8 (`codes.count`: the end).
        func offset(_ i: Int) -> Int { offsets.isEmpty ? i : offsets[i] }

        init(_ text: String) {
            if text.isPlainASCII {
                var text = text
                codes = text.withUTF8 { bytes in
                    [UInt32](unsafeUninitializedCapacity: bytes.count) { codes, count in
                        for i in 0..<bytes.count { codes[i] = UInt32(bytes[i]) }
                        count = bytes.count
                    }
                }
                return
            }
            codes.reserveCapacity(text.utf8.count)
            offsets.reserveCapacity(text.utf8.count + 1)
            var offset = 0
            if text.unicodeScalars.allSatisfy(\.standsAlone) {
                // every scalar is a character of its own: no need to find grapheme clusters
                for scalar in text.unicodeScalars {
                    codes.append(scalar.value)
                    offsets.append(offset)
                    offset += UTF8.width(scalar)
                }
            } else {
                for c in text {
                    if c.unicodeScalars.count == 1 {
                        codes.append(c.unicodeScalars.first!.value)
                    } else {
                        several[codes.count] = c
                        codes.append(Self.joined)
                    }
                    offsets.append(offset)
                    offset += c.utf8.count
                }
            }
            offsets.append(offset)
        }

        subscript(_ i: Int) -> Character {
            several[i] ?? Character(Unicode.Scalar(codes[i])!)
        }
    }

    private static func startsSentence(_ chars: Characters, _ i: Int) -> Bool {
        if openers.contains(chars.codes[i]) { return true }
        let c = chars[i]
        return c.isUppercase || c.isNumber
    }

    /// Whether the dot at `dotAt` ends an abbreviation or an initial, not a sentence.
    private static func isAbbreviation(_ chars: Characters, dotAt: Int) -> Bool {
        var k = dotAt - 1
        var ascii = true
        while k >= 0 {
            let code = chars.codes[k]
            if code < 0x80 {
                // an ASCII character is a letter when it is one of A-Z, a-z
                guard code == 0x2E || (code | 0x20 >= 0x61 && code | 0x20 <= 0x7A) else { break }
            } else {
                guard chars[k].isLetter else { break }
                ascii = false
            }
            k -= 1
        }
        let word: String
        if ascii {
            // the characters' String lower-cased, without making Characters (a full stop has the bit already)
            word = String(decoding: ((k + 1)..<dotAt).map { UInt8(chars.codes[$0] | 0x20) }, as: UTF8.self)
        } else {
            word = String(((k + 1)..<dotAt).map { chars[$0] }).lowercased()
        }
        if word.isEmpty { return false }
        if abbreviations.contains(word) { return true }
        if word.count == 1, chars[dotAt - 1].isUppercase { return true }  // an initial: "John A. Smith"
        if word.contains(".") { return true }  // "U.S.", "e.g."
        // "et al." and "No. 5": checked by the table; "Section 4." ends a sentence
        return false
    }
}
