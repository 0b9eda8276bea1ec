import ContractModel
import ContractReport
import Foundation
import FoundationXML
import Testing

/// The HTML checklist and memo: well-formed, self-contained, every section there.
@Suite struct HTMLReportTests {
    /// Parses the page strictly as XML (the renderer writes well-formed HTML), so a
    /// stray `<` or an unclosed element fails here.
    static func parse(_ html: String) throws -> XMLDocument {
        try XMLDocument(data: Data(html.utf8), options: [])
    }

    static func texts(_ doc: XMLDocument, _ xpath: String) throws -> [String] {
        try doc.nodes(forXPath: xpath).map { $0.stringValue ?? "" }
    }

    /// No scripts, no external resources: every reference is a fragment within the page.
    static func expectSelfContained(_ html: String, _ doc: XMLDocument) throws {
        #expect(try doc.nodes(forXPath: "//script | //link | //img | //iframe | //object | //embed").isEmpty)
        let refs = try texts(doc, "//@href | //@src | //@action | //@srcset")
        #expect(refs.allSatisfy { $0.hasPrefix("#") }, "external reference: \(refs)")
        let style = try texts(doc, "//style").joined()
        #expect(!style.contains("url(") && !style.contains("@import"))
        #expect(try doc.nodes(forXPath: "//@*[starts-with(name(), 'on')]").isEmpty, "event handler attribute")
        #expect(try doc.nodes(forXPath: "//meta[@charset='utf-8']").count == 1)
        // every fragment link lands on an element of the page
        let ids = Set(try texts(doc, "//@id"))
        for ref in refs { #expect(ids.contains(String(ref.dropFirst())), "dangling link \(ref)") }
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
    }

    @Test func checklistStructure() throws {
        let review = ReviewFixture.review()
        let html = HTMLReport.render(review, playbook: ReviewFixture.playbook)
        let doc = try Self.parse(html)
        try Self.expectSelfContained(html, doc)
        for id in ["summary", "checklist", "findings", "reproduce"] {
            #expect(try doc.nodes(forXPath: "//*[@id='\(id)']").count == 1, "section \(id)")
        }
        #expect(try Self.texts(doc, "//h1") == ["Acme Scribe AI, Inc."])
        #expect(try Self.texts(doc, "//title").first?.contains("Acme Scribe AI, Inc.") == true)
        // the verdict leads: 1 conflict blocks signature; the missing high one is another gap
        #expect(try Self.texts(doc, "//p[contains(@class,'verdict')]") == ["1 conflict blocks signature; 3 other gaps to negotiate."])
        // one checklist row per finding, in library order
        let rows = try doc.nodes(forXPath: "//table[@class='checklist']/tbody/tr")
        #expect(rows.count == review.findings.count)
        #expect(try Self.texts(doc, "//table[@class='checklist']/tbody/tr/td[2]/code") == review.findings.map(\.provision))
        // one article per finding; gaps by severity first, then met
        #expect(
            try Self.texts(doc, "//article/@id")
                == ["f-ai.training-opt-out", "f-ai.breach-notification", "f-hipaa.accounting", "f-hipaa.audit", "f-hipaa.safeguards"])
        // the deciding words are marked, and the evidence text survives escaping whole
        let quote = try #require(try doc.nodes(forXPath: "//article[@id='f-ai.training-opt-out']//blockquote/p[2]").first)
        #expect(quote.stringValue == ReviewFixture.findings[0].evidence[0].text)
        #expect(try Self.texts(doc, "//article[@id='f-ai.training-opt-out']//mark") == ["may", "Customer Data", "train"])
        #expect(try Self.texts(doc, "//article[@id='f-ai.breach-notification']//blockquote/p[@class='cite']") == ["3.2(b), p. 3"])
        // the language to ask for under every gap, not under met provisions
        #expect(try doc.nodes(forXPath: "//article[@id='f-hipaa.accounting']//div[@class='ask']").count == 1)
        #expect(try doc.nodes(forXPath: "//article[@id='f-hipaa.safeguards']//div[@class='ask']").isEmpty)
        #expect(html.contains("Business Associate shall do what hipaa.accounting requires."))
        // counts by status and severity
        #expect(try Self.texts(doc, "//div[contains(@class,'tile')]/span[@class='n']") == ["1", "2", "1", "1"])
        // everything needed to reproduce it
        let facts = try Self.texts(doc, "//footer//table[@class='facts']//td").joined(separator: "\n")
        for needle in [String(repeating: "0f", count: 32), String(repeating: "ab", count: 32), String(repeating: "cd", count: 32), "baa-review 9.9.9", "2026.1.0", "org-policy.yaml", "Acme Scribe AI, Inc."] {
            #expect(facts.contains(needle), "\(needle)")
        }
        #expect(HTMLReport.render(review, playbook: ReviewFixture.playbook) == html, "deterministic")
    }

    @Test func hostileTextIsEscaped() throws {
        var findings = ReviewFixture.findings
        findings[0].evidence[0].text = "<script>alert(1)</script> & <img src=\"http://x/y.png\"> \u{0001}"
        findings[0].evidence[0].highlights = ["script", "img"]
        let review = ReviewFixture.review(vendor: "<b>Evil</b> & \"Co\"", findings: findings)
        let html = HTMLReport.render(review, playbook: ReviewFixture.playbook)
        let doc = try Self.parse(html)
        try Self.expectSelfContained(html, doc)
        #expect(try Self.texts(doc, "//h1") == ["<b>Evil</b> & \"Co\""])
        #expect(!html.contains("<script>"))
    }

    @Test func verdictLines() {
        func verdict(_ statuses: [(Finding.Status, Finding.Severity)]) -> String {
            let findings = statuses.enumerated().map { i, s in
                Finding(provision: "p\(i)", title: "P\(i)", severity: s.1, status: s.0, evidence: [], parameters: [:], reason: "", rules: [])
            }
            return ReviewSummary(ReviewFixture.review(findings: findings)).verdict
        }
        #expect(verdict([(.conflict, .high), (.conflict, .low), (.missing, .critical), (.missing, .critical), (.partial, .high)])
            == "2 conflicts and 2 missing critical provisions block signature; 1 other gap to negotiate.")
        #expect(verdict([(.missing, .critical), (.met, .high)]) == "1 missing critical provision blocks signature.")
        #expect(verdict([(.missing, .high), (.partial, .critical), (.met, .high)]) == "Nothing blocks signature; 2 gaps to negotiate.")
        #expect(verdict([(.met, .high), (.met, .low)]) == "All 2 provisions checked are met.")
    }

    @Test func memoPage() throws {
        let memo = GapMemo(review: ReviewFixture.review(), playbook: ReviewFixture.playbook, to: "General Counsel", from: "Procurement")
        let html = MemoHTML.render(memo)
        let doc = try Self.parse(html)
        try Self.expectSelfContained(html, doc)
        #expect(try Self.texts(doc, "//h1") == ["Gap memo: Acme Scribe AI, Inc."])
        #expect(try Self.texts(doc, "//table[@class='memo-head']//th") == ["To", "From", "Re"])
        #expect(try Self.texts(doc, "//h2") == ["Executive summary", "The gaps, by severity", "Provisions met", "How this memo was produced"])
        #expect(try Self.texts(doc, "//ol[@class='blockers']/li/a/strong") == ["No training on PHI"])
        #expect(try Self.texts(doc, "//article[@class='gap']/h3") == [
            "1. No training on PHI", "2. Breach notice, AI layer", "3. Accounting of disclosures",
            "4. Audit, with a comma, and \"quotes\"",
        ])
        #expect(try Self.texts(doc, "//article[@class='gap']//h4").prefix(4) == ["What the contract says now", "Why it matters", "Language to request", "Fallback position"])
        #expect(try Self.texts(doc, "//mark").contains("ten (10) business days"))
    }
}
