import ContractModel
import Foundation

/// The gap memo a negotiator sends or adapts, independent of its format:
/// who it is to and from, the vendor and contract, an executive summary that
/// leads with what blocks signature, one section per gap (by severity) with
/// what the contract says now, why it matters and the language to request
/// with the fallback, the provisions met, and how the review can be reproduced.
///
/// `MemoMarkdown`, `MemoHTML` and `MemoWord` render it; they add no content.
public struct GapMemo: Sendable {
    public var review: Review
    public var to: String?
    public var from: String?
    /// The gaps in the order of their sections, numbered from 1.
    public var gaps: [Gap]
    public var met: [Finding]
    public var verdict: String

    /// One gap: a provision not met, with what the library says about it.
    public struct Gap: Sendable {
        /// Its section number.
        public var number: Int
        public var finding: Finding
        public var guide: ProvisionGuide?
        /// Whether it blocks signature (a conflict, or a missing critical provision).
        public var blocks: Bool
    }

    public init(review: Review, playbook: Playbook, to: String? = nil, from: String? = nil) {
        let summary = ReviewSummary(review)
        self.review = review
        self.to = to.flatMap { $0.isEmpty ? nil : $0 }
        self.from = from.flatMap { $0.isEmpty ? nil : $0 }
        self.gaps = summary.gaps.enumerated().map { i, f in
            Gap(number: i + 1, finding: f, guide: playbook[f.provision], blocks: ReviewSummary.blocks(f))
        }
        self.met = summary.met
        self.verdict = summary.verdict
    }

    /// The contract's file name, without its folders.
    public var fileName: String { HTMLReport.fileName(review.document.path) }

    public var title: String { "Gap memo: \(review.vendor)" }

    /// "Business Associate Agreement with Acme Scribe AI, Inc. (acme-scribe-baa.pdf)".
    public var subject: String { "Business Associate Agreement with \(review.vendor) (\(fileName))" }

    /// The memo's heading lines, in order: To, From, Re.
    public var heading: [(label: String, value: String)] {
        var lines: [(String, String)] = []
        if let to { lines.append(("To", to)) }
        if let from { lines.append(("From", from)) }
        lines.append(("Re", subject))
        return lines
    }

    public var blockers: [Gap] { gaps.filter(\.blocks) }
    public var others: [Gap] { gaps.filter { !$0.blocks } }

    /// The opening paragraph of the executive summary.
    public var overview: String {
        let summary = ReviewSummary(review)
        let n = review.findings.count
        let p = review.provenance
        var counts: [String] = ["\(summary.count(.met)) are met"]
        counts.append("\(summary.count(.partial)) partly met")
        counts.append("\(summary.count(.conflict)) in conflict")
        counts.append("\(summary.count(.missing)) missing")
        return "We checked \(review.vendor)'s agreement (\(fileName)) against the \(n) provisions of our clause library "
            + "(version \(p.libraryVersion)). Of these, " + counts.dropLast().joined(separator: ", ") + " and "
            + counts.last! + "."
    }

    /// The sentence under "What blocks signature" when nothing does.
    public static let nothingBlocks =
        "Nothing blocks signature: no clause conflicts with the playbook and no critical provision is missing."

    /// One line about a gap for the summary lists: "Title (conflict, critical): Clause 5.2."
    public static func summaryLine(_ gap: Gap) -> (title: String, detail: String) {
        let f = gap.finding
        let place = f.evidence.isEmpty ? "not addressed" : cited(f.evidence.map(\.clause))
        return (f.title, " (\(f.status.rawValue), \(f.severity.rawValue); \(place)).")
    }

    /// Clauses as a reader cites them: "clause 5.2", "clauses 3.2(b), 5.4", "Section 2.01".
    public static func cited(_ clauses: [String]) -> String {
        let numbered = clauses.first.map { $0.first?.isNumber == true || $0.first == "(" } ?? false
        return (numbered ? (clauses.count == 1 ? "clause " : "clauses ") : "") + clauses.joined(separator: ", ")
    }

    /// The heading of a gap's section: "1. Training on PHI (conflict, critical)".
    public static func sectionTitle(_ gap: Gap) -> String {
        "\(gap.number). \(gap.finding.title)"
    }

    /// "Conflict · critical · blocks signature" under a gap's heading.
    public static func sectionTag(_ gap: Gap) -> String {
        var tag = gap.finding.status.rawValue.capitalized + ", " + gap.finding.severity.rawValue + " severity"
        if gap.blocks { tag += "; blocks signature" }
        return tag + ". Provision " + gap.finding.provision + "."
    }

    /// The authority behind a gap, as a sentence ("Authority: 45 CFR 164.410.").
    public static func authority(_ gap: Gap) -> String? {
        guard let a = gap.guide?.authority, !a.isEmpty else { return nil }
        return "Authority: " + a + (a.hasSuffix(".") ? "" : ".")
    }

    /// The closing line under the facts.
    public static let reproduceNote =
        "The same file, clause library and policy give the same findings; the hashes above identify them."

    /// When nothing in the contract addresses a provision.
    public static let notAddressed = "Nothing in the contract addresses this."
}
