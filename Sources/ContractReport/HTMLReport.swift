import ContractModel
import Foundation

/// The checklist as one self-contained, printable HTML page per contract
/// (`check --format html`): the verdict and counts, the checklist table, each
/// finding with its evidence quoted (deciding words highlighted), clause, page,
/// reason and the language to ask for, and the facts that reproduce the review.
/// No scripts, no external resources, no network.
public enum HTMLReport {
    public static func render(_ review: Review, playbook: Playbook) -> String {
        let summary = ReviewSummary(review)
        let p = review.provenance
        var out = HTML.page(
            title: "\(review.vendor): BAA review of \(fileName(review.document.path))",
            generator: "\(p.tool) \(p.toolVersion)", style: HTMLStyle.base + "\n" + HTMLStyle.checklist)
        out += masthead(review)
        out += summarySection(summary)
        out += checklist(review)
        out += findingsSection(summary, playbook: playbook)
        out += "<footer id=\"reproduce\">\n<h2>Reproduce this review</h2>\n"
        out += "<p class=\"muted\">The same file, clause library and policy give the same findings.</p>\n"
        out += HTML.facts(review.reproduction)
        out += "</footer>\n"
        return out + HTML.end
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func masthead(_ review: Review) -> String {
        let d = review.document
        let format = d.format.rawValue.uppercased() + (d.pages.map { ", \($0) pages" } ?? "")
        return """
            <header class="masthead">
            <p class="kicker">Business Associate Agreement review</p>
            <h1>\(HTML.escape(review.vendor))</h1>
            <p class="doc">\(HTML.escape(d.path)) · \(HTML.escape(format)) · SHA-256 <code>\(HTML.escape(d.sha256))</code></p>
            </header>

            """
    }

    private static func verdictClass(_ summary: ReviewSummary) -> String {
        if !summary.blockers.isEmpty { return "verdict-block" }
        return summary.gaps.isEmpty ? "verdict-clear" : "verdict-negotiate"
    }

    private static func summarySection(_ summary: ReviewSummary) -> String {
        var out = "<section id=\"summary\">\n<h2>Summary</h2>\n"
        out += "<p class=\"verdict \(verdictClass(summary))\">\(HTML.escape(summary.verdict))</p>\n"
        out += "<div class=\"tiles\">\n"
        for status in [Finding.Status.conflict, .missing, .partial, .met] {
            out += "<div class=\"tile status-\(status.rawValue)\"><span class=\"n\">\(summary.count(status))</span>"
            out += "<span class=\"l\">\(status.rawValue)</span></div>\n"
        }
        out += "</div>\n"
        out += "<table class=\"matrix\">\n<caption class=\"muted\">Provisions by severity and status</caption>\n"
        out += "<thead><tr><th scope=\"col\">Severity</th>"
        let statuses: [Finding.Status] = [.conflict, .missing, .partial, .met]
        for status in statuses { out += "<th scope=\"col\">\(status.rawValue)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for severity in [Finding.Severity.critical, .high, .medium, .low] {
            out += "<tr><th scope=\"row\">\(HTML.severityTag(severity))</th>"
            for status in statuses {
                let n = summary.count(status, severity: severity)
                out += n == 0 ? "<td class=\"zero\">0</td>" : "<td>\(n)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n\n"
        return out
    }

    private static func checklist(_ review: Review) -> String {
        var out = "<section id=\"checklist\">\n<h2>Checklist</h2>\n<table class=\"checklist\">\n"
        out += "<colgroup><col class=\"n\"/><col class=\"provision\"/><col class=\"severity\"/><col class=\"status\"/>"
        out += "<col class=\"clause\"/><col class=\"reason\"/></colgroup>\n"
        out += "<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Provision</th><th scope=\"col\">Severity</th>"
        out += "<th scope=\"col\">Status</th><th scope=\"col\">Clause</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n"
        for (i, f) in review.findings.enumerated() {
            out += "<tr>"
            out += "<td>\(i + 1)</td>"
            out += "<td><a href=\"#\(HTML.anchor("f", f.provision))\">\(HTML.escape(f.title))</a><br/><code>\(HTML.escape(f.provision))</code></td>"
            out += "<td>\(HTML.severityTag(f.severity))</td>"
            out += "<td>\(HTML.statusBadge(f.status))</td>"
            out += "<td class=\"clause\">\(f.evidence.isEmpty ? "-" : f.evidence.map { "<span>\(HTML.escape(cite($0)))</span>" }.joined(separator: "<br/>"))</td>"
            out += "<td class=\"reason\">\(HTML.escape(f.reason))</td>"
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n\n"
    }

    static func cite(_ e: Evidence) -> String {
        e.page.map { "\(e.clause), p. \($0)" } ?? e.clause
    }

    private static func findingsSection(_ summary: ReviewSummary, playbook: Playbook) -> String {
        var out = "<section id=\"findings\">\n"
        let gaps = summary.gaps
        if !gaps.isEmpty {
            out += "<h2>Gaps and the language to ask for</h2>\n"
            for f in gaps { out += finding(f, guide: playbook[f.provision], ask: true) }
        }
        let met = summary.met
        if !met.isEmpty {
            out += "<h2>Provisions met</h2>\n"
            for f in met { out += finding(f, guide: playbook[f.provision], ask: false) }
        }
        return out + "</section>\n\n"
    }

    private static func finding(_ f: Finding, guide: ProvisionGuide?, ask: Bool) -> String {
        var out = "<article class=\"finding\" id=\"\(HTML.anchor("f", f.provision))\">\n"
        out += "<h3>\(HTML.statusBadge(f.status)) <span>\(HTML.escape(f.title))</span> \(HTML.severityTag(f.severity))</h3>\n"
        var meta = "<code>\(HTML.escape(f.provision))</code>"
        if let authority = guide?.authority, !authority.isEmpty { meta += " · \(HTML.escape(authority))" }
        out += "<p class=\"meta\">\(meta)</p>\n"
        out += "<p class=\"reason\">\(HTML.escape(f.reason))</p>\n"
        if !f.parameters.isEmpty {
            out += "<p class=\"params\"><strong>Read from the contract:</strong> \(HTML.escape(Review.parameters(of: f)))</p>\n"
        }
        if f.evidence.isEmpty {
            out += "<p class=\"none\">No clause of the contract addresses this provision.</p>\n"
        } else {
            out += "<h4>What the contract says</h4>\n"
            for e in f.evidence {
                out += HTML.quotation(e)
            }
        }
        if ask, let guide {
            if !guide.rationale.isEmpty { out += "<p class=\"why\"><strong>Why it matters:</strong> \(HTML.escape(guide.rationale))</p>\n" }
            out += "<div class=\"ask\">\n<h4>Ask for</h4>\n<p>\(HTML.escape(guide.modelClause))</p>\n"
            out += "<h4>Fallback</h4>\n<p>\(HTML.escape(guide.fallback))</p>\n</div>\n"
        }
        return out + "</article>\n"
    }
}
