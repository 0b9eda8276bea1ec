import ContractAudit
import ContractModel
import ContractReport
import Foundation
import Testing

/// A temporary log path; tests never touch the real ~/.local/state.
func temporaryLog() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("baa-review-audit-\(UUID().uuidString)")
    return dir.appendingPathComponent("nested/state/audit.jsonl").path
}

let provenance = Provenance(
    tool: "baa-review", toolVersion: "9.9.9", libraryVersion: "2026.1", libraryHash: String(repeating: "a", count: 64),
    policyHash: String(repeating: "b", count: 64), policySources: ["org.yaml"])

/// A review whose evidence quotes contract text (which must never reach the log).
func review(_ path: String, quote: String = "Vendor shall delete the SECRET-CLAUSE data within 30 days.") -> Review {
    let finding = Finding(
        provision: "hipaa.return-destroy", title: "Return or destroy", severity: .high, status: .partial,
        evidence: [Evidence(clause: "4.2", page: 3, text: quote, role: "element")], parameters: ["days": .number(30)],
        reason: "30 days", rules: ["r1"])
    let metadata = DocumentMetadata(path: path, sha256: String(repeating: "c", count: 64), format: .docx, byteCount: 10)
    return Review(document: metadata, vendor: "Acme", findings: [finding], provenance: provenance)
}

@discardableResult
func record(_ path: String, _ n: Int) throws -> [AuditEntry] {
    try (0..<n).map { i in
        try AuditTrail(path: path).record(
            command: "check", documents: [AuditDocument(review: review("contract-\(i).docx"))], provenance: provenance,
            exitStatus: 0)
    }
}

func lines(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
}

func write(_ lines: [String], to path: String) throws {
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
}

func verify(_ path: String, anchor: String? = nil) throws -> AuditVerifier.Report {
    AuditVerifier.verify(try AuditLog(path: path).lines(), anchor: anchor)
}

@Suite("Audit log")
struct AuditLogTests {
    @Test func appendsAChainedEntryPerRun() throws {
        let path = try temporaryLog()
        let entries = try record(path, 3)
        #expect(entries.map(\.seq) == [1, 2, 3])
        #expect(entries[0].prev == AuditEntry.genesis)
        let text = try lines(path)
        #expect(text.count == 3)
        let report = try verify(path)
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.entries == 3)
        // each entry's prev is the hash the line before ends with
        #expect(text[1].contains("\"prev\":\"" + AuditLine.split(Substring(text[0]))!.claimed + "\""))
        let e = try #require(AuditLine.decode(AuditLine.split(Substring(text[2]))!.body))
        #expect(e.command == "check" && e.toolVersion == "9.9.9" && e.libraryVersion == "2026.1")
        #expect(e.policySources == ["org.yaml"])
        #expect(e.documents.first?.sha256 == String(repeating: "c", count: 64))
        #expect(e.documents.first?.summary == AuditDocument.Summary(met: 0, partial: 1, conflict: 0, missing: 0))
        #expect(e.documents.first?.findingsDigest?.count == 64)
        #expect(!e.user.isEmpty)
        #expect(e.time.hasSuffix("Z"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func neverHoldsContractText() throws {
        let path = try temporaryLog()
        try record(path, 1)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("SECRET-CLAUSE"))
        #expect(!text.contains("30 days"))
        #expect(!text.contains("Acme"))
    }

    @Test func findingsDigestFollowsTheFindings() {
        let a = AuditDocument(review: review("x.docx"))
        #expect(AuditDocument(review: review("y.docx")).findingsDigest == a.findingsDigest)
        #expect(AuditDocument(review: review("x.docx", quote: "Another sentence.")).findingsDigest != a.findingsDigest)
    }

    @Test func namesAnEditedEntry() throws {
        let path = try temporaryLog()
        try record(path, 4)
        var text = try lines(path)
        text[1] = text[1].replacingOccurrences(of: "\"exit_status\":0", with: "\"exit_status\":3")
        try write(text, to: path)
        let report = try verify(path)
        #expect(report.problems.map(\.line) == [2])
        #expect(report.problems.map(\.kind) == [.edited])
        #expect(report.problems.first?.description.contains("entry #2 was edited") == true)
    }

    @Test func namesARemovedEntry() throws {
        let path = try temporaryLog()
        try record(path, 5)
        var text = try lines(path)
        text.remove(at: 2)
        try write(text, to: path)
        let report = try verify(path)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.line == 3)
        #expect(report.problems.first?.kind == .removed)
        #expect(report.problems.first?.message.contains("entry #3 was removed") == true)
        // two removed from the start
        text = try lines(path)
        try write(Array(text.dropFirst(2)), to: path)
        let start = try verify(path)
        #expect(start.problems.first?.kind == .removed)
        #expect(start.problems.first?.line == 1)
        #expect(start.problems.first?.message.contains("entries #1 to #3 were removed") == true)
    }

    @Test func namesAnInsertedEntry() throws {
        let path = try temporaryLog()
        try record(path, 4)
        var text = try lines(path)
        // a forger copies entry 2, changes it and gives it a valid hash chained to entry 2
        let (body, hash) = AuditLine.split(Substring(text[1]))!
        var forged = AuditLine.decode(body)!
        forged.documents[0].path = "forged.docx"
        forged.prev = hash
        forged.seq = 3
        text.insert(try AuditLine.encode(forged).line, at: 2)
        try write(text, to: path)
        let report = try verify(path)
        #expect(report.problems.map(\.line) == [3], "\(report.problems)")
        #expect(report.problems.map(\.kind) == [.inserted])
        // a verbatim copy of an entry is an insertion too
        text = try lines(path)
        text.remove(at: 2)
        text.insert(text[0], at: 3)
        try write(text, to: path)
        let copy = try verify(path)
        #expect(copy.problems.contains { $0.line == 4 && $0.kind == .inserted }, "\(copy.problems)")
    }

    @Test func namesReorderedEntries() throws {
        let path = try temporaryLog()
        try record(path, 4)
        var text = try lines(path)
        text.swapAt(1, 2)
        try write(text, to: path)
        let report = try verify(path)
        #expect(report.problems.map(\.line) == [2, 3], "\(report.problems)")
        #expect(report.problems.allSatisfy { $0.kind == .reordered })
        // the last two swapped
        text = try lines(path)
        text.swapAt(1, 2)
        text.swapAt(2, 3)
        try write(text, to: path)
        let last = try verify(path)
        #expect(last.problems.map(\.line) == [3, 4], "\(last.problems)")
        #expect(last.problems.allSatisfy { $0.kind == .reordered })
    }

    @Test func namesARewrittenEntry() throws {
        let path = try temporaryLog()
        try record(path, 3)
        var text = try lines(path)
        var entry = AuditLine.decode(AuditLine.split(Substring(text[1]))!.body)!
        entry.exitStatus = 0
        entry.documents = []
        text[1] = try AuditLine.encode(entry).line
        try write(text, to: path)
        let report = try verify(path)
        #expect(report.problems.map(\.line) == [2], "\(report.problems)")
        #expect(report.problems.map(\.kind) == [.replaced])
    }

    @Test func anchorCatchesEntriesRemovedFromTheEnd() throws {
        let path = try temporaryLog()
        try record(path, 3)
        let head = try #require(try verify(path).head)
        var text = try lines(path)
        text.removeLast()
        try write(text, to: path)
        #expect(try verify(path).isIntact)
        let anchored = try verify(path, anchor: head)
        #expect(anchored.problems.map(\.kind) == [.anchor])
        // an anchor from earlier still holds after more runs
        let earlier = try #require(try verify(path).head)
        try record(path, 2)
        #expect(try verify(path, anchor: earlier).isIntact)
    }

    @Test func concurrentRunsNeverForkTheChain() throws {
        let path = try temporaryLog()
        try record(path, 1)
        DispatchQueue.concurrentPerform(iterations: 24) { i in
            _ = try? AuditTrail(path: path).record(
                command: "batch", documents: [AuditDocument(path: "c\(i).pdf", sha256: nil)], provenance: nil, exitStatus: 0)
        }
        let report = try verify(path)
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.entries == 25)
    }

    @Test func refusesToAppendAfterADamagedLastLine() throws {
        let path = try temporaryLog()
        try record(path, 2)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"command":"check","seq":3"#.utf8))
        try handle.close()
        #expect(throws: AuditError.self) { try record(path, 1) }
        #expect(try verify(path).problems.map(\.kind) == [.unreadable])
    }

    @Test func defaultPathFollowsXDG() {
        #expect(AuditTrail.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/baa-review/audit.jsonl")
        #expect(AuditTrail.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/baa-review/audit.jsonl")
        #expect(AuditTrail.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/baa-review/audit.jsonl")
    }
}
