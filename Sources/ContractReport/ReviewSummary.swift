import ContractModel
import Foundation

/// What a reader needs first about a review: the counts, what blocks
/// signature, the gaps in the order to negotiate them, and a one-line verdict.
///
/// Blocking: a `conflict` (the contract says the opposite of what the playbook
/// requires) or a `missing` provision of `critical` severity.
public struct ReviewSummary: Sendable {
    public let review: Review

    public init(_ review: Review) {
        self.review = review
    }

    /// Whether a finding blocks signature: a conflict, or a missing critical provision.
    public static func blocks(_ f: Finding) -> Bool {
        f.status == .conflict || (f.status == .missing && f.severity == .critical)
    }

    /// Every finding that is not met, by severity (critical first), then status
    /// (conflict, missing, partial), then library order.
    public var gaps: [Finding] {
        review.findings.enumerated().filter { $0.element.status != .met }
            .sorted { a, b in
                let ka = (a.element.severity.rank, a.element.status.rank, -a.offset)
                let kb = (b.element.severity.rank, b.element.status.rank, -b.offset)
                return ka > kb
            }
            .map(\.element)
    }

    /// The gaps that block signature, in gap order.
    public var blockers: [Finding] { gaps.filter(Self.blocks) }

    /// The provisions met, in library order.
    public var met: [Finding] { review.findings.filter { $0.status == .met } }

    /// How many findings have `status` (and, when given, `severity`).
    public func count(_ status: Finding.Status, severity: Finding.Severity? = nil) -> Int {
        review.findings.filter { $0.status == status && (severity == nil || $0.severity == severity) }.count
    }

    /// One line: "2 conflicts and 1 missing critical provision block signature; 3 other gaps to negotiate."
    public var verdict: String {
        let conflicts = count(.conflict)
        let missingCritical = count(.missing, severity: .critical)
        let others = gaps.count - conflicts - missingCritical
        if conflicts + missingCritical > 0 {
            var parts: [String] = []
            if conflicts > 0 { parts.append(Self.plural(conflicts, "conflict")) }
            if missingCritical > 0 { parts.append(Self.plural(missingCritical, "missing critical provision")) }
            let verb = conflicts + missingCritical == 1 ? "blocks" : "block"
            let rest = others > 0 ? "; " + Self.plural(others, "other gap") + " to negotiate." : "."
            return parts.joined(separator: " and ") + " \(verb) signature" + rest
        }
        if others > 0 {
            return "Nothing blocks signature; " + Self.plural(others, "gap") + " to negotiate."
        }
        return review.findings.count == 1
            ? "The provision checked is met." : "All \(review.findings.count) provisions checked are met."
    }

    /// "1 conflict", "2 conflicts".
    public static func plural(_ n: Int, _ noun: String) -> String {
        "\(n) " + (n == 1 ? noun : noun + "s")
    }
}

extension Review {
    /// The facts that let a reader reproduce the review, labelled, in a fixed order:
    /// the document and its SHA-256, the vendor, the tool, the library and the policy (with hashes).
    public var reproduction: [(label: String, value: String)] {
        var facts: [(String, String)] = [
            ("Document", document.path),
            ("Document SHA-256", document.sha256),
            ("Format", document.format.rawValue + (document.pages.map { ", \($0) pages" } ?? "")),
            ("Vendor", vendor),
            ("Tool", "\(provenance.tool) \(provenance.toolVersion)"),
            ("Clause library", "\(provenance.libraryVersion) (SHA-256 \(provenance.libraryHash))"),
            (
                "Policy",
                (provenance.policySources.isEmpty ? "default" : provenance.policySources.joined(separator: ", "))
                    + " (SHA-256 \(provenance.policyHash))"
            ),
        ]
        if document.trackedChanges.pending {
            facts.append(("Tracked changes", "\(document.trackedChanges.total) pending, read as accepted"))
        }
        return facts
    }

    /// The clauses of a finding's evidence as cited: "3.2(b) (p. 3), 5.4 (p. 5)"; "-" when none.
    public static func clauses(of finding: Finding) -> String {
        let cited = finding.evidence.map { e in e.page.map { "\(e.clause) (p. \($0))" } ?? e.clause }
        return cited.isEmpty ? "-" : cited.joined(separator: ", ")
    }

    /// A finding's parameters as "notice_hours: 336; regions: US, EU", sorted by name; empty when none.
    public static func parameters(of finding: Finding) -> String {
        finding.parameters.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
    }
}
