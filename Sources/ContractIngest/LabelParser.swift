import Foundation

/// Finds a clause number typed at the start of a line of text: "4.2", "7.",
/// "(b)", "(iv)", "b)", "A.", "IV.", "Section 4.02", "SECTION 4.2", "ARTICLE IV",
/// "Article 4", "§ 4", "4.2(b)", "Schedule 2", "Exhibit A".
///
/// It is conservative: a bare number without a dot ("45 CFR"), an
/// abbreviation ("e.g."), a year or an amount does not count as a label.
/// Labels glued to their text, as PDFs often give them ("(a)the", "3.The"),
/// are split off.
package enum LabelParser {
    /// A label and the text after it.
    package struct Match: Equatable, Sendable {
        package var label: String
        package var rest: String
    }

    /// The words accepted before a number ("Section 4.2"). No keyword is a prefix of another.
    package static let keywords: Set<String> = [
        "ARTICLE", "Article", "SECTION", "Section", "SCHEDULE", "Schedule", "EXHIBIT", "Exhibit",
        "APPENDIX", "Appendix", "ANNEX", "Annex", "ATTACHMENT", "Attachment", "ADDENDUM", "Addendum",
        "PART", "Part", "CLAUSE", "Clause",
    ]

    /// Splits a leading label from `line`, or returns `nil` when it has none.
    package static func split(_ line: String) -> Match? {
        let s = Substring(line)
        return keyworded(s) ?? section(s) ?? parenthesised(s) ?? numeric(s) ?? letterOrRoman(s)
    }

    /// A hard-wrapped sentence can put "(72) hours", "§ 164.514" or "Section 6.3" at the start of a
    /// line: when the line before ends mid-sentence, such a label is a reference, not a new clause.
    package static func continuesSentence(_ previous: Substring?, label: String) -> Bool {
        guard let previous, let last = previous.last else { return false }
        let lastWord = Self.lastWord(previous).lowercased()
        if ["c.f.r.", "u.s.c.", "cfr", "usc", "no.", "sec.", "§"].contains(lastWord) { return true }
        guard last.isLetter || last.isNumber || last == "," || last == "-" else { return false }
        if label.hasPrefix("\u{00A7}") { return true }
        let lower = label.lowercased()
        if ["section", "article", "clause", "part", "exhibit", "schedule", "appendix", "annex", "attachment", "addendum"]
            .contains(where: { lower.hasPrefix($0 + " ") })
        {
            return true
        }
        if label.hasPrefix("("), label.dropFirst().prefix(while: { $0 != ")" }).allSatisfy(\.isNumber) { return true }
        // a decimal such as "164.504(e)" or "4.2" after a word that usually precedes a citation
        guard label.first?.isNumber == true else { return false }
        return ["section", "sections", "article", "clause", "and", "or", "of", "to", "in", "under", "see"].contains(lastWord)
    }

    /// The last space-separated word of `text` ("" when there is none).
    static func lastWord(_ text: Substring) -> Substring {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        let head = text[..<end]
        guard let space = head.lastIndex(of: " ") else { return head }
        return head[head.index(after: space)...]
    }

    /// The keyword `s` starts with, when one is followed by a space: the leading run of ASCII
    /// letters looked up whole (every keyword is ASCII letters, and none is a prefix of another).
    private static func leadingKeyword(_ s: Substring) -> String? {
        let utf8 = s.utf8
        var end = utf8.startIndex
        while end < utf8.endIndex, (utf8[end] | 0x20) >= 0x61, (utf8[end] | 0x20) <= 0x7A { end = utf8.index(after: end) }
        guard end != utf8.startIndex, end < utf8.endIndex, utf8[end] == 0x20 || utf8[end] == 0xC2 else { return nil }
        let word = String(s[utf8.startIndex..<end])
        return keywords.contains(word) ? word : nil
    }

    // "Section 4.02", "ARTICLE IV", "Exhibit A", "Schedule 2" (+ optional "." or ":")
    private static func keyworded(_ s: Substring) -> Match? {
        guard let keyword = leadingKeyword(s) else { return nil }
        var rest = s.dropFirst(keyword.count)
        guard rest.first == " " || rest.first == "\u{00A0}" else { return nil }
        rest = rest.drop(while: { $0 == " " || $0 == "\u{00A0}" })
        let token = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "." || $0 == "(" || $0 == ")" })
        var number = token
        while number.last == "." { number = number.dropLast() }
        guard !number.isEmpty, isNumberToken(number) else { return nil }
        var label = keyword + " " + number
        var after = rest.dropFirst(number.count)
        if let c = after.first, c == "." || c == ":" {
            // keep the punctuation with the label when it ends it ("Section 4.02." / "ARTICLE IV:")
            label.append(c)
            after = after.dropFirst()
        }
        guard after.isEmpty || after.first == " " || after.first == "\t" || after.first == "\u{00A0}"
            || after.first == "-" || after.first == "\u{2013}" || after.first == "\u{2014}"
        else { return nil }
        return Match(label: label, rest: trimmed(after))
    }

    // "§ 4.2", "§4"
    private static func section(_ s: Substring) -> Match? {
        guard s.first == "\u{00A7}" else { return nil }
        var rest = s.dropFirst().drop(while: { $0 == " " || $0 == "\u{00A0}" })
        let number = rest.prefix(while: { $0.isNumber || $0 == "." || $0 == "(" || $0 == ")" || $0.isLetter })
        var n = number
        while n.last == "." { n = n.dropLast() }
        guard let first = n.first, first.isNumber else { return nil }
        rest = rest.dropFirst(number.count)
        return Match(label: "\u{00A7} " + number, rest: trimmed(rest))
    }

    // "(a)", "(iv)", "(12)", "(A)", also glued: "(a)the"
    private static func parenthesised(_ s: Substring) -> Match? {
        guard s.first == "(" else { return nil }
        guard let close = s.firstIndex(of: ")") else { return nil }
        let inner = s[s.index(after: s.startIndex)..<close]
        guard !inner.isEmpty, inner.count <= 5, isNumberToken(inner) else { return nil }
        if inner.allSatisfy(\.isLetter), inner.count > 1, !isRoman(inner), !(inner.count == 2 && inner.first == inner.last) {
            return nil  // "(the" ... or "(aa)" style doubled letters only
        }
        var end = s.index(after: close)
        // "(a)(i)" chains stay one label
        var label = String(s[s.startIndex..<end])
        while end < s.endIndex, s[end] == "(", let next = s[end...].firstIndex(of: ")"),
            s.distance(from: end, to: next) <= 6,
            isNumberToken(s[s.index(after: end)..<next])
        {
            label += s[end...next]
            end = s.index(after: next)
        }
        return Match(label: label, rest: trimmed(s[end...]))
    }

    // "4.", "4.2", "4.2.1", "4.2(b)", "4.02", "12)", glued "3.The"
    private static func numeric(_ s: Substring) -> Match? {
        guard let first = s.first, first.isASCII, first.isNumber else { return nil }
        var i = s.startIndex
        var groups = 0
        var sawDot = false
        while i < s.endIndex {
            let digits = s[i...].prefix(while: { $0.isASCII && $0.isNumber })
            // a clause number starts below 100: "164.524" is a regulation, "2026." a year
            guard !digits.isEmpty, digits.count <= (groups == 0 ? 2 : 3) else { return nil }
            groups += 1
            i = s.index(i, offsetBy: digits.count)
            if i < s.endIndex, s[i] == ".", s.index(after: i) < s.endIndex, s[s.index(after: i)].isNumber {
                sawDot = true
                i = s.index(after: i)
                continue
            }
            break
        }
        var label = String(s[s.startIndex..<i])
        var after = s[i...]
        if after.first == "." {
            label += "."
            after = after.dropFirst()
            sawDot = true
        } else if after.first == ")" {
            label += ")"
            after = after.dropFirst()
            sawDot = true
        }
        // 4.2(b) / 4(a)
        while after.first == "(", let close = after.firstIndex(of: ")"),
            after.distance(from: after.startIndex, to: close) <= 5,
            isNumberToken(after[after.index(after: after.startIndex)..<close])
        {
            label += after[after.startIndex...close]
            after = after[after.index(after: close)...]
            sawDot = true
        }
        guard sawDot, groups <= 6 else { return nil }
        // must be followed by a space, a tab or a capital / opening quote (glued PDF labels)
        guard let next = after.first else { return Match(label: label, rest: "") }
        if next == " " || next == "\t" || next == "\u{00A0}" {
            // "1.5 million" or "4.2 percent" after a decimal: a label is followed by words, which is fine;
            // refuse decimals followed by a lower-case word when there is no trailing dot ("2.5 hours").
            if !label.hasSuffix("."), !label.hasSuffix(")"), groups == 2 {
                let word = after.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" })
                if let c = word.first, c.isLowercase { return nil }
            }
            return Match(label: label, rest: trimmed(after))
        }
        if next.isUppercase || next == "\u{201C}" || next == "\"" {
            guard label.hasSuffix(".") || label.hasSuffix(")") else { return nil }
            return Match(label: label, rest: String(after))
        }
        return nil
    }

    // "a.", "A.", "b)", "iv.", "IV." followed by a space
    private static func letterOrRoman(_ s: Substring) -> Match? {
        let token = s.prefix(while: { $0.isLetter && $0.isASCII })
        guard !token.isEmpty, token.count <= 6 else { return nil }
        guard token.count == 1 || isRoman(token) else { return nil }
        let afterToken = s.dropFirst(token.count)
        guard let punct = afterToken.first, punct == "." || punct == ")" else { return nil }
        let after = afterToken.dropFirst()
        guard let next = after.first, next == " " || next == "\t" || next == "\u{00A0}" else { return nil }
        // "A. Smith" looks the same as a label; accept, the structure stage decides.
        return Match(label: String(token) + String(punct), rest: trimmed(after))
    }

    private static func isNumberToken(_ t: Substring) -> Bool {
        if t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) { return t.first?.isNumber == true }
        if isRoman(t) { return true }
        if t.count == 1, let c = t.first, c.isASCII, c.isLetter { return true }
        if t.count == 2, t.first == t.last, t.first!.isLetter { return true }  // "aa"
        // "4.2(b)", "4A"
        guard let f = t.first, f.isNumber else { return false }
        return t.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter || "().".contains($0)) }
    }

    private static func isRoman(_ t: Substring) -> Bool {
        guard !t.isEmpty, t.count <= 7 else { return false }
        let lower = t.lowercased()
        guard lower == t || t.uppercased() == t else { return false }
        return lower.allSatisfy { "ivxlc".contains($0) }
    }

    private static func trimmed(_ s: Substring) -> String {
        String(s.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }))
    }
}
