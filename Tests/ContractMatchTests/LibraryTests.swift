import ContractMatch
import ContractModel
import Foundation
import Testing

@Suite struct LibraryTests {
    /// Every provision of the spec is in the library.
    @Test func allSixteenProvisions() {
        let ids = Set(builtInLibrary.provisions.map(\.id))
        let spec = [
            "ai.training-opt-out", "ai.subprocessors", "ai.breach-notification", "ai.audit-rights", "ai.data-residency",
            "ai.indemnification", "hipaa.permitted-uses", "hipaa.safeguards", "hipaa.reporting", "hipaa.subcontractors",
            "hipaa.access", "hipaa.amendment", "hipaa.accounting", "hipaa.hhs-books-records", "hipaa.return-destroy",
            "hipaa.termination",
        ]
        for id in spec { #expect(ids.contains(id), "missing provision \(id)") }
    }

    /// Each provision's own examples give their expected status and parameters.
    @Test(arguments: builtInLibrary.provisions.map(\.id))
    func examples(provision id: String) {
        var library = builtInLibrary
        library.provisions = library.provisions.filter { $0.id == id }
        let results = ExampleRunner(library: library, policy: library.defaultPolicy).run()
        #expect(results.failures.isEmpty, "\(results.failures.joined(separator: "\n"))")
        #expect(results.passed >= 4)
    }

    @Test func lintIsClean() {
        #expect(LibraryLinter.lint(builtInLibrary) == [])
    }

    @Test func errorsNameFileLineAndColumn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lib-\(UUID().uuidString)")
        let source = matchRepoRoot.appendingPathComponent("clause-library")
        try FileManager.default.copyItem(at: source, to: dir)
        let file = dir.appendingPathComponent("provisions/ai.training-opt-out.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nelements:", with: "\nelemnts:")
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try ClauseLibrary.load(from: dir)
            Issue.record("a misspelt key must be refused")
        } catch {
            let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("elemnts:") }! + 1
            #expect(error.description.hasPrefix("\(file.path):\(line):"))
            #expect(error.description.contains("unknown key 'elemnts' (did you mean 'elements'?)"))
        }
        // an unknown concept is reported where it is used
        text = text.replacingOccurrences(of: "\nelemnts:", with: "\nelements:").replacingOccurrences(of: "\nfind: [", with: "\nfind: [improvee, ")
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try ClauseLibrary.load(from: dir)
            Issue.record("an unknown concept must be refused")
        } catch {
            #expect(error.description.contains("unknown concept 'improvee'"))
            #expect(error.line != nil)
        }
    }

    /// The library reads every scalar as the text it is: YAML's null spellings give an empty
    /// list, and what YAML would type as a number or a boolean stays as written.
    @Test func scalarsReadAsWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lib-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: matchRepoRoot.appendingPathComponent("clause-library"), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let libraryFile = dir.appendingPathComponent("library.yaml")
        let libraryText = try String(contentsOf: libraryFile, encoding: .utf8)
        try libraryText.replacingOccurrences(of: "version: \"2026.11.1\"", with: "version: 1.10").write(
            to: libraryFile, atomically: true, encoding: .utf8)
        let file = dir.appendingPathComponent("provisions/ai.training-opt-out.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let addressed = try #require(text.range(of: "\naddressed:"))
        let next = try #require(text.range(of: "\nconcepts:", range: addressed.upperBound..<text.endIndex))
        for null in ["~", "null", "NULL", ""] {
            try (text[..<addressed.lowerBound] + "\naddressed: \(null)" + text[next.lowerBound...]).write(
                to: file, atomically: true, encoding: .utf8)
            let library = try ClauseLibrary.load(from: dir)
            #expect(library.version == "1.10")
            let provision = try #require(library.provisions.first { $0.id == "ai.training-opt-out" })
            #expect(provision.addressed.isEmpty, "addressed: \(null)")
            #expect(!provision.elements.isEmpty)
        }
        // quoted, the word is text, not null: a list was expected
        try (text[..<addressed.lowerBound] + "\naddressed: 'null'" + text[next.lowerBound...]).write(
            to: file, atomically: true, encoding: .utf8)
        #expect(throws: LibraryError.self) { try ClauseLibrary.load(from: dir) }
    }

    @Test func policyOverridesThresholdsSeverityAndDisabled() throws {
        let text = "1. Notice. Vendor shall notify Customer within five (5) business days after discovering any Security Incident, including incidents affecting AI models, prompts or outputs.\n"
        let strict = try review(text)
        #expect(strict["ai.breach-notification"]?.status == .partial)
        #expect(strict["ai.breach-notification"]?.parameters["notice_hours"] == .number(168))
        let policy = try Policy.read(
            "breach_notice_max_hours: 168\ndisabled: [ai.training-opt-out]\nseverity: {ai.breach-notification: low}\n",
            file: "org.yaml", over: builtInLibrary.defaultPolicy)
        let lenient = try review(text, policy: policy)
        #expect(lenient["ai.breach-notification"]?.status == .met)
        #expect(lenient["ai.breach-notification"]?.severity == .low)
        #expect(lenient["ai.training-opt-out"] == nil)
        #expect(throws: LibraryError.self) {
            try Policy.read("breach_notice_max_hour: 2\n", file: "typo.yaml", over: builtInLibrary.defaultPolicy)
        }
    }
}
