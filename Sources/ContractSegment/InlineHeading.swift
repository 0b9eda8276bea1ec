/// Finds a heading run into the start of a clause's text: "Term. The term of
/// this Agreement ..." -> ("Term", "The term of this Agreement ...").
enum InlineHeading {
    /// Splits an inline heading off `text`, or returns `nil` when there is none.
    /// A heading is a short title-case phrase (at most eight words) ending in a
    /// period, colon or dash, followed by more text.
    static func split(_ text: String) -> (heading: String, rest: String)? {
        guard let (end, restStart) = firstSeparator(in: text) else { return nil }
        let head = text[..<end]
        let rest = text[restStart...]
        // most text before a first full stop is a sentence: its words are counted before it is split
        guard head.wordCount(upTo: 8) <= 8 else { return nil }
        let words = head.split(separator: " ")
        guard !words.isEmpty, !rest.isEmpty else { return nil }
        guard let first = head.first, first.isUppercase || first == "\u{201C}" || first == "\"" else { return nil }
        if head.contains(where: { $0 == "," || $0 == ";" || $0 == "(" }) { return nil }
        // every word of four letters or more is capitalised, quoted terms allowed ("“PHI”")
        for word in words {
            let bare = word.trimming(where: { $0 == "\u{201C}" || $0 == "\u{201D}" || $0 == "\"" || $0 == "'" })
            guard let c = bare.first else { continue }
            if connectives.contains(bare.lowercased()) { continue }
            if !(c.isUppercase || c.isNumber) { return nil }
        }
        // "The Vendor shall" is a sentence, not a heading: a heading has no modal verb
        if words.contains(where: { modals.contains($0.lowercased()) }) { return nil }
        // an abbreviation such as "Inc." or "U.S." ends no heading
        if let last = words.last, abbreviations.contains(String(last)) {
            return nil
        }
        return (String(head), String(rest))
    }

    /// Small words a title leaves in lower case.
    private static let connectives: Set<String> = ["and", "or", "of", "the", "to", "for", "in", "on", "by", "with", "a", "an"]
    /// Verbs that make a phrase a sentence.
    private static let modals: Set<String> = ["shall", "will", "may", "must", "agrees", "is", "are"]
    private static let abbreviations: Set<String> = ["Inc", "Ltd", "Co", "Corp", "No", "Sec", "U.S", "L.L.C", "LLC", "P.C"]

    private static let separators: [String] = [". ", ": ", " \u{2014} ", " \u{2013} ", " - "]

    /// The first of the separators in `text`: one left-to-right pass over the
    /// bytes where that finds what Foundation's search finds, else Foundation.
    private static func firstSeparator(in text: String) -> (String.Index, String.Index)? {
        guard text.searchesAsBytes else {
            var best: (String.Index, String.Index)?
            for separator in separators {
                if let range = text.range(of: separator), best == nil || range.lowerBound < best!.0 {
                    best = (range.lowerBound, range.upperBound)
                }
            }
            return best
        }
        var contiguous = text
        let found: (Int, Int)? = contiguous.withUTF8 { bytes in
            for i in bytes.indices where bytes[i] == 0x2E || bytes[i] == 0x3A || bytes[i] == 0x20 {
                for separator in separatorBytes where bytes[i...].starts(with: separator) {
                    return (i, i + separator.count)
                }
            }
            return nil
        }
        guard let (start, end) = found else { return nil }
        let utf8 = text.utf8
        return (utf8.index(utf8.startIndex, offsetBy: start), utf8.index(utf8.startIndex, offsetBy: end))
    }

    private static let separatorBytes = separators.map { Array($0.utf8) }
}

import ContractModel
import Foundation
