import ArgumentParser
import ContractAudit
import Foundation

/// `baa-review audit`: verify and list the audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify and list the audit log of reviews (append-only, hash-chained JSON Lines).",
        discussion: "Every check (and memo, batch, redline) run appends one entry. See docs/security.md.",
        subcommands: [Verify.self, Show.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the hash chain; name every edited, removed, inserted or reordered entry by line.",
            discussion: """
                Exit 0 when the chain is intact, 1 when it is not. Prints the head hash: keep it elsewhere \
                and pass it back with --anchor to detect entries removed from the end.
                """)
        @Argument(help: "The log (default: the one `check` writes to).") var path: String?
        @Option(help: "A head hash printed by an earlier verify: the log must still contain that entry.") var anchor: String?

        func run() throws {
            let log = AuditLog(path: path ?? AuditTrail.defaultPath())
            let lines: [Substring]
            do { lines = try log.lines() } catch { throw CLIError(error.description) }
            let report = AuditVerifier.verify(lines, anchor: anchor)
            for p in report.problems { Terminal.out("\(log.path):\(p.line): \(p.kind.rawValue): \(p.message)\n") }
            if report.isIntact {
                Terminal.out("\(log.path): \(report.entries) entries, chain intact; head \(report.head ?? AuditEntryHead.none)\n")
            } else {
                Terminal.out("\(log.path): \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") in \(report.entries) entries\n")
                throw ExitCode(1)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "List the runs: time, user, command, versions, documents and what was found.")
        @Argument(help: "The log (default: the one `check` writes to).") var path: String?
        @Option(help: "Only the last N runs.") var last: Int?

        func run() throws {
            let log = AuditLog(path: path ?? AuditTrail.defaultPath())
            let lines: [Substring]
            do { lines = try log.lines() } catch { throw CLIError(error.description) }
            var shown = Array(lines.enumerated())
            if let last { shown = Array(shown.suffix(max(0, last))) }
            for (index, line) in shown {
                guard let (body, _) = AuditLine.split(line), let e = AuditLine.decode(body) else {
                    Terminal.out("line \(index + 1): (not an audit entry; run `baa-review audit verify`)\n")
                    continue
                }
                var out = "#\(e.seq) \(e.time) \(e.user)@\(e.host) \(e.command) exit \(e.exitStatus)  \(e.tool) \(e.toolVersion)"
                if let v = e.libraryVersion { out += ", library \(v) (\(e.libraryHash?.prefix(12) ?? ""))" }
                if let p = e.policyHash { out += ", policy \(p.prefix(12))" }
                out += "\n"
                for d in e.documents {
                    out += "    \(d.path)  sha256 \(d.sha256.map { String($0.prefix(12)) } ?? "-")"
                    if let s = d.summary {
                        out += "  \(s.met) met, \(s.partial) partial, \(s.conflict) conflict, \(s.missing) missing"
                        out += "  findings \(d.findingsDigest?.prefix(12) ?? "")"
                    }
                    if let error = d.error { out += "  not read: \(error)" }
                    out += "\n"
                }
                Terminal.out(out)
            }
        }
    }
}

private enum AuditEntryHead {
    static let none = "(empty log)"
}
