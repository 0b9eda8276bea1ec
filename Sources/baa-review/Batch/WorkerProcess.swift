import ContractPortfolio
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One worker process (`baa-review worker`) and the three pipes to it. Started
/// with posix_spawn in a process group of its own, so a Ctrl-C at the terminal
/// reaches only the supervisor, which decides what the workers do.
final class WorkerProcess {
    let pid: pid_t
    /// The supervisor's ends: write requests, read replies and the worker's messages.
    private(set) var stdinFD: Int32
    private(set) var stdoutFD: Int32
    private(set) var stderrFD: Int32
    var frames = Frame.Reader()
    /// The last part of what the worker wrote to its standard error (for a crash report).
    var stderrTail = [UInt8]()
    /// Files this worker has reviewed.
    var served = 0
    private(set) var exited = false
    private(set) var exitStatus: Int32 = 0

    /// This process's environment as a worker gets it (see `WorkerEnvironment`), read
    /// at each start: the batch sets the password variable before it starts workers.
    private static func environment() -> [String] {
        var entries: [String] = []
        var p = environ
        while let entry = p.pointee {
            entries.append(String(cString: entry))
            p += 1
        }
        return WorkerEnvironment.adding(to: entries)
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    init(executable: String, arguments: [String]) throws(SpawnError) {
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw SpawnError(description: "cannot create pipes for a worker (\(String(cString: strerror(errno))))")
        }
        // no other worker may inherit these ends, or it would hold them open
        for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let envp: [UnsafeMutablePointer<CChar>?] = Self.environment().map { strdup($0) } + [nil]
        defer { for p in envp { free(p) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(inPipe[0])
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(inPipe[1])
            close(outPipe[0])
            close(errPipe[0])
            throw SpawnError(description: "cannot start a worker process (\(String(cString: strerror(status))))")
        }
        pid = child
        stdinFD = inPipe[1]
        stdoutFD = outPipe[0]
        stderrFD = errPipe[0]
        for fd in [stdoutFD, stderrFD] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    /// Sends one request line; false if the worker is gone.
    func send(_ line: Data) -> Bool {
        line.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = write(stdinFD, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    enum ReadResult { case data, wouldBlock, endOfFile }

    /// Reads what is available on `fd` into the frame reader (stdout) or the stderr tail.
    func drain(_ fd: Int32) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var got = false
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                got = true
                if fd == stdoutFD {
                    buffer.withUnsafeBytes { frames.append(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                } else {
                    stderrTail.append(contentsOf: buffer[0..<n])
                    if stderrTail.count > 4096 { stderrTail.removeFirst(stderrTail.count - 4096) }
                }
                continue
            }
            if n == 0 { return .endOfFile }
            if errno == EINTR { continue }
            return got ? .data : (errno == EAGAIN || errno == EWOULDBLOCK ? .wouldBlock : .endOfFile)
        }
    }

    /// Resident memory in bytes, from /proc (0 if unknown).
    var residentBytes: Int {
        Self.residentBytes(of: pid)
    }

    static func residentBytes(of pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .ascii) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Kills the worker at once and reaps it.
    func kill() {
        guard !exited else { return }
        _ = Glibc.kill(pid, SIGKILL)
        reap(blocking: true)
    }

    /// Asks the worker to finish: closes its standard input.
    func closeInput() {
        if stdinFD >= 0 {
            close(stdinFD)
            stdinFD = -1
        }
    }

    /// Stops listening to the worker's standard error (it closed it).
    func closeStderr() {
        if stderrFD >= 0 {
            close(stderrFD)
            stderrFD = -1
        }
    }

    /// Collects the exit status; non-blocking unless asked.
    @discardableResult
    func reap(blocking: Bool) -> Bool {
        guard !exited else { return true }
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if r == pid {
                exited = true
                exitStatus = status
                closeAll()
                return true
            }
            if r < 0, errno == EINTR { continue }
            if r < 0 {  // already reaped elsewhere
                exited = true
                closeAll()
                return true
            }
            return false
        }
    }

    private func closeAll() {
        closeInput()
        if stdoutFD >= 0 { close(stdoutFD); stdoutFD = -1 }
        if stderrFD >= 0 { close(stderrFD); stderrFD = -1 }
    }

    /// "killed by signal 11 (segmentation fault)", "exited with status 2", for a crash report.
    var exitDescription: String {
        let signal = exitStatus & 0x7F
        if signal != 0 {
            return "the reader crashed (signal \(signal)\(Self.signalName(signal).map { ", \($0)" } ?? ""))"
        }
        return "the reader stopped unexpectedly (exit status \((exitStatus >> 8) & 0xFF))"
    }

    static func signalName(_ signal: Int32) -> String? {
        switch signal {
        case SIGSEGV: "segmentation fault"
        case SIGABRT: "abort"
        case SIGBUS: "bus error"
        case SIGILL: "illegal instruction, often a Swift runtime trap"
        case SIGTRAP: "trap, often a Swift runtime check"
        case SIGKILL: "killed"
        case SIGFPE: "arithmetic error"
        default: nil
        }
    }
}
