import ContractModel

extension ContractStructure {
    /// A tree dump for golden tests and `extract --clauses`: one line per clause,
    /// indented by depth, with citation, heading, page and first words.
    public func dump() -> String {
        var lines: [String] = []
        if let title { lines.append("title: \(title)") }
        for party in parties {
            lines.append("party: \(party.name) (\(party.aliases.joined(separator: ", "))) \(party.role.rawValue)")
        }
        for clause in clauses {
            var line = String(repeating: "  ", count: clause.depth)
            line += "[\(clause.citation)]"
            if clause.part != .body { line += " {\(clause.part.rawValue)}" }
            if let heading = clause.heading, clause.number != nil || clause.citation != heading { line += " \(heading) |" }
            if let page = clause.page { line += " p\(page)" }
            let words = clause.text.split(separator: " ")
            if !words.isEmpty { line += " " + words.prefix(8).joined(separator: " ") + (words.count > 8 ? " ..." : "") }
            lines.append(line)
        }
        for term in definitions {
            let place = term.clause.map { clauses[$0].citation } ?? "preamble"
            lines.append("defines \"\(term.term)\" in \(place)" + (term.includes.isEmpty ? "" : " includes \(term.includes.joined(separator: ", "))"))
        }
        for ref in crossReferences {
            let target = ref.target.map { clauses[$0].citation } ?? "NOT FOUND"
            lines.append("ref \(clauses[ref.from].citation): \(ref.text) -> \(target)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
