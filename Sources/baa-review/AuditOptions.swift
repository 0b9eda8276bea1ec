import ArgumentParser
import ContractAudit
import ContractModel
import ContractReport

/// `--audit-log PATH`, shared by the commands that review contracts (check,
/// memo, batch, redline). Each run appends one entry; see docs/security.md.
struct AuditOptions: ParsableArguments {
    @Option(
        name: .customLong("audit-log"),
        help: ArgumentHelp(
            "Append this run to the audit log at PATH (default: $XDG_STATE_HOME/baa-review/audit.jsonl, else ~/.local/state/baa-review/audit.jsonl).",
            valueName: "PATH"))
    var auditLog: String?

    /// The log this run appends to.
    var path: String { auditLog ?? AuditTrail.defaultPath() }

    /// Records the run, or fails with exit status 4 and a message naming the log
    /// (a review that cannot be recorded is not printed).
    func record(command: String, documents: [AuditDocument], provenance: Provenance?, exitStatus: Int32) throws {
        do {
            try AuditTrail(path: path).record(
                command: command, documents: documents, provenance: provenance, exitStatus: exitStatus)
        } catch {
            Terminal.error("\(error.description). The run was not recorded and its report is withheld; fix the log or pass --audit-log PATH.")
            throw ExitCode(4)
        }
    }

    /// A file that could not be read: says why, records the failed run, and exits with status 1.
    func fail(command: String, file: String, error: ReadError, maxBytes: Int, provenance: Provenance?) throws -> Never {
        Terminal.error(error.description)
        try record(
            command: command, documents: [AuditDocument(path: file, error: error, maxBytes: maxBytes)], provenance: provenance,
            exitStatus: 1)
        throw ExitCode(1)
    }
}
