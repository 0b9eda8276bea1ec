import ContractModel
import ContractReport
import Foundation

/// `baa-review diff` output: Markdown for people, JSON (`baa-review/diff@1`) for programs.
public enum DiffReport {
    public static let schema = "baa-review/diff@1"

    /// One line per change, e.g. "ai.training-opt-out: gap closed (conflict -> met)".
    public static func sentences(_ change: ContractDiff.ProvisionChange) -> [String] {
        var lines: [String] = []
        let from = change.oldStatus?.rawValue ?? "not reviewed"
        let to = change.newStatus?.rawValue ?? "not reviewed"
        if let movement = change.movement {
            let word: String
            switch movement {
            case .gapClosed: word = "gap closed"
            case .newConflict: word = "new conflict"
            case .improved: word = "improved"
            case .worsened: word = "worsened"
            case .added: word = "now reviewed"
            case .removed: word = "no longer reviewed"
            }
            lines.append("\(word) (\(from) -> \(to))")
        }
        for p in change.parameters { lines.append("\(p.name): \(p.summary)") }
        for c in change.clauses {
            switch c.kind {
            case .renumbered: lines.append("clause renumbered \(c.old ?? "?") -> \(c.new ?? "?")")
            case .renumberedAndReworded: lines.append("clause moved and reworded \(c.old ?? "?") -> \(c.new ?? "?")")
            case .reworded: lines.append("clause \(c.new ?? c.old ?? "?") reworded")
            case .added: lines.append("clause \(c.new ?? "?") now decides it")
            case .removed: lines.append("clause \(c.old ?? "?") no longer decides it")
            }
        }
        return lines
    }

    public static func markdown(_ diff: ContractDiff) -> String {
        var out = ["# Changes: \(diff.new.vendor)", ""]
        out.append("From `\(diff.old.path)` (SHA-256 `\(diff.old.sha256.prefix(12))`) to `\(diff.new.path)` (SHA-256 `\(diff.new.sha256.prefix(12))`).")
        if VendorKey.of(diff.old.vendor) != VendorKey.of(diff.new.vendor) {
            out.append("")
            out.append("Note: the vendors differ (\(diff.old.vendor) / \(diff.new.vendor)).")
        }
        out.append("")
        func counts(_ side: ContractDiff.Side) -> String {
            let c = Dictionary(grouping: side.findings, by: \.status).mapValues(\.count)
            return Finding.Status.allCases.map { "\(c[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        }
        out.append("Before: \(counts(diff.old)). After: \(counts(diff.new)).")
        out.append("")
        if diff.changes.isEmpty {
            out.append("No provision changed.")
        } else {
            out.append("| Provision | Before | After | What changed |")
            out.append("|---|---|---|---|")
            for change in diff.changes {
                let what = sentences(change).joined(separator: "; ")
                out.append("| \(cell(change.title)) (`\(change.provision)`) | \(change.oldStatus?.rawValue ?? "-") | "
                    + "\(change.newStatus.map { "**\($0.rawValue)**" } ?? "-") | \(cell(what)) |")
            }
        }
        out.append("")
        out.append("\(diff.unchanged.count) provision\(diff.unchanged.count == 1 ? "" : "s") unchanged.")
        return out.joined(separator: "\n") + "\n"
    }

    private struct JSONDiff: Encodable {
        struct SideInfo: Encodable { var path: String, sha256: String, vendor: String, summary: [String: Int] }
        struct Parameter: Encodable { var name: String, old: ParameterValue?, new: ParameterValue?, summary: String }
        struct Clause: Encodable { var kind: String, old: String?, new: String? }
        struct Change: Encodable {
            var provision: String, title: String
            var oldStatus: String?, newStatus: String?, movement: String?
            var parameters: [Parameter], clauses: [Clause], summary: [String]
        }
        var schema: String
        var old: SideInfo, new: SideInfo
        var changes: [Change]
        var unchanged: [String]
    }

    public static func json(_ diff: ContractDiff) throws -> String {
        func side(_ s: ContractDiff.Side) -> JSONDiff.SideInfo {
            let c = Dictionary(grouping: s.findings, by: \.status).mapValues(\.count)
            return .init(
                path: s.path, sha256: s.sha256, vendor: s.vendor,
                summary: Dictionary(uniqueKeysWithValues: Finding.Status.allCases.map { ($0.rawValue, c[$0] ?? 0) }))
        }
        let value = JSONDiff(
            schema: schema, old: side(diff.old), new: side(diff.new),
            changes: diff.changes.map { c in
                .init(
                    provision: c.provision, title: c.title, oldStatus: c.oldStatus?.rawValue, newStatus: c.newStatus?.rawValue,
                    movement: c.movement?.rawValue,
                    parameters: c.parameters.map { .init(name: $0.name, old: $0.old, new: $0.new, summary: $0.summary) },
                    clauses: c.clauses.map { .init(kind: $0.kind.rawValue, old: $0.old, new: $0.new) },
                    summary: sentences(c))
            },
            unchanged: diff.unchanged)
        let data = try DocumentJSON.makeEncoder().encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
