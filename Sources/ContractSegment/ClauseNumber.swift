import ContractModel

/// A clause number read from its printed label, with the numbering style it
/// belongs to. Styles decide nesting: a label of a style already open closes
/// the clauses below it; a new style opens a level.
struct ClauseNumber: Equatable {
    enum Style: Hashable {
        /// "4.", "4.2", "Section 4.02", "§ 4": absolute, `depth` components.
        case decimal(depth: Int)
        /// "ARTICLE IV", "Article 4", "PART 2".
        case article
        /// "(a)", "a.", "a)"; `wrap` tells the three apart.
        case lowerLetter(wrap: Character)
        case upperLetter(wrap: Character)
        case lowerRoman(wrap: Character)
        case upperRoman(wrap: Character)
        /// "(1)", "1)".
        case parenNumber(wrap: Character)
        /// "•" and other bullets: a child without a number of its own.
        case bullet
        /// "Exhibit A", "Schedule 2", "Addendum": starts a new instrument.
        case instrument
    }

    var style: Style
    /// The label as printed.
    var label: String
    /// Normalised components this label contributes: absolute for decimal and
    /// article styles, one relative component otherwise.
    var components: [String]
    /// The ordinal of the last component (a=1, iv=4), for restart and ambiguity checks.
    var ordinal: Int

    /// Whether `components` replace the parent's path instead of extending it.
    var isAbsolute: Bool {
        switch style {
        case .decimal, .article, .instrument: true
        default: false
        }
    }

    private static let instrumentWords = [
        "exhibit", "schedule", "appendix", "annex", "attachment", "addendum", "rider",
    ]

    /// The characters a bullet list item begins with (a dash, or a Symbol-font "o" or private-use bullet).
    private static let bullets: Set<Character> = ["\u{2022}", "\u{25CF}", "\u{25AA}", "\u{25E6}", "\u{2013}", "-", "\u{F0B7}", "o"]

    /// Reads `label`; `nil` when it is not a clause number.
    static func parse(_ label: String) -> ClauseNumber? {
        let trimmed = label.trimmingWhitespace()
        guard let first = trimmed.first else { return nil }
        if trimmed.count == 1, Self.bullets.contains(first) {
            return ClauseNumber(style: .bullet, label: trimmed, components: [], ordinal: 0)
        }
        let lower = trimmed.lowercased()
        if let word = instrumentWords.first(where: { lower.hasPrefix($0) }) {
            let rest = ClausePath.normalise(String(trimmed.dropFirst(word.count)))
            return ClauseNumber(style: .instrument, label: trimmed, components: rest, ordinal: 0)
        }
        if lower.hasPrefix("article ") || lower.hasPrefix("part ") {
            let path = ClausePath.normalise(trimmed)
            guard let n = path.first else { return nil }
            return ClauseNumber(style: .article, label: trimmed, components: path, ordinal: Int(n) ?? 0)
        }
        if lower.hasPrefix("section ") || lower.hasPrefix("clause ") || first == "\u{00A7}" || first.isNumber {
            let path = ClausePath.normalise(trimmed)
            guard !path.isEmpty, path[0].first?.isNumber == true else { return nil }
            // "4.2(b)" keeps its letter as a deeper component of the same decimal style
            return ClauseNumber(
                style: .decimal(depth: path.count), label: trimmed, components: path,
                ordinal: Int(path.last!) ?? ordinalOfLetters(path.last!))
        }
        // (a) a. a) (iv) iv. (A) (1)
        var core = Substring(trimmed)
        var wrap: Character = "."
        if core.first == "(" {
            wrap = "("
            core = core.dropFirst()
            if let close = core.firstIndex(of: ")") { core = core[..<close] }
        } else if let last = core.last, last == "." || last == ")" {
            wrap = last
            core = core.dropLast()
        }
        guard !core.isEmpty, core.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        let token = String(core)
        if let n = Int(token) {
            return ClauseNumber(style: .parenNumber(wrap: wrap), label: trimmed, components: [token], ordinal: n)
        }
        guard token.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let isUpper = token.uppercased() == token
        if let roman = Roman.value(of: token), token.count > 1 || "ivx".contains(token.lowercased()) {
            return ClauseNumber(
                style: isUpper ? .upperRoman(wrap: wrap) : .lowerRoman(wrap: wrap), label: trimmed,
                components: [token.lowercased()], ordinal: roman)
        }
        guard token.count <= 2 else { return nil }
        return ClauseNumber(
            style: isUpper ? .upperLetter(wrap: wrap) : .lowerLetter(wrap: wrap), label: trimmed,
            components: [token.lowercased()], ordinal: ordinalOfLetters(token))
    }

    /// The same number read as letters: "(i)" after "(h)" is the ninth letter, not one.
    func asLetter() -> ClauseNumber? {
        let wrapChar: Character
        let upper: Bool
        switch style {
        case .lowerRoman(let w): (wrapChar, upper) = (w, false)
        case .upperRoman(let w): (wrapChar, upper) = (w, true)
        default: return nil
        }
        guard let token = components.first, token.count == 1 else { return nil }
        return ClauseNumber(
            style: upper ? .upperLetter(wrap: wrapChar) : .lowerLetter(wrap: wrapChar), label: label,
            components: components, ordinal: Self.ordinalOfLetters(token))
    }

    /// a=1 ... z=26, aa=27.
    static func ordinalOfLetters(_ s: String) -> Int {
        let lower = s.lowercased()
        guard let c = lower.unicodeScalars.first, lower.count <= 2, CharacterSet.lowercaseLetters.contains(c) else { return 0 }
        let base = Int(c.value) - 96
        return lower.count == 2 ? 26 + base : base
    }
}

import Foundation
