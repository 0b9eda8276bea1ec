import ContractModel

/// Checks a loaded library for problems the loader accepts but a reviewer
/// would regret: provisions without examples, examples missing a status,
/// rules without a reason, the spec's ids absent.
public enum LibraryLinter {
    public static func lint(_ library: ClauseLibrary) -> [String] {
        var problems: [String] = []
        for p in library.provisions {
            if p.examples.isEmpty { problems.append("\(p.file): \(p.id) has no examples") }
            let statuses = Set(p.examples.map(\.status))
            for status in [Finding.Status.met, .missing] where !statuses.contains(status) {
                problems.append("\(p.file): \(p.id) has no example with status \(status.rawValue)")
            }
            if p.elements.isEmpty { problems.append("\(p.file): \(p.id) has no elements, so it can never be met") }
            if p.ask.modelClause.count < 40 { problems.append("\(p.file): \(p.id): ask.model_clause is too short to paste") }
            if let r = p.ask.replacement, r.count < 40 { problems.append("\(p.file): \(p.id): ask.replace is too short to replace a clause") }
            if let h = p.ask.heading {
                let words = h.split(separator: " ")
                if h.isEmpty || words.count > 8 || h.hasSuffix(".") || h.contains(where: { ",;()".contains($0) }) {
                    problems.append("\(p.file): \(p.id): ask.heading should be a short title-case heading (at most 8 words, no final period)")
                }
            }
            if p.ask.replacement != nil && p.conflicts.isEmpty {
                problems.append("\(p.file): \(p.id): ask.replace is set but the provision has no conflicts to replace")
            }
            let ids = (p.elements + p.qualifiers + p.conflicts + p.addressed).map(\.id)
            for id in Set(ids) where ids.filter({ $0 == id }).count > 1 {
                problems.append("\(p.file): \(p.id): rule id '\(id)' is used twice")
            }
        }
        return problems
    }
}
