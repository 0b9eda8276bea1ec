import ContractModel

/// Recognises the parts around the operative clauses: title, preamble,
/// recitals, signature blocks, exhibits and attached instruments.
enum ContractPartReader {
    private static let instrumentWords = [
        "exhibit", "schedule", "appendix", "annex", "attachment", "addendum", "rider",
    ]

    /// Whether a block starts a signature block ("IN WITNESS WHEREOF", "By: ____").
    static func startsSignature(_ text: String) -> Bool {
        let upper = text.uppercased()
        if upper.hasPrefix("IN WITNESS WHEREOF") { return true }
        let lower = text.lowercased()
        for lead in ["by:", "by ____", "signature:", "signed:", "name:", "title:", "date:", "authorized signature"]
        where lower.hasPrefix(lead) {
            return true
        }
        return false
    }

    /// Whether a first heading is the document's title ("Business Associate Agreement").
    static func isTitle(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["agreement", "addendum", "contract", "provisions", "terms", "amendment", "rider", "baa"]
            .contains { lower.contains($0) } && !startsRecitals(text)
    }

    /// Whether a heading right after the title continues it ("Including AI Data Use Terms", "between ...").
    static func isSubtitle(_ text: String) -> Bool {
        let first = text.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return isTitle(text)
            || ["including", "between", "for", "by", "and", "with", "among", "regarding", "relating", "concerning", "of"].contains(first)
    }

    /// Whether an unnumbered block opens the recitals.
    static func startsRecitals(_ text: String) -> Bool {
        let upper = text.uppercased()
        return upper.hasPrefix("WHEREAS") || upper == "RECITALS" || upper == "BACKGROUND" || upper == "RECITALS:"
            || upper.hasPrefix("RECITALS ")
    }

    /// Whether a block closes the recitals ("NOW, THEREFORE, the parties agree ...").
    static func endsRecitals(_ text: String) -> Bool {
        let upper = text.uppercased()
        return upper.hasPrefix("NOW, THEREFORE") || upper.hasPrefix("NOW THEREFORE") || upper.hasPrefix("THE PARTIES AGREE")
            || upper.hasPrefix("IN CONSIDERATION OF")
    }

    /// An attached instrument a heading announces: ("Exhibit A", .exhibit), ("Addendum", .body).
    /// Only short heading-like lines count, so "Exhibit A lists ..." in a sentence does not.
    static func instrument(heading text: String, isHeading: Bool) -> (name: String, part: ContractPart)? {
        // most blocks are paragraphs of many words: counted to 13 before any splitting
        guard text.wordCount(upTo: 12) <= 12 else { return nil }
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= 12 else { return nil }
        if !isHeading && (words.count > 8 || text.hasSuffix(".")) { return nil }
        let lower = text.lowercased()
        if let word = instrumentWords.first(where: { lower.hasPrefix($0) }) {
            // "Exhibit A", "Schedule 2", "Addendum"
            let word0 = words[0].trimmingCharacters(in: CharacterSet(charactersIn: ".:-\u{2013}\u{2014}"))
            var name = word0.prefix(1).uppercased() + word0.dropFirst().lowercased()
            if words.count > 1 {
                let id = words[1].trimmingCharacters(in: CharacterSet(charactersIn: ".:-\u{2013}\u{2014}"))
                if !id.isEmpty, id.count <= 4, id.allSatisfy({ $0.isNumber || $0.isUppercase }) || Roman.value(of: id) != nil {
                    name += " " + id
                }
            }
            return (name, word == "addendum" || word == "rider" ? .body : .exhibit)
        }
        // "AI DATA USE ADDENDUM", "Business Associate Addendum"
        if isHeading, lower.contains("addendum") || lower.contains("rider") {
            return ("Addendum", .body)
        }
        return nil
    }
}

import Foundation
