import ContractModel
import Foundation

/// The gap memo in Markdown (`memo --format md`): readable as plain text and
/// pasteable into an email or a wiki. Deciding words in quotes are in bold.
public enum MemoMarkdown {
    public static func render(_ memo: GapMemo) -> String {
        var out: [String] = []
        out.append("# \(escape(memo.title))")
        out.append("")
        out.append(memo.heading.map { "**\($0.label):** \(escape($0.value))" }.joined(separator: "  \n"))
        out.append("")
        out.append("## Executive summary")
        out.append("")
        out.append("**\(escape(memo.verdict))**")
        out.append("")
        out.append(escape(memo.overview))
        out.append("")
        out.append("### What blocks signature")
        out.append("")
        if memo.blockers.isEmpty {
            out.append(GapMemo.nothingBlocks)
        } else {
            for (i, gap) in memo.blockers.enumerated() {
                let line = GapMemo.summaryLine(gap)
                out.append("\(i + 1). **\(escape(line.title))**\(escape(line.detail))")
            }
        }
        if !memo.gaps.isEmpty {
            out.append("")
            out.append("### All gaps")
            out.append("")
            out.append("| # | Provision | Severity | Status | Clause |")
            out.append("|---|---|---|---|---|")
            for gap in memo.gaps {
                let f = gap.finding
                out.append(
                    "| \(gap.number) | \(cell(f.title)) | \(f.severity.rawValue) | \(f.status.rawValue) | \(cell(Review.clauses(of: f))) |")
            }
            out.append("")
            out.append("## The gaps, by severity")
            for gap in memo.gaps { out += section(gap) }
        }
        if !memo.met.isEmpty {
            out.append("")
            out.append("## Provisions met")
            out.append("")
            for f in memo.met { out.append("- \(escape(f.title)) (\(escape(Review.clauses(of: f))))") }
        }
        out.append("")
        out.append("## How this memo was produced")
        out.append("")
        for fact in memo.review.reproduction { out.append("- **\(fact.label):** \(escape(fact.value))") }
        out.append("")
        out.append(GapMemo.reproduceNote)
        return out.joined(separator: "\n") + "\n"
    }

    private static func section(_ gap: GapMemo.Gap) -> [String] {
        let f = gap.finding
        var out: [String] = ["", "### \(escape(GapMemo.sectionTitle(gap)))", "", "*\(escape(GapMemo.sectionTag(gap)))*", ""]
        out.append("**What the contract says now**")
        out.append("")
        if f.evidence.isEmpty {
            out.append(GapMemo.notAddressed)
            out.append("")
        } else {
            for e in f.evidence {
                let quote = Highlighting.pieces(of: e).map { $0.highlighted ? "**\(escape($0.text))**" : escape($0.text) }.joined()
                out.append("> *\(escape(HTMLReport.cite(e))):* \(quote)")
                out.append("")
            }
        }
        out.append("Our reading: \(escape(f.reason))")
        if let guide = gap.guide {
            out.append("")
            out.append("**Why it matters**")
            out.append("")
            out.append(escape(guide.rationale) + (GapMemo.authority(gap).map { " " + escape($0) } ?? ""))
            out.append("")
            out.append("**Language to request**")
            out.append("")
            out.append("> " + escape(guide.modelClause))
            out.append("")
            out.append("**Fallback position**")
            out.append("")
            out.append("> " + escape(guide.fallback))
        }
        return out
    }

    /// Inline text with Markdown's emphasis, code and link characters escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.replacingNewlines() {
            if "\\*_`[]<".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    private static func cell(_ s: String) -> String {
        escape(s).replacingOccurrences(of: "|", with: "\\|")
    }
}

extension String {
    /// Line breaks as spaces, for text that must stay on one Markdown line.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
