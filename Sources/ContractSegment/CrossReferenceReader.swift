import ContractModel

/// Finds references from one clause to another ("as set forth in Section 9.3",
/// "subject to Article VI", "except as provided in clause 4(b)") and resolves
/// them to clauses of the same instrument where the target exists.
enum CrossReferenceReader {
    private static let reference = Pattern(
        #"\b(sections?|articles?|clauses?|paragraphs?|§)\s*((?:\d+|[ivxlc]+)(?:\.\d+)*(?:\([a-z0-9]{1,4}\))*)"#, caseInsensitive: true)

    static func references(in clauses: [Clause]) -> [CrossReference] {
        var result: [CrossReference] = []
        for clause in clauses where !clause.text.isEmpty {
            for match in reference.matches(in: clause.text) {
                guard let keywordRange = match.groups[0], let numberRange = match.groups[1] else { continue }
                let keyword = String(clause.text[keywordRange])
                let number = String(clause.text[numberRange])
                // "Section 164.504" of a regulation is not a clause of this contract
                let before = clause.text[..<match.range.lowerBound].suffix(12).lowercased()
                let after = clause.text[match.range.upperBound...].prefix(20).lowercased()
                if before.contains("c.f.r") || before.contains("cfr") || after.contains("of the hipaa") || after.hasPrefix(" of title")
                    || after.contains("u.s.c") || (number.first?.isNumber == true && number.split(separator: ".").first.map({ $0.count >= 3 }) == true)
                {
                    continue
                }
                let isRoman = number.first.map { !$0.isNumber } ?? false
                if isRoman && !keyword.lowercased().hasPrefix("article") { continue }
                let path = keyword.lowercased().hasPrefix("article") && isRoman
                    ? ClausePath.normalise("ARTICLE " + number) : ClausePath.normalise(number)
                let target = resolve(path, from: clause, in: clauses)
                let display = keyword == "§" ? "§ " + number : keyword + " " + number
                result.append(CrossReference(from: clause.index, text: display, target: target))
            }
        }
        return result
    }

    private static func resolve(_ path: [String], from clause: Clause, in clauses: [Clause]) -> Int? {
        guard !path.isEmpty else { return nil }
        let candidates = clauses.filter { $0.path == path && $0.number != nil }
        return (candidates.first { $0.instrument == clause.instrument } ?? candidates.first)?.index
    }
}

import Foundation
