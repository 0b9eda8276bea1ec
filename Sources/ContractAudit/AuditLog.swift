import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An append-only JSON Lines file of ``AuditEntry`` values, chained by hash.
///
/// Appending takes an exclusive `flock` on the file, reads the last entry to
/// chain to it, writes the new line with one `write` and `fsync`s it, so
/// concurrent runs (a batch, several terminals) never interleave or fork the
/// chain. The file is created with mode 0600, its folders as needed.
public struct AuditLog: Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// Appends `make(seq, prev)`: the closure builds the entry once the lock is
    /// held and the previous entry is known. Returns the entry written and its hash.
    @discardableResult
    public func append(_ make: (_ seq: Int, _ prev: String) -> AuditEntry) throws(AuditError) -> (AuditEntry, String) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw AuditError(path: path, problem: "cannot create its folder (\(error.localizedDescription))")
            }
        }
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot open it") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("cannot lock it") }
        }
        defer { flock(fd, LOCK_UN) }
        let (seq, prev) = try last(fd)
        let entry = make(seq + 1, prev)
        let encoded: (line: String, hash: String)
        do {
            encoded = try AuditLine.encode(entry)
        } catch {
            throw AuditError(path: path, problem: "cannot encode the entry (\(error))")
        }
        let bytes = Array((encoded.line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw failure("cannot write to it") }
            written += n
        }
        guard fsync(fd) == 0 else { throw failure("cannot flush it to disk") }
        if seq == 0 { Self.syncDirectory(directory.isEmpty ? "." : directory) }
        return (entry, encoded.hash)
    }

    /// The last entry's seq and hash (0 and the genesis hash for an empty log).
    private func last(_ fd: Int32) throws(AuditError) -> (Int, String) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("cannot read its size") }
        let size = Int(info.st_size)
        if size == 0 { return (0, AuditEntry.genesis) }
        // read backwards until the start of the last line
        var tail: [UInt8] = []
        var offset = size
        repeat {
            let chunk = min(offset, 64 << 10)
            offset -= chunk
            var buffer = [UInt8](repeating: 0, count: chunk)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, chunk, off_t(offset)) }
            guard n == chunk else { throw failure("cannot read it") }
            tail = buffer + tail
        } while offset > 0 && !tail.dropLast().contains(UInt8(ascii: "\n"))
        guard tail.last == UInt8(ascii: "\n") else {
            throw AuditError(
                path: path,
                problem: "its last line is incomplete (a crash or a full disk?); run `baa-review audit verify \(path)` "
                    + "and keep a copy before repairing it")
        }
        let lines = tail.dropLast().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let lastLine = Substring(String(decoding: lines.last ?? [], as: UTF8.self))
        guard let (body, hash) = AuditLine.split(lastLine), let link = AuditLink.decode(body) else {
            throw AuditError(
                path: path, problem: "its last line is not an audit entry; run `baa-review audit verify \(path)`")
        }
        return (link.seq, hash)
    }

    /// Every line of the log, without newlines (a missing final newline leaves the last line as it is).
    public func lines() throws(AuditError) -> [Substring] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw AuditError(path: path, problem: "no such file (nothing has been recorded there yet)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("cannot read it") }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private func failure(_ what: String) -> AuditError {
        AuditError(path: path, problem: "\(what): \(String(cString: strerror(errno)))")
    }

    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

/// The two fields that chain an entry: read without decoding the rest, so a
/// later version's entries still verify.
struct AuditLink: Decodable {
    var seq: Int
    var prev: String

    static func decode(_ body: String) -> AuditLink? {
        try? JSONDecoder().decode(AuditLink.self, from: Data(body.utf8))
    }
}
