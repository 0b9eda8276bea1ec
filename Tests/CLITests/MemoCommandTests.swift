import Foundation
import Testing

/// `memo` and the report formats of `check` from the command line.
@Suite struct MemoCommandTests {
    private func contract() throws -> String {
        let file = try temporaryDirectory().appendingPathComponent("northwind-baa.txt")
        try """
            BUSINESS ASSOCIATE AGREEMENT

            This Agreement is made between Lakeside Clinic ("Customer") and Northwind Scribe, Inc. ("Vendor").

            1. Training. Customer grants Vendor a perpetual license to use Customer Data, including PHI, to train and improve Vendor's machine learning models.

            2. Notice. Vendor shall notify Customer within ten (10) business days after discovering a Security Incident affecting the AI models or prompts.
            """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func markdownMemoLeadsWithBlockers() throws {
        let result = try runCLI(["memo", "--to", "Counsel", "--from", "Procurement", try contract()])
        #expect(result.status == 0, "\(result.stderr)")
        let md = result.stdout
        #expect(md.hasPrefix("# Gap memo: Northwind Scribe, Inc.\n"))
        #expect(md.contains("**To:** Counsel  \n**From:** Procurement  \n**Re:** Business Associate Agreement with Northwind Scribe, Inc. (northwind-baa.txt)"))
        let summary = try #require(md.range(of: "## Executive summary"))
        let blocks = try #require(md.range(of: "### What blocks signature"))
        let gaps = try #require(md.range(of: "## The gaps, by severity"))
        #expect(summary.upperBound < blocks.lowerBound && blocks.upperBound < gaps.lowerBound)
        #expect(md.contains("block signature"))
        #expect(md.contains("**No training on PHI or customer data** (conflict, critical; clause 1)."))
        #expect(md.contains("**Language to request**") && md.contains("**Fallback position**") && md.contains("**Why it matters**"))
        #expect(md.contains("- **Tool:** baa-review "))
    }

    @Test func outIsWrittenWholeOrNotAtAll() throws {
        let path = try contract()
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("memo.html")
        let result = try runCLI(["memo", "--format", "html", "--out", out.path, path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["memo.html"])
        let missing = try runCLI(["memo", "--out", dir.appendingPathComponent("no/such/dir/memo.md").path, path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("does not exist"))
        let unreadable = try runCLI(["memo", "--out", out.path, "/nonexistent/x.pdf"])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("/nonexistent/x.pdf"))
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("<!DOCTYPE html>"), "the earlier memo is untouched")
    }

    @Test func docxToAPipeIsAZip() throws {
        let result = try runCLI(["memo", "--format", "docx", try contract()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("PK"))
    }

    @Test func checkHTMLAndCSV() throws {
        let path = try contract()
        let html = try runCLI(["check", "--format", "html", path])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.contains("<h1>Northwind Scribe, Inc.</h1>"))
        #expect(html.stdout.contains("<mark>"))
        let csv = try runCLI(["check", "--format", "csv", path, path])
        #expect(csv.status == 0)
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines.first?.hasPrefix("document,vendor,provision,title,severity,status,clause,page,parameters,reason") == true)
        #expect(lines.filter { $0.hasPrefix("document,") }.count == 1, "one header for several contracts")
        // several contracts as HTML need a folder: one page each
        let refused = try runCLI(["check", "--format", "html", path, path])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--out-dir"))
        let dir = try temporaryDirectory()
        let other = dir.appendingPathComponent("second.md")
        try FileManager.default.copyItem(atPath: path, toPath: other.path)
        let written = try runCLI(["check", "--format", "html", "--out-dir", dir.path, path, other.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["second.md", "northwind-baa.txt.html", "second.md.html"])
    }
}
