import Foundation
import Testing

@Suite struct ExtractCommandTests {
    @Test func helpAndVersion() throws {
        let version = try runCLI(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try runCLI(["extract", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--password"))
        #expect(help.stdout.contains("--time-limit"))
    }

    @Test func textAndJSON() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("c.txt")
        try "1. Scope\nVendor shall comply.\n\n1.1 Vendor shall not train models.\n".write(to: file, atomically: true, encoding: .utf8)
        let text = try runCLI(["extract", file.path])
        #expect(text.status == 0)
        #expect(text.stdout == "1. Scope\n\nVendor shall comply.\n\n1.1 Vendor shall not train models.\n")
        let json = try runCLI(["extract", "--format", "json", file.path])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "baa-review/document@1")
        let metadata = object?["metadata"] as? [String: Any]
        #expect(metadata?["format"] as? String == "text")
        #expect((metadata?["sha256"] as? String)?.count == 64)
        let blocks = object?["blocks"] as? [[String: Any]]
        #expect(blocks?.last?["label"] as? String == "1.1")
        // byte-identical on a second run
        #expect(try runCLI(["extract", "--format", "json", file.path]).stdout == json.stdout)
    }

    @Test func clauseTreeAsTextAndJSON() throws {
        let file = try temporaryDirectory().appendingPathComponent("c.txt")
        try """
            This Agreement is made between Lakeside Clinic ("Customer") and Northwind Scribe, Inc. ("Vendor").

            ARTICLE I
            DEFINITIONS

            Section 1.01 Data. "Client Data" means all Protected Health Information Customer provides.

            Section 1.02 Notices. As set forth in Section 1.01 and Section 9.9.
            (a) first item
            """.write(to: file, atomically: true, encoding: .utf8)
        let text = try runCLI(["extract", "--clauses", file.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("[ARTICLE I] DEFINITIONS |"))
        #expect(text.stdout.contains("    [Section 1.02(a)] first item"))
        let json = try runCLI(["extract", "--clauses", "--format", "json", file.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let structure = try #require(object["structure"] as? [String: Any])
        let parties = try #require(structure["parties"] as? [[String: Any]])
        #expect(parties.map { $0["role"] as? String } == ["covered-entity", "business-associate"])
        let definitions = try #require(structure["definitions"] as? [[String: Any]])
        #expect(definitions.contains { $0["term"] as? String == "Client Data" })
        let references = try #require(structure["cross_references"] as? [[String: Any]])
        #expect(references.count == 2)
        #expect(references.filter { $0["target"] == nil }.map { $0["text"] as? String } == ["Section 9.9"])
    }

    @Test func goesOnPastABadFileAndExitsNonZero() throws {
        let dir = try temporaryDirectory()
        let good = dir.appendingPathComponent("good.txt")
        let bad = dir.appendingPathComponent("scan.pdf")
        try "Vendor shall notify Customer.".write(to: good, atomically: true, encoding: .utf8)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]).write(to: bad)
        let missing = dir.appendingPathComponent("nope.docx").path
        let result = try runCLI(["extract", bad.path, missing, good.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Vendor shall notify Customer."))
        #expect(result.stderr.contains("baa-review: error: \(bad.path): A PNG image is not supported"))
        #expect(result.stderr.contains("\(missing): cannot read the file (no such file)"))
    }

    /// qpdf's shared-unnamed-field.pdf keeps poppler busy in some code paths; here it must end
    /// (read or refused) well within the time limit, never hang the command.
    @Test func hostilePDFEndsWithinTheTimeLimit() throws {
        guard let looping = sharedFile("corpus/outside/pdf/qpdf/qpdf/qtest/qpdf/shared-unnamed-field.pdf") else { return }
        let start = Date()
        let result = try runCLI(["extract", "--time-limit", "5", looping])
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 0 || result.stderr.contains("baa-review: error: \(looping):"))
    }

    @Test func unknownSubcommandOrBadLimitIsAUsageError() throws {
        let result = try runCLI(["extract", "--time-limit", "0", "x.txt"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--time-limit"))
    }
}
