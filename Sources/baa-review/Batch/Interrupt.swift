import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP during a batch: the handler only notes the
/// signal and wakes the supervisor's poll loop through a pipe; the supervisor then
/// stops handing out files, stops its workers and leaves only complete files.
enum Interrupt {
    nonisolated(unsafe) private static var wakeWrite: Int32 = -1
    nonisolated(unsafe) private static var wakeRead: Int32 = -1
    nonisolated(unsafe) private static var signalNumber: Int32 = 0

    /// Installs the handlers (once); returns the descriptor that becomes readable on a signal.
    @discardableResult
    static func install() -> Int32 {
        if wakeRead >= 0 { return wakeRead }
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
            wakeRead = fds[0]
            wakeWrite = fds[1]
        }
        // a parent may have started this process with signals blocked (threads of a test runner do)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, sig) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(sig) { number in
                Interrupt.signalNumber = number
                var byte: UInt8 = 1
                _ = write(Interrupt.wakeWrite, &byte, 1)
            }
        }
        // a worker that dies leaves a closed pipe behind; writing to it must not kill the supervisor
        Glibc.signal(SIGPIPE, SIG_IGN)
        return wakeRead
    }

    /// The descriptor to poll (-1 before `install`).
    static var descriptor: Int32 { wakeRead }

    /// Whether a stop was asked for.
    static var requested: Bool { signalNumber != 0 }

    /// The signal received (for the exit status 128 + N), 0 if none.
    static var signalReceived: Int32 { signalNumber }

    /// Empties the wake-up pipe.
    static func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while wakeRead >= 0, read(wakeRead, &buffer, buffer.count) > 0 {}
    }
}
