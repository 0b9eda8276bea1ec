import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file so that it is either complete or absent: the bytes go to a
/// temporary file in the same folder, which is then renamed over the destination.
/// (Foundation's `.atomic` option leaves empty folders in /tmp on this Linux.)
enum AtomicFile {
    /// The marker in temporary names, so a later run can remove leftovers of a killed one.
    static let marker = ".baa-tmp-"
    nonisolated(unsafe) private static var counter = 0

    static func write(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        counter += 1
        let temporary = (directory.isEmpty ? "." : directory) + "/" + marker + "\(getpid())-\(counter)-" + name
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CLIError("\(path): cannot write (\(String(cString: strerror(errno))))") }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += n
            }
        }
        let error = errno
        if close(fd) != 0 { ok = false }
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(ok ? errno : error))
            unlink(temporary)
            throw CLIError("\(path): cannot write (\(reason))")
        }
    }

    /// Removes temporary files left in `directory` by a run that was killed before it could clean up.
    static func removeLeftovers(in directory: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(marker) {
            unlink(directory + "/" + entry)
        }
    }
}
