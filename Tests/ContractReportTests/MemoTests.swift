import ContractIngest
import ContractModel
import ContractReport
import Foundation
import Testing

/// The gap memo's content, and the same content in Markdown and Word.
@Suite struct MemoTests {
    let memo = GapMemo(review: ReviewFixture.review(), playbook: ReviewFixture.playbook, to: "General Counsel", from: "")

    @Test func gapsBySeverityBlockersFirst() {
        #expect(memo.gaps.map(\.finding.provision) == ["ai.training-opt-out", "ai.breach-notification", "hipaa.accounting", "hipaa.audit"])
        #expect(memo.gaps.map(\.number) == [1, 2, 3, 4])
        #expect(memo.blockers.map(\.finding.provision) == ["ai.training-opt-out"])
        #expect(memo.met.map(\.provision) == ["hipaa.safeguards"])
        #expect(memo.heading.map(\.label) == ["To", "Re"], "an empty --from is left out")
        #expect(memo.subject == "Business Associate Agreement with Acme Scribe AI, Inc. (acme baa.pdf)")
    }

    @Test func markdown() {
        let md = MemoMarkdown.render(memo)
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
        #expect(headings == [
            "# Gap memo: Acme Scribe AI, Inc.", "## Executive summary", "### What blocks signature", "### All gaps",
            "## The gaps, by severity", "### 1. No training on PHI", "### 2. Breach notice, AI layer",
            "### 3. Accounting of disclosures", "### 4. Audit, with a comma, and \"quotes\"", "## Provisions met",
            "## How this memo was produced",
        ])
        #expect(md.contains("**To:** General Counsel  \n**Re:** Business Associate Agreement"))
        #expect(md.contains("1. **No training on PHI** (conflict, critical; clause 5.2)."))
        #expect(md.contains("> *5.2, p. 4:* Vendor **may** use **Customer Data** to **train** its models & improve \"Services\" \\<always>."))
        #expect(md.contains("**Fallback position**\n\n> At least, the fallback for ai.training-opt-out."))
        #expect(md.contains("- **Document SHA-256:** " + String(repeating: "0f", count: 32)))
        #expect(md.contains("- **Clause library:** 2026.1.0 (SHA-256 " + String(repeating: "ab", count: 32) + ")"))
        #expect(md.contains("- **Tool:** baa-review 9.9.9"))
    }

    @Test func wordReadsBack() throws {
        let data = try MemoWord.render(memo)
        #expect(try MemoWord.render(memo) == data, "byte-identical")
        let document = try DocumentReader().read(data, path: "memo.docx")
        // as Word shows them: the reader takes "1." and "5.2" for labels
        func shown(_ b: Block) -> String { (b.label.map { $0 + " " } ?? "") + b.text }
        let headings = document.blocks.filter { $0.kind == .heading }.map(shown)
        #expect(headings.starts(with: ["Gap memo: Acme Scribe AI, Inc.", "Executive summary", "What blocks signature", "All gaps", "The gaps, by severity", "1. No training on PHI"]))
        #expect(headings.contains("How this memo was produced"))
        let blocker = try #require(document.blocks.first { $0.text.hasPrefix("No training on PHI (conflict") })
        #expect(blocker.kind == .listItem && blocker.label == "1.")
        let cells = document.blocks.filter { $0.kind == .tableCell }.map(shown)
        #expect(cells.starts(with: ["#", "Provision", "Severity", "Status", "Clause", "1", "No training on PHI", "critical", "conflict", "5.2 (p. 4)"]))
        #expect(cells.contains(String(repeating: "cd", count: 32)) == false)
        #expect(cells.contains { $0.contains(String(repeating: "cd", count: 32)) }, "policy hash")
        #expect(document.blocks.contains { $0.text.hasPrefix("5.2, p. 4: Vendor may use Customer Data to train") })
    }
}
