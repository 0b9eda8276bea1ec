import Foundation

/// One line of the audit log: who ran which command when, with which tool,
/// clause library and policy, on which documents (by SHA-256), and a digest of
/// what was found. Never any contract text.
///
/// In the file an entry is one line of compact JSON with sorted snake_case keys,
/// followed by its own `hash`: `{"command":"check",...,"prev":"…","seq":3,...,"hash":"…"}`.
/// `hash` is the SHA-256 of the line without `,"hash":"…"`, and `prev` is the
/// previous entry's `hash` (64 zeros for the first), so the entries form a chain.
public struct AuditEntry: Sendable, Codable, Equatable {
    /// The format of the entry: `baa-review/audit@1`.
    public var schema: String
    /// 1 for the first entry of a log, then one more for each entry.
    public var seq: Int
    /// When the run ended, UTC, ISO 8601 to the second.
    public var time: String
    /// The user who ran it (login name, else `uid:N`) and the machine's host name.
    public var user: String
    public var host: String
    /// The command: `check`, `memo`, `batch`, `redline`, ...
    public var command: String
    /// The command's exit status.
    public var exitStatus: Int
    /// The tool's name, version and the SHA-256 of its executable.
    public var tool: String
    public var toolVersion: String
    public var toolSha256: String?
    /// The clause library's version and hash, and the policy's hash and files.
    public var libraryVersion: String?
    public var libraryHash: String?
    public var policyHash: String?
    public var policySources: [String]?
    /// Each document the command was given, in order.
    public var documents: [AuditDocument]
    /// The previous entry's `hash`.
    public var prev: String

    public static let schemaName = "baa-review/audit@1"
    /// `prev` of the first entry of a log.
    public static let genesis = String(repeating: "0", count: 64)

    public init(
        seq: Int, time: String, user: String, host: String, command: String, exitStatus: Int, tool: String,
        toolVersion: String, toolSha256: String?, libraryVersion: String?, libraryHash: String?, policyHash: String?,
        policySources: [String]?, documents: [AuditDocument], prev: String
    ) {
        self.schema = Self.schemaName
        self.seq = seq
        self.time = time
        self.user = user
        self.host = host
        self.command = command
        self.exitStatus = exitStatus
        self.tool = tool
        self.toolVersion = toolVersion
        self.toolSha256 = toolSha256
        self.libraryVersion = libraryVersion
        self.libraryHash = libraryHash
        self.policyHash = policyHash
        self.policySources = policySources
        self.documents = documents
        self.prev = prev
    }
}

/// One document of a run: its path as given, its SHA-256, and either a digest
/// of its findings with their counts, or why it could not be read.
public struct AuditDocument: Sendable, Codable, Equatable {
    public var path: String
    /// SHA-256 of the file's bytes; `nil` when the file could not be read at all.
    public var sha256: String?
    /// `pdf`, `docx`, `text` or `markdown` when it was read.
    public var format: String?
    /// SHA-256 of the findings as the JSON report writes them (see ``FindingsDigest``).
    public var findingsDigest: String?
    /// How many findings had each status.
    public var summary: Summary?
    /// The error code (`corrupt`, `password-required`, ...) when it could not be read.
    public var error: String?

    /// Counts of findings by status.
    public struct Summary: Sendable, Codable, Equatable {
        public var met: Int
        public var partial: Int
        public var conflict: Int
        public var missing: Int

        public init(met: Int, partial: Int, conflict: Int, missing: Int) {
            self.met = met
            self.partial = partial
            self.conflict = conflict
            self.missing = missing
        }
    }

    public init(
        path: String, sha256: String?, format: String? = nil, findingsDigest: String? = nil, summary: Summary? = nil,
        error: String? = nil
    ) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.findingsDigest = findingsDigest
        self.summary = summary
        self.error = error
    }
}
