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
        let chars = Array(text)
        // where each character starts in the text's UTF-8, to cut sentences out of the text itself
        var offsets: [Int] = []
        offsets.reserveCapacity(chars.count + 1)
        var offset = 0
        for c in chars {
            offsets.append(offset)
            offset += c.utf8.count
        }
        offsets.append(offset)
        func piece(_ from: Int, _ to: Int) -> String {
            let utf8 = text.utf8
            let a = utf8.index(utf8.startIndex, offsetBy: offsets[from])
            let b = utf8.index(a, offsetBy: offsets[to] - offsets[from])
            return text[a..<b].trimmingWhitespace()
        }
        var sentences: [String] = []
        var start = 0
        var i = 0
        var depth = 0  // parentheses: never split inside "(...)"
        while i < chars.count {
            let c = chars[i]
            if c == "(" { depth += 1 }
            if c == ")" { depth = max(0, depth - 1) }
            if (c == "." || c == "?" || c == "!" || c == ";" && false) && depth == 0 {
                // swallow closing quotes and brackets after the stop
                var j = i + 1
                while j < chars.count, "\"'\u{201D}\u{2019})]".contains(chars[j]) { j += 1 }
                if j >= chars.count {
                    i = j
                    break
                }
                if chars[j] == " " || chars[j] == "\n" {
                    var k = j
                    while k < chars.count, chars[k] == " " || chars[k] == "\n" { k += 1 }
                    if k < chars.count, startsSentence(chars[k]), !(c == "." && isAbbreviation(chars, dotAt: i)) {
                        sentences.append(piece(start, j))
                        start = k
                        i = k
                        continue
                    }
                }
            }
            i += 1
        }
        if start < chars.count {
            let last = piece(start, chars.count)
            if !last.isEmpty { sentences.append(last) }
        }
        return sentences
    }

    private static func startsSentence(_ c: Character) -> Bool {
        c.isUppercase || c.isNumber || "\"'\u{201C}\u{2018}(\u{00A7}[".contains(c)
    }

    /// Whether the dot at `dotAt` ends an abbreviation or an initial, not a sentence.
    private static func isAbbreviation(_ chars: [Character], dotAt: Int) -> Bool {
        var k = dotAt - 1
        while k >= 0, chars[k].isLetter || chars[k] == "." { k -= 1 }
        let word = String(chars[(k + 1)..<dotAt]).lowercased()
        if word.isEmpty { return false }
        if abbreviations.contains(word) { return true }
        if word.count == 1, chars[dotAt - 1].isUppercase { return true }  // an initial: "John A. Smith"
        if word.contains(".") { return true }  // "U.S.", "e.g."
        // "et al." and "No. 5": checked by the table; "Section 4." ends a sentence
        return false
    }
}

