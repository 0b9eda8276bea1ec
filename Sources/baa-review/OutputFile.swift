import Foundation

/// Writes a command's output file whole or not at all: the bytes go to a
/// temporary file in the destination's directory, which is then renamed over
/// the destination. The input file is never overwritten.
enum OutputFile {
    /// Refuses an output that is the input itself (by path, link or inode) or a directory.
    static func check(_ output: String, input: String) throws(CLIError) {
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        let inp = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
        if out == inp { throw CLIError("\(output): is the input file; name another file with --out (the input is never overwritten)") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CLIError("\(output): is a directory; name the file to write with --out") }
            var a = stat()
            var b = stat()
            if stat(output, &a) == 0, stat(input, &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino {
                throw CLIError("\(output): is the input file (a link to it); name another file with --out")
            }
        }
        let dir = (out as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir) {
            throw CLIError("\(output): the folder \(dir) does not exist")
        }
    }

    /// Writes `data` to `path` through a temporary file in the same directory and a rename.
    static func write(_ data: Data, to path: String) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path): is a directory; name the file to write")
        }
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError("\(path): the folder \(dir) does not exist; create it first")
        }
        let temp = (dir as NSString).appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw CLIError("\(path): cannot write in \(dir) (\(String(cString: strerror(errno))))") }
        var ok = true
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    ok = false
                    return
                }
                offset += n
            }
        }
        let why = String(cString: strerror(errno))
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            let reason = ok ? String(cString: strerror(errno)) : why
            unlink(temp)
            throw CLIError("\(path): could not be written (\(reason)); nothing was changed")
        }
    }

    static func write(_ text: String, to path: String) throws(CLIError) {
        try write(Data(text.utf8), to: path)
    }
}
