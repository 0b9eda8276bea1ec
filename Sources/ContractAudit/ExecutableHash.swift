import Foundation

/// The SHA-256 of the running executable, computed once per process on a thread of
/// its own: a command that starts it before its work (`AuditTrail.hashExecutableInBackground()`)
/// finds it ready when it records the run (a 100 MB executable takes a tenth of a second).
final class ExecutableHash: @unchecked Sendable {
    static let shared = ExecutableHash()

    private let done = DispatchSemaphore(value: 0)
    private var hash: String?

    private init() {
        Thread.detachNewThread { [self] in
            hash = Self.compute()
            done.signal()
        }
    }

    /// The hash (waiting for it if it is still being computed), or `nil` where the executable cannot be read.
    var value: String? {
        done.wait()
        done.signal()
        return hash
    }

    private static func compute() -> String? {
        #if os(Linux)
            let path = "/proc/self/exe"
        #else
            let path = CommandLine.arguments[0]
        #endif
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return FileHash.sha256(reading: handle)
    }
}
