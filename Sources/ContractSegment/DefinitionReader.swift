import ContractModel

/// Finds the terms a contract defines: `"Customer Data" means ...`,
/// `"PHI" shall have the meaning ...`, and parenthetical definitions such as
/// `(the "Services")` or `("Vendor")`.
enum DefinitionReader {
    /// Quote marks, compared directly (hashing every character of a clause costs more).
    private static func isOpenQuote(_ c: Character) -> Bool { c == "\u{201C}" || c == "\"" || c == "\u{2018}" }
    private static func isCloseQuote(_ c: Character) -> Bool { c == "\u{201D}" || c == "\"" || c == "\u{2019}" }
    private static func isOpenQuote(_ u: Unicode.Scalar) -> Bool { u == "\u{201C}" || u == "\"" || u == "\u{2018}" }
    private static func isCloseQuote(_ u: Unicode.Scalar) -> Bool { u == "\u{201D}" || u == "\"" || u == "\u{2019}" }
    private static let verbs = [
        "means", "mean", "shall mean", "shall have", "has the meaning", "have the meaning", "includes", "include",
        "shall include", "refers to", "shall refer to", "is defined", "shall be", "will mean", "as used",
    ]

    /// Terms whose definition tells us they cover health information.
    static let healthTerms = [
        "protected health information", "phi", "ephi", "electronic protected health information",
        "individually identifiable health information", "health information", "patient data", "medical records",
    ]

    /// Definitions found in `text`, which sits in clause `clause` (`nil` for the preamble).
    static func definitions(in text: String, clause: Int?) -> [DefinedTerm] {
        // a definition quotes its term: a text without an opening quote needs no splitting
        guard mayHoldOpenQuote(text) else { return [] }
        var found: [DefinedTerm] = []
        let sentences = SentenceSplitter.split(text)
        for sentence in sentences {
            // the health terms of the whole sentence, computed once however many terms it defines
            var sentenceIncludes: [String]?
            for (term, range) in quotedTerms(sentence) {
                // only the words next to the term decide; bounded so that a huge sentence stays linear
                let after = sentence[range.upperBound...].prefix(200).trimmingWhitespace().lowercased()
                let near = sentence[..<range.lowerBound].suffix(80).lowercased()
                let isParenthetical = near.trimmingWhitespace().hasSuffix("(")
                    || openParenthetical.matches(near)
                let isDefining = verbs.contains(where: { after.hasPrefix($0) }) || after.hasPrefix("shall generally have")
                    || after.hasPrefix(", as used") || after.hasPrefix("or ") && after.containsLiteral("mean")
                guard isParenthetical || isDefining else { continue }
                if isDefining {
                    let all = sentenceIncludes ?? includes(in: sentence, term: "")
                    sentenceIncludes = all
                    let own = term.lowercased()
                    found.append(
                        DefinedTerm(term: term, definition: sentence, clause: clause, includes: all.filter { $0 != own }))
                } else {
                    // the words before a parenthetical name what it defines: the last 1,000 characters are plenty
                    let definition = String(sentence[..<range.lowerBound].suffix(1_000)).trimmingWhitespace()
                    found.append(
                        DefinedTerm(term: term, definition: definition, clause: clause, includes: includes(in: definition, term: term)))
                }
            }
        }
        return found
    }

    /// Health-information terms a definition mentions, lower-cased ("protected health information").
    static func includes(in definition: String, term: String) -> [String] {
        let lower = definition.lowercased()
        // every health term holds one of these words: most definitions need no regular expression
        guard ["health", "phi", "patient", "medical"].contains(where: { lower.containsLiteral($0) }) else { return [] }
        let ownTerm = term.lowercased()
        return zip(healthTerms, healthTermPatterns).filter { candidate, pattern in
            candidate != ownTerm && pattern.matches(lower)
        }.map(\.0)
    }

    /// "(the ", "(collectively, the ", "(hereinafter " just before a quoted term.
    private static let openParenthetical = Pattern(#"\((the |collectively,? (the )?|hereinafter( the)? |each,? a )?\s*$"#)
    private static let healthTermPatterns = healthTerms.map { Pattern("\\b" + $0 + "\\b") }

    /// Whether the UTF-8 of `s` holds `"`, U+201C or U+2018 (most sentences hold no quote at all).
    private static func mayHoldOpenQuote(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            var i = 0
            while i < b.count {
                if b[i] == 0x22 { return true }
                if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x9C || b[i + 2] == 0x98 { return true }
                i += 1
            }
            return false
        }
    }

    /// Quoted phrases of one to six words that start with a capital letter.
    private static func quotedTerms(_ s: String) -> [(String, Range<String.Index>)] {
        guard mayHoldOpenQuote(s) else { return [] }
        var result: [(String, Range<String.Index>)] = []
        // the term between the quote at `open` and the one at `close`, if it reads as one
        func take(_ open: String.Index, _ close: String.Index) {
            let term = s[s.index(after: open)..<close].trimmingWhitespace()
            let words = term.split(separator: " ")
            if !term.isEmpty, words.count <= 6, term.first!.isUppercase || term.first!.isNumber,
                !term.hasSuffix("."), !term.contains(",")
            {
                result.append((term, open..<s.index(after: close)))
            }
        }
        // a term is at most six words: its closing quote is looked for nearby only
        func scan<Units: BidirectionalCollection>(
            _ units: Units, open isOpen: (Units.Element) -> Bool, close isClose: (Units.Element) -> Bool
        ) where Units.Index == String.Index {
            var i = units.startIndex
            while i < units.endIndex {
                if isOpen(units[i]), let close = units[units.index(after: i)...].prefix(120).firstIndex(where: isClose) {
                    take(i, close)
                    i = units.index(after: close)
                    continue
                }
                i = units.index(after: i)
            }
        }
        if s.searchesAsBytes {
            // every scalar of such a text is a character of its own: read scalars, not characters
            scan(s.unicodeScalars, open: isOpenQuote, close: isCloseQuote)
        } else {
            scan(s, open: isOpenQuote, close: isCloseQuote)
        }
        return result
    }
}

import Foundation
