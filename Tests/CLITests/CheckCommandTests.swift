import Foundation
import Testing

@Suite struct CheckCommandTests {
    private func contract(_ text: String) throws -> String {
        let file = try temporaryDirectory().appendingPathComponent("vendor-baa.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    private let gappy = """
        BUSINESS ASSOCIATE AGREEMENT

        This Agreement is made between Lakeside Clinic ("Customer") and Northwind Scribe, Inc. ("Vendor").

        1. Training. Customer grants Vendor a perpetual license to use Customer Data, including PHI, to train and improve Vendor's machine learning models.

        2. Notice. Vendor shall notify Customer within ten (10) business days after discovering a Security Incident affecting the AI models or prompts.
        """

    @Test func jsonReportFollowsTheContract() throws {
        let path = try contract(gappy)
        let result = try runCLI(["check", "--format", "json", path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["schema"] as? String == "baa-review/report@1")
        let document = report["document"] as? [String: Any]
        #expect(document?["format"] as? String == "text")
        #expect(document?["vendor"] as? String == "Northwind Scribe, Inc.")
        #expect((document?["sha256"] as? String)?.count == 64)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count >= 16)
        let byId = Dictionary(uniqueKeysWithValues: findings.map { ($0["provision"] as! String, $0) })
        #expect(byId["ai.training-opt-out"]?["status"] as? String == "conflict")
        let breach = try #require(byId["ai.breach-notification"])
        #expect(breach["status"] as? String == "partial")
        #expect((breach["parameters"] as? [String: Any])?["notice_hours"] as? Int == 336)
        let evidence = try #require((breach["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["clause"] as? String == "2")
        #expect((evidence["text"] as? String)?.hasPrefix("Vendor shall notify Customer within ten (10) business days") == true)
        #expect(byId["hipaa.accounting"]?["status"] as? String == "missing")
        #expect((byId["hipaa.accounting"]?["evidence"] as? [Any])?.isEmpty == true)
        // deterministic: byte-identical on a second run
        #expect(try runCLI(["check", "--format", "json", path]).stdout == result.stdout)
    }

    @Test func markdownChecklistAndAsks() throws {
        let result = try runCLI(["check", try contract(gappy)])
        #expect(result.status == 0)
        #expect(result.stdout.contains("| Provision | Severity | Status | Clause | Reason |"))
        #expect(result.stdout.contains("## Language to ask for"))
        #expect(result.stdout.contains("**Fallback:**"))
    }

    @Test func failOnLevels() throws {
        let path = try contract(gappy)
        #expect(try runCLI(["check", "--fail-on", "conflict", path]).status == 3)
        let clean = try contract("1. Vendor shall not use PHI to train or fine-tune any AI model.\n")
        #expect(try runCLI(["check", "--fail-on", "conflict", clean]).status == 0)
        #expect(try runCLI(["check", "--fail-on", "missing", clean]).status == 3)
    }

    @Test func policyAndLibraryOptions() throws {
        let path = try contract(gappy)
        let dir = try temporaryDirectory()
        let policy = dir.appendingPathComponent("org.yaml")
        try "breach_notice_max_hours: 400\ndisabled: [ai.training-opt-out]\n".write(to: policy, atomically: true, encoding: .utf8)
        let result = try runCLI(["check", "--format", "json", "--policy", policy.path, path])
        #expect(!result.stdout.contains("\"ai.training-opt-out\""))
        #expect(result.stdout.contains("\"status\" : \"met\""))
        let bad = dir.appendingPathComponent("bad.yaml")
        try "breach_notice_max_hour: 4\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try runCLI(["check", "--policy", bad.path, path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("\(bad.path):1:1: unknown policy setting 'breach_notice_max_hour'"))
        let noLibrary = try runCLI(["check", "--library", dir.path, path])
        #expect(noLibrary.status != 0)
        #expect(noLibrary.stderr.contains("not a clause library"))
    }

    /// `--library DIR` replaces the built-in library.
    @Test func anotherLibraryReplacesTheBuiltInOne() throws {
        let dir = try temporaryDirectory().appendingPathComponent("lib")
        try FileManager.default.copyItem(at: cliRepoRoot.appendingPathComponent("clause-library"), to: dir)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("provisions/ai.training-opt-out.yaml"))
        let result = try runCLI(["check", "--format", "json", "--library", dir.path, try contract(gappy)])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 15)
        #expect(!findings.contains { $0["provision"] as? String == "ai.training-opt-out" })
    }

    /// The binary finds its built-in library from any working directory.
    @Test func builtInLibraryFromAnyDirectory() throws {
        let result = try runCLI(["library", "list"], cwd: URL(fileURLWithPath: "/"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ai.training-opt-out"))
        let test = try runCLI(["library", "test"], cwd: URL(fileURLWithPath: "/"))
        #expect(test.stdout.contains(" passed, 0 failed"), "\(test.stdout)")
        let show = try runCLI(["library", "show", "ai.breach-notification"])
        #expect(show.stdout.contains("Ask for:"))
        let lint = try runCLI(["library", "lint"])
        #expect(lint.status == 0, "\(lint.stdout)")
    }

    @Test func unreadableFileIsReportedAndOthersStillChecked() throws {
        let good = try contract(gappy)
        let result = try runCLI(["check", "--format", "json", "/nonexistent/x.pdf", good])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/x.pdf: cannot read the file"))
        #expect(result.stdout.contains("baa-review/report@1"))
    }
}
