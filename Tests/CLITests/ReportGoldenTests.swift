import Foundation
import Testing

/// Golden files of every report format on the sample contracts, from the
/// command line as a user runs it. Re-record after a deliberate change with
/// `make snapshots` (RECORD_SNAPSHOTS=1). The clause library's version and hash
/// are replaced by placeholders, so editing the library's wording alone does
/// not break them; a change in findings does.
@Suite struct ReportGoldenTests {
    static let samples = ["acme-scribe-baa.docx", "bluepeak-chat-addendum.md"]

    /// Compares with Tests/CLITests/Snapshots/NAME, or records it (RECORD_SNAPSHOTS=1, or when missing).
    static func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = cliRepoRoot.appendingPathComponent("Tests/CLITests/Snapshots").appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
        if record || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !record { Issue.record("snapshot \(name) did not exist; recorded it, check it and run again", sourceLocation: sourceLocation) }
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(actual == expected, "golden \(name) differs; re-record with `make snapshots` if the change is right", sourceLocation: sourceLocation)
    }

    /// The library's version and hash, read from the JSON report, to mask in the goldens.
    static func library(_ sample: String) throws -> (version: String, hash: String) {
        let json = try runCLI(["check", "--format", "json", "samples/" + sample], cwd: cliRepoRoot)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let provenance = try #require(object?["provenance"] as? [String: Any])
        return (try #require(provenance["library_version"] as? String), try #require(provenance["library_hash"] as? String))
    }

    static func masked(_ s: String, _ library: (version: String, hash: String)) -> String {
        s.replacingOccurrences(of: library.hash, with: "<library-hash>").replacingOccurrences(of: library.version, with: "<library-version>")
    }

    @Test(arguments: samples)
    func everyFormat(sample: String) throws {
        let library = try Self.library(sample)
        let path = "samples/" + sample
        for (format, ext) in [("html", "html"), ("csv", "csv")] {
            let result = try runCLI(["check", "--format", format, path], cwd: cliRepoRoot)
            #expect(result.status == 0, "\(result.stderr)")
            Self.assertGolden(Self.masked(result.stdout, library), named: "\(sample).check.\(ext)")
        }
        for (format, ext) in [("md", "md"), ("html", "html")] {
            let result = try runCLI(["memo", "--format", format, "--to", "General Counsel", "--from", "Vendor Management", path], cwd: cliRepoRoot)
            #expect(result.status == 0, "\(result.stderr)")
            Self.assertGolden(Self.masked(result.stdout, library), named: "\(sample).memo.\(ext)")
        }
        // the Word memo: byte-identical run to run, and its text as `extract` reads it back
        let dir = try temporaryDirectory()
        let docx = dir.appendingPathComponent("memo.docx")
        let written = try runCLI(["memo", "--format", "docx", "--to", "General Counsel", "--out", docx.path, path], cwd: cliRepoRoot)
        #expect(written.status == 0, "\(written.stderr)")
        let first = try Data(contentsOf: docx)
        #expect(try runCLI(["memo", "--format", "docx", "--to", "General Counsel", "--out", docx.path, path], cwd: cliRepoRoot).status == 0)
        #expect(try Data(contentsOf: docx) == first, "the DOCX memo is byte-identical run to run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["memo.docx"], "no temporary file left")
        let text = try runCLI(["extract", docx.path])
        #expect(text.status == 0, "\(text.stderr)")
        Self.assertGolden(Self.masked(text.stdout, library), named: "\(sample).memo.docx.txt")
    }
}
