import Foundation
import ContractModel

/// The check a redline must pass: the redlined contract, with every change
/// accepted, meets each provision the redline inserted, and has no conflict
/// the original did not have.
public struct RoundTrip: Sendable, Equatable {
    /// Provisions the redline inserted that are still not met, with their status after.
    public var insertedNotMet: [(String, Finding.Status)]
    /// Provisions that are a conflict now but were not before.
    public var newConflicts: [String]
    /// Provisions whose conflicting language was replaced, with their status after.
    public var replaced: [(String, Finding.Status)]
    /// Any other provision whose status got worse, with both statuses.
    public var worse: [(String, Finding.Status, Finding.Status)]
    /// How many inserted provisions are met.
    public var insertedMet: Int

    /// Whether every inserted provision is met and no conflict is new.
    public var holds: Bool { insertedNotMet.isEmpty && newConflicts.isEmpty }

    public init(before: [Finding], after: [Finding], plan: RedlinePlan) {
        let old = Dictionary(before.map { ($0.provision, $0.status) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.map { ($0.provision, $0.status) }, uniquingKeysWith: { a, _ in a })
        let inserted = plan.insertion?.sections.map(\.provision) ?? []
        insertedNotMet = inserted.compactMap { id in new[id].flatMap { $0 == .met ? nil : (id, $0) } }
        insertedMet = inserted.filter { new[$0] == .met }.count
        newConflicts = after.filter { $0.status == .conflict && old[$0.provision] != .conflict }.map(\.provision)
        replaced = plan.replacements.compactMap { r in new[r.provision].map { (r.provision, $0) } }
        let touched = Set(inserted + plan.replacements.map(\.provision))
        worse = after.compactMap { f in
            guard !touched.contains(f.provision), let was = old[f.provision], Self.rank(f.status) < Self.rank(was) else { return nil }
            return (f.provision, was, f.status)
        }
    }

    /// How good a status is for the covered entity: met > partial > missing > conflict.
    private static func rank(_ s: Finding.Status) -> Int {
        switch s {
        case .met: 3
        case .partial: 2
        case .missing: 1
        case .conflict: 0
        }
    }

    public static func == (a: RoundTrip, b: RoundTrip) -> Bool {
        a.insertedNotMet.map { "\($0.0)=\($0.1)" } == b.insertedNotMet.map { "\($0.0)=\($0.1)" }
            && a.newConflicts == b.newConflicts && a.insertedMet == b.insertedMet
            && a.replaced.map { "\($0.0)=\($0.1)" } == b.replaced.map { "\($0.0)=\($0.1)" }
            && a.worse.map { "\($0.0)=\($0.1)>\($0.2)" } == b.worse.map { "\($0.0)=\($0.1)>\($0.2)" }
    }

    /// Lines for the command's summary.
    public var summary: [String] {
        var out: [String] = []
        let inserted = insertedMet + insertedNotMet.count
        if inserted > 0 {
            out.append("\(insertedMet) of \(inserted) inserted provision\(inserted == 1 ? "" : "s") met")
        }
        for (id, status) in insertedNotMet {
            out.append("  \(id) is \(status.rawValue) after the insertion (the library's model clause is not read as met)")
        }
        for (id, status) in replaced {
            out.append("  \(id): \(status.rawValue) after its conflicting language is replaced")
        }
        out.append(newConflicts.isEmpty ? "no new conflict" : "new conflicts: " + newConflicts.joined(separator: ", "))
        for (id, was, now) in worse { out.append("  \(id) was \(was.rawValue), now \(now.rawValue)") }
        return out
    }
}
