import ContractModel
import Foundation

/// The redline checklist for people: a table per contract (provision, status,
/// clause, reason), then the language to ask for under each gap.
public enum MarkdownReport {
    /// The checklist with the language to ask for from the playbook.
    public static func render(_ review: Review, playbook: Playbook) -> String {
        let asks = Dictionary(
            playbook.guides.map { ($0.id, (modelClause: $0.modelClause, fallback: $0.fallback)) }, uniquingKeysWith: { a, _ in a })
        return render(review, asks: asks)
    }

    public static func render(_ review: Review, asks: [String: (modelClause: String, fallback: String)]) -> String {
        var out: [String] = []
        out.append("# \(review.vendor): \(review.document.path)")
        out.append("")
        let c = review.counts
        out.append(
            "\(c[.met] ?? 0) met, \(c[.partial] ?? 0) partial, \(c[.conflict] ?? 0) conflict, \(c[.missing] ?? 0) missing. "
                + "SHA-256 `\(review.document.sha256)`; \(review.provenance.tool) \(review.provenance.toolVersion), "
                + "library \(review.provenance.libraryVersion) (`\(review.provenance.libraryHash.prefix(12))`), "
                + "policy `\(review.provenance.policyHash.prefix(12))`.")
        out.append("")
        out.append("| Provision | Severity | Status | Clause | Reason |")
        out.append("|---|---|---|---|---|")
        for f in review.findings {
            let clauses = f.evidence.map { e in e.page.map { "\(e.clause) (p. \($0))" } ?? e.clause }.joined(separator: ", ")
            let params = f.parameters.isEmpty ? "" : " [" + f.parameters.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") + "]"
            out.append("| \(cell(f.title)) (`\(f.provision)`) | \(f.severity.rawValue) | **\(f.status.rawValue)** | \(cell(clauses.isEmpty ? "-" : clauses)) | \(cell(f.reason + params)) |")
        }
        let gaps = review.findings.filter { $0.status != .met }
        if !gaps.isEmpty {
            out.append("")
            out.append("## Language to ask for")
            for f in gaps.sorted(by: { ($0.status.rank, $0.severity.rank) > ($1.status.rank, $1.severity.rank) }) {
                out.append("")
                out.append("### \(f.title) (\(f.status.rawValue))")
                out.append("")
                for e in f.evidence.prefix(2) {
                    out.append("> \(e.clause): \(e.text)")
                    out.append("")
                }
                if let ask = asks[f.provision] {
                    out.append("**Ask for:** \(ask.modelClause)")
                    out.append("")
                    out.append("**Fallback:** \(ask.fallback)")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
