import Foundation
import Testing

/// `check` appends to the audit log; `audit verify` and `audit show` read it.
@Suite struct AuditCommandTests {
    static let sample = cliRepoRoot.appendingPathComponent("samples/acme-scribe-baa.txt").path

    @Test func checkRecordsAndVerifyNamesAnEdit() throws {
        let log = try temporaryDirectory().appendingPathComponent("logs/audit.jsonl").path
        #expect(try runCLI(["check", "--audit-log", log, Self.sample]).status == 0)
        let failed = try runCLI(["check", "--format", "json", "--audit-log", log, Self.sample, "/nonexistent/x.pdf"])
        #expect(failed.status == 1)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains(#""error":"io""#) && lines[1].contains(#""exit_status":1"#))
        #expect(!text.contains("Business Associate shall"))  // no contract text

        let verify = try runCLI(["audit", "verify", log])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("2 entries, chain intact; head "))
        let show = try runCLI(["audit", "show", log])
        #expect(show.stdout.contains("#1 ") && show.stdout.contains("#2 "))
        #expect(show.stdout.contains("samples/acme-scribe-baa.txt") && show.stdout.contains("not read: io"))

        try text.replacingOccurrences(of: #""exit_status":1"#, with: #""exit_status":0"#).write(
            toFile: log, atomically: false, encoding: .utf8)
        let tampered = try runCLI(["audit", "verify", log])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("\(log):2: edited: entry #2 was edited"), "\(tampered.stdout)")
    }

    @Test func memoRedlineAndBatchRecordTheirRunsToo() throws {
        let dir = try temporaryDirectory()
        let log = dir.appendingPathComponent("audit.jsonl").path
        let contracts = dir.appendingPathComponent("contracts")
        try FileManager.default.createDirectory(at: contracts, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.sample, toPath: contracts.appendingPathComponent("acme.txt").path)
        let runs: [[String]] = [
            ["memo", Self.sample, "--audit-log", log],
            ["redline", Self.sample, "--out", dir.appendingPathComponent("rider.docx").path, "--audit-log", log],
            ["batch", contracts.path, "--out", dir.appendingPathComponent("out").path, "--jobs", "1", "--quiet", "--audit-log", log],
        ]
        for arguments in runs {
            let result = try runCLI(arguments)
            #expect(result.status == 0, "\(arguments[0]): \(result.stderr)")
        }
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        // the executable's hash, computed while each command worked
        let sha256sum = Process()
        sha256sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sha256sum.arguments = [cliBinary().path]
        let pipe = Pipe()
        sha256sum.standardOutput = pipe
        try sha256sum.run()
        let digest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        sha256sum.waitUntilExit()
        #expect(digest.count == 64)
        for (line, command) in zip(lines, ["memo", "redline", "batch"]) {
            #expect(line.contains(#""command":"\#(command)"#) && line.contains(#""findings_digest""#), "\(line)")
            #expect(line.contains(#""tool_sha256":"\#(digest)""#), "\(line)")
        }
        #expect(try runCLI(["audit", "verify", log]).status == 0)
    }

    @Test func defaultLogFollowsXDGStateHome() throws {
        let before = (try? String(contentsOf: cliStateHome.appendingPathComponent("baa-review/audit.jsonl"), encoding: .utf8)) ?? ""
        #expect(try runCLI(["check", Self.sample]).status == 0)
        let after = try String(contentsOf: cliStateHome.appendingPathComponent("baa-review/audit.jsonl"), encoding: .utf8)
        #expect(after.count > before.count)
    }

    @Test func aRunThatCannotBeRecordedIsNotReported() throws {
        let blocker = try temporaryDirectory().appendingPathComponent("file")
        try "not a folder".write(to: blocker, atomically: true, encoding: .utf8)
        let result = try runCLI(["check", "--audit-log", blocker.path + "/audit.jsonl", Self.sample])
        #expect(result.status == 4)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("audit log \(blocker.path)/audit.jsonl"))
    }
}
