import ContractModel
import ContractReport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a command calls to record its run: one line, e.g.
///
/// ```swift
/// try AuditTrail(path: log).record(command: "memo", documents: reviews.map(AuditDocument.init(review:)), provenance: provenance)
/// ```
///
/// It fills in the time, the user, the host and the executable's SHA-256, and
/// appends the entry to the log (see ``AuditLog``).
public struct AuditTrail: Sendable {
    public var log: AuditLog

    public init(path: String) {
        log = AuditLog(path: path)
    }

    /// The log used when no `--audit-log` is given: `$XDG_STATE_HOME/baa-review/audit.jsonl`,
    /// else `~/.local/state/baa-review/audit.jsonl`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/baa-review/audit.jsonl"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/baa-review/audit.jsonl"
    }

    /// Appends one entry for a run of `command` over `documents`.
    @discardableResult
    public func record(
        command: String, documents: [AuditDocument], provenance: Provenance?, exitStatus: Int32 = 0,
        now: Date = Date()
    ) throws(AuditError) -> AuditEntry {
        let time = Self.timestamp(now)
        let user = Self.userName()
        let host = Self.hostName()
        let toolHash = ExecutableHash.shared.value
        let (entry, _) = try log.append { seq, prev in
            AuditEntry(
                seq: seq, time: time, user: user, host: host, command: command, exitStatus: Int(exitStatus),
                tool: provenance?.tool ?? "baa-review", toolVersion: provenance?.toolVersion ?? "", toolSha256: toolHash,
                libraryVersion: provenance?.libraryVersion, libraryHash: provenance?.libraryHash,
                policyHash: provenance?.policyHash, policySources: provenance?.policySources, documents: documents,
                prev: prev)
        }
        return entry
    }

    /// `2026-01-31T09:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// The login name of the effective user from /etc/passwd (read directly, so
    /// no name service is asked), else `uid:N`.
    static func userName() -> String {
        let uid = geteuid()
        if let passwd = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8) {
            for line in passwd.split(separator: "\n") {
                let fields = line.split(separator: ":", omittingEmptySubsequences: false)
                if fields.count > 2, UInt32(fields[2]) == uid { return String(fields[0]) }
            }
        }
        return "uid:\(uid)"
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(cString: buffer)
    }

    /// Starts hashing the executable for the audit entry now, on a thread of its own, so
    /// that a command recording its run after long work does not wait for it at the end.
    public static func hashExecutableInBackground() {
        _ = ExecutableHash.shared
    }
}

extension AuditDocument {
    /// A document that was reviewed: its hash, format, findings digest and counts.
    public init(review: Review) {
        let c = review.counts
        self.init(
            path: review.document.path, sha256: review.document.sha256, format: review.document.format.rawValue,
            findingsDigest: FindingsDigest.of(review.findings),
            summary: Summary(met: c[.met] ?? 0, partial: c[.partial] ?? 0, conflict: c[.conflict] ?? 0, missing: c[.missing] ?? 0))
    }

    /// A document that could not be read: its error code, and its SHA-256 when the file could be read.
    public init(path: String, error: ReadError, maxBytes: Int = 200 << 20) {
        self.init(path: path, sha256: FileHash.sha256(path, maxBytes: maxBytes), error: error.code)
    }
}

/// The digest of a document's findings: SHA-256 of its `findings` array as
/// compact JSON with sorted snake_case keys (the same fields as the JSON
/// report). Reviews are deterministic, so running `check` again on the same
/// file, library and policy gives the same digest.
public enum FindingsDigest {
    public static func of(_ findings: [Finding]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(findings)) ?? Data()
        return AuditLine.sha256(data)
    }
}
