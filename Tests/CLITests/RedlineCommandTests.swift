import Foundation
import Testing

@Suite struct RedlineCommandTests {
    private let sample = cliRepoRoot.appendingPathComponent("samples/acme-scribe-baa.docx").path

    @Test func redlinesTheSample() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("acme-redlined.docx").path
        let result = try runCLI(["redline", sample, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("comment   ai.training-opt-out (partial) on 5.2"))
        #expect(result.stdout.contains("Checked again with the changes accepted: no new conflict"))
        #expect(result.stdout.contains("dated 2000-01-01 (the fixed default"))
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(data.starts(with: Data("PK".utf8)))
        // the same input gives the same file; no temporary file is left behind
        let again = dir.appendingPathComponent("again.docx").path
        #expect(try runCLI(["redline", sample, "-o", again]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == data)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["acme-redlined.docx", "again.docx"])
        // what it wrote is a contract the checker reads
        #expect(try runCLI(["check", out]).status == 0)
    }

    @Test func neverOverwritesTheInput() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("vendor.docx")
        try FileManager.default.copyItem(atPath: sample, toPath: input.path)
        let original = try Data(contentsOf: input)
        let same = try runCLI(["redline", input.path, "--out", input.path])
        #expect(same.status != 0)
        #expect(same.stderr.contains("is the input file"))
        let link = dir.appendingPathComponent("link.docx")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        #expect(try runCLI(["redline", input.path, "--out", link.path]).status != 0)
        let relative = try runCLI(["redline", "vendor.docx", "--out", "./vendor.docx"], cwd: dir)
        #expect(relative.status != 0)
        #expect(try Data(contentsOf: input) == original)
    }

    @Test func optionsAreChecked() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("x.docx").path
        let badDate = try runCLI(["redline", sample, "--out", out, "--date", "2026-02-30x"])
        #expect(badDate.status != 0)
        #expect(badDate.stderr.contains("--date must be"))
        let dated = try runCLI(["redline", sample, "--out", out, "--date", "2026-11-02", "--author", "Dana Whitfield"])
        #expect(dated.status == 0)
        #expect(dated.stdout.contains("by Dana Whitfield, dated 2026-11-02\n"))
        let empty = dir.appendingPathComponent("empty.docx")
        try Data().write(to: empty)
        let unreadable = try runCLI(["redline", empty.path, "--out", dir.appendingPathComponent("y.docx").path])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("empty.docx: the file is empty"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("y.docx").path))
    }

    @Test func riderForATextContract() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("rider.docx").path
        let text = cliRepoRoot.appendingPathComponent("samples/acme-scribe-baa.txt").path
        let result = try runCLI(["redline", text, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("is a text file, so \(out) is a rider: an addendum with 3 clauses"))
        let check = try runCLI(["check", "--format", "json", out])
        #expect(check.status == 0)
        #expect(check.stdout.contains("\"format\" : \"docx\""))
    }
}
