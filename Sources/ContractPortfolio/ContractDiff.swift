import ContractModel
import Foundation

/// What changed, provision by provision, between two reviews of a vendor's contract
/// (two versions in a negotiation): gaps closed, new conflicts, parameters such as a
/// notice deadline, and clauses that moved or were reworded. A pure function of the
/// two sets of findings.
public struct ContractDiff: Sendable, Equatable {
    /// One side of the comparison.
    public struct Side: Sendable, Equatable, Codable {
        public var path: String
        public var sha256: String
        public var vendor: String
        public var findings: [Finding]

        public init(path: String, sha256: String, vendor: String, findings: [Finding]) {
            self.path = path
            self.sha256 = sha256
            self.vendor = vendor
            self.findings = findings
        }
    }

    /// How a provision's status moved.
    public enum Movement: String, Sendable, Equatable, Codable {
        /// Not met before, met now.
        case gapClosed = "gap-closed"
        /// A conflict now, something else before.
        case newConflict = "new-conflict"
        /// Better than before but not met (conflict -> partial, missing -> partial).
        case improved
        /// Worse than before (met -> partial, partial -> missing).
        case worsened
        /// The provision is reviewed in only one of the two (the library changed).
        case added, removed
    }

    /// A parameter read from the contract that changed.
    public struct ParameterChange: Sendable, Equatable {
        public var name: String
        public var old: ParameterValue?
        public var new: ParameterValue?
        /// "shortened from 60 days to 72 hours", "added DE; removed US".
        public var summary: String
    }

    /// A deciding clause that changed between the versions.
    public struct ClauseChange: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable, Codable {
            /// The same sentences under another number.
            case renumbered
            /// Moved and reworded: similar sentences under another number.
            case renumberedAndReworded = "renumbered-and-reworded"
            /// Same number, other words.
            case reworded
            /// A clause that decides the provision now and did not before.
            case added
            /// A clause that decided it before and no longer does.
            case removed
        }
        public var kind: Kind
        public var old: String?
        public var new: String?

        public init(kind: Kind, old: String?, new: String?) {
            self.kind = kind
            self.old = old
            self.new = new
        }
    }

    /// Everything that changed for one provision.
    public struct ProvisionChange: Sendable, Equatable {
        public var provision: String
        public var title: String
        public var oldStatus: Finding.Status?
        public var newStatus: Finding.Status?
        /// `nil` when the status did not change.
        public var movement: Movement?
        public var parameters: [ParameterChange]
        public var clauses: [ClauseChange]
    }

    public var old: Side
    public var new: Side
    /// The provisions that changed, in the new review's order (then the ones only the old one has).
    public var changes: [ProvisionChange]
    /// Provisions with no change at all.
    public var unchanged: [String]

    /// The unit of each parameter by name ("hours", "days", "regions"), from the clause library;
    /// parameters without one are shown as numbers or lists.
    public typealias Units = [String: String]

    public static func compare(old: Side, new: Side, units: Units = [:]) -> ContractDiff {
        let oldByID = Dictionary(old.findings.map { ($0.provision, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.findings.map(\.provision))
        var changes: [ProvisionChange] = []
        var unchanged: [String] = []
        for finding in new.findings {
            let before = oldByID[finding.provision]
            let change = provisionChange(before, finding, units: units)
            if let change { changes.append(change) } else { unchanged.append(finding.provision) }
        }
        for finding in old.findings where !newIDs.contains(finding.provision) {
            if let change = provisionChange(finding, nil, units: units) { changes.append(change) }
        }
        return ContractDiff(old: old, new: new, changes: changes, unchanged: unchanged)
    }

    static func provisionChange(_ a: Finding?, _ b: Finding?, units: Units) -> ProvisionChange? {
        guard let any = b ?? a else { return nil }
        let movement: Movement?
        switch (a?.status, b?.status) {
        case (nil, _): movement = .added
        case (_, nil): movement = .removed
        case let (x?, y?) where x == y: movement = nil
        case (_, .met?): movement = .gapClosed
        case (_, .conflict?): movement = .newConflict
        case let (x?, y?): movement = y.rank < x.rank ? .improved : .worsened
        }
        var parameters: [ParameterChange] = []
        if let a, let b {
            for name in Set(a.parameters.keys).union(b.parameters.keys).sorted() {
                let (x, y) = (a.parameters[name], b.parameters[name])
                if x != y {
                    parameters.append(
                        ParameterChange(name: name, old: x, new: y, summary: summarize(x, y, unit: units[name])))
                }
            }
        }
        let clauses = (a != nil && b != nil) ? clauseChanges(a!.evidence, b!.evidence) : []
        if movement == nil, parameters.isEmpty, clauses.isEmpty { return nil }
        return ProvisionChange(
            provision: any.provision, title: any.title, oldStatus: a?.status, newStatus: b?.status, movement: movement,
            parameters: parameters, clauses: clauses)
    }

    /// Pairs the old and new evidence by their sentences: the same words under another
    /// number are a renumbering; similar words (most of the words shared) a move and rewording.
    static func clauseChanges(_ old: [Evidence], _ new: [Evidence]) -> [ClauseChange] {
        var remainingNew = Array(new.indices)
        var changes: [ClauseChange] = []
        var unmatchedOld: [Int] = []
        // exact text first, then the most similar
        for i in old.indices {
            if let j = remainingNew.first(where: { normalized(new[$0].text) == normalized(old[i].text) }) {
                remainingNew.removeAll { $0 == j }
                if old[i].clause != new[j].clause {
                    changes.append(ClauseChange(kind: .renumbered, old: old[i].clause, new: new[j].clause))
                }
            } else {
                unmatchedOld.append(i)
            }
        }
        for i in unmatchedOld {
            let words = wordSet(old[i].text)
            let best = remainingNew.map { ($0, similarity(words, wordSet(new[$0].text))) }.max { $0.1 < $1.1 }
            if let (j, score) = best, score >= 0.5 {
                remainingNew.removeAll { $0 == j }
                let kind: ClauseChange.Kind = old[i].clause == new[j].clause ? .reworded : .renumberedAndReworded
                changes.append(ClauseChange(kind: kind, old: old[i].clause, new: new[j].clause))
            } else if let j = remainingNew.first(where: { new[$0].clause == old[i].clause }) {
                remainingNew.removeAll { $0 == j }
                changes.append(ClauseChange(kind: .reworded, old: old[i].clause, new: new[j].clause))
            } else {
                changes.append(ClauseChange(kind: .removed, old: old[i].clause, new: nil))
            }
        }
        for j in remainingNew { changes.append(ClauseChange(kind: .added, old: nil, new: new[j].clause)) }
        return changes
    }

    static func normalized(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func wordSet(_ s: String) -> Set<Substring> {
        Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
    }

    static func similarity(_ a: Set<Substring>, _ b: Set<Substring>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }

    /// One phrase for a parameter's change, in the parameter's unit.
    static func summarize(_ old: ParameterValue?, _ new: ParameterValue?, unit: String?) -> String {
        switch (old, new) {
        case (nil, let y?): return "now \(describe(y, unit: unit))"
        case (let x?, nil): return "no longer stated (was \(describe(x, unit: unit)))"
        case (.number(let x)?, .number(let y)?):
            let verb = unit == "hours" || unit == "days" ? (y < x ? "shortened" : "lengthened") : (y < x ? "lowered" : "raised")
            return "\(verb) from \(describe(.number(x), unit: unit)) to \(describe(.number(y), unit: unit))"
        case (.list(let x)?, .list(let y)?):
            let added = y.filter { !x.contains($0) }, removed = x.filter { !y.contains($0) }
            var parts: [String] = []
            if !added.isEmpty { parts.append("added " + added.joined(separator: ", ")) }
            if !removed.isEmpty { parts.append("removed " + removed.joined(separator: ", ")) }
            return parts.isEmpty ? "reordered" : parts.joined(separator: "; ")
        case (let x?, let y?):
            return "from \(describe(x, unit: unit)) to \(describe(y, unit: unit))"
        case (nil, nil):
            return "unchanged"
        }
    }

    /// A value with its unit: hours of a week or more read as days (1440 -> "60 days", 72 -> "72 hours").
    static func describe(_ value: ParameterValue, unit: String?) -> String {
        switch (value, unit) {
        case (.number(let n), "hours"):
            if n >= 168, n.truncatingRemainder(dividingBy: 24) == 0 { return plural(n / 24, "day") }
            return plural(n, "hour")
        case (.number(let n), "days"):
            return plural(n, "day")
        case (.list(let l), _):
            return l.isEmpty ? "none" : l.joined(separator: ", ")
        default:
            return value.description
        }
    }

    static func plural(_ n: Double, _ word: String) -> String {
        let text = ParameterValue.number(n).description
        return "\(text) \(word)\(n == 1 ? "" : "s")"
    }
}
