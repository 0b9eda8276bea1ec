import ContractModel
import Foundation

/// The gap memo as one self-contained HTML page (`memo --format html`), styled
/// like a letter and printable; deciding words in quotes are highlighted.
public enum MemoHTML {
    public static func render(_ memo: GapMemo) -> String {
        let review = memo.review
        let p = review.provenance
        var out = HTML.page(
            title: memo.title, generator: "\(p.tool) \(p.toolVersion)", style: HTMLStyle.base + "\n" + HTMLStyle.memo)
        out += "<header class=\"masthead\">\n<p class=\"kicker\">Memorandum</p>\n<h1>\(HTML.escape(memo.title))</h1>\n"
        out += "<table class=\"memo-head\">\n<tbody>\n"
        for line in memo.heading {
            out += "<tr><th scope=\"row\">\(HTML.escape(line.label))</th><td>\(HTML.escape(line.value))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</header>\n\n"

        out += "<section id=\"summary\">\n<h2>Executive summary</h2>\n"
        let verdictClass = memo.blockers.isEmpty ? (memo.gaps.isEmpty ? "verdict-clear" : "verdict-negotiate") : "verdict-block"
        out += "<p class=\"verdict \(verdictClass)\">\(HTML.escape(memo.verdict))</p>\n"
        out += "<p>\(HTML.escape(memo.overview))</p>\n"
        out += "<h3>What blocks signature</h3>\n"
        if memo.blockers.isEmpty {
            out += "<p>\(HTML.escape(GapMemo.nothingBlocks))</p>\n"
        } else {
            out += "<ol class=\"blockers\">\n"
            for gap in memo.blockers {
                let line = GapMemo.summaryLine(gap)
                out += "<li><a href=\"#\(HTML.anchor("gap", gap.finding.provision))\"><strong>\(HTML.escape(line.title))</strong></a>\(HTML.escape(line.detail))</li>\n"
            }
            out += "</ol>\n"
        }
        if !memo.gaps.isEmpty {
            out += "<h3>All gaps</h3>\n<table class=\"gaps\">\n"
            out += "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Provision</th><th scope=\"col\">Severity</th>"
            out += "<th scope=\"col\">Status</th><th scope=\"col\">Clause</th></tr></thead>\n<tbody>\n"
            for gap in memo.gaps {
                let f = gap.finding
                out += "<tr><td>\(gap.number)</td><td><a href=\"#\(HTML.anchor("gap", f.provision))\">\(HTML.escape(f.title))</a></td>"
                out += "<td>\(HTML.severityTag(f.severity))</td><td>\(HTML.statusBadge(f.status))</td>"
                out += "<td>\(HTML.escape(Review.clauses(of: f)))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</section>\n\n"

        if !memo.gaps.isEmpty {
            out += "<section id=\"gaps\">\n<h2>The gaps, by severity</h2>\n"
            for gap in memo.gaps { out += section(gap) }
            out += "</section>\n\n"
        }
        if !memo.met.isEmpty {
            out += "<section id=\"met\">\n<h2>Provisions met</h2>\n<ul>\n"
            for f in memo.met {
                out += "<li>\(HTML.escape(f.title)) <span class=\"muted\">(\(HTML.escape(Review.clauses(of: f))))</span></li>\n"
            }
            out += "</ul>\n</section>\n\n"
        }
        out += "<footer id=\"reproduce\">\n<h2>How this memo was produced</h2>\n"
        out += HTML.facts(review.reproduction)
        out += "<p class=\"muted\">\(HTML.escape(GapMemo.reproduceNote))</p>\n</footer>\n"
        return out + HTML.end
    }

    private static func section(_ gap: GapMemo.Gap) -> String {
        let f = gap.finding
        var out = "<article class=\"gap\" id=\"\(HTML.anchor("gap", f.provision))\">\n"
        out += "<h3>\(HTML.escape(GapMemo.sectionTitle(gap)))</h3>\n"
        out += "<p class=\"meta\">\(HTML.statusBadge(f.status)) \(HTML.escape(GapMemo.sectionTag(gap)))</p>\n"
        out += "<h4>What the contract says now</h4>\n"
        if f.evidence.isEmpty {
            out += "<p>\(HTML.escape(GapMemo.notAddressed))</p>\n"
        } else {
            for e in f.evidence {
                out += HTML.quotation(e)
            }
        }
        out += "<p><em>Our reading:</em> \(HTML.escape(f.reason))</p>\n"
        if let guide = gap.guide {
            out += "<h4>Why it matters</h4>\n<p>\(HTML.escape(guide.rationale))"
            if let authority = GapMemo.authority(gap) { out += " <span class=\"muted\">\(HTML.escape(authority))</span>" }
            out += "</p>\n"
            out += "<div class=\"ask\">\n<h4>Language to request</h4>\n<p>\(HTML.escape(guide.modelClause))</p>\n"
            out += "<h4>Fallback position</h4>\n<p>\(HTML.escape(guide.fallback))</p>\n</div>\n"
        }
        return out + "</article>\n"
    }
}
