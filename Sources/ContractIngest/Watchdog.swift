import Dispatch
import Foundation

/// Runs work on its own thread and stops waiting after a time limit. A C
/// library that loops on a hostile file cannot be interrupted from inside, so
/// the caller gives up on it instead: the thread is abandoned (it holds only its
/// own document) and the caller goes on.
public enum Watchdog {
    /// The work's result, or `nil` when it did not finish within `seconds`.
    public static func run<T: Sendable>(seconds: Double, stackSize: Int = 16 << 20, _ work: @escaping @Sendable () -> T) -> T? {
        let box = Shared<T>()
        let done = DispatchSemaphore(value: 0)
        WorkThread.idle(stackSize: stackSize).perform({ box.value = work() }, then: done)
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }
}

/// A thread that runs one piece of work at a time and waits among the idle threads
/// between them: a process reading file after file does not start a thread, with
/// its stack and its allocator's cache, for each. A thread whose work never
/// returns is never idle again; the watchdog has given up on it.
private final class WorkThread: @unchecked Sendable {
    private let stackSize: Int
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var work: (run: @Sendable () -> Void, done: DispatchSemaphore)?

    private static let idleLock = NSLock()
    nonisolated(unsafe) private static var idle: [WorkThread] = []  // under `idleLock`

    private init(stackSize: Int) {
        self.stackSize = stackSize
        let thread = Thread { [self] in serve() }
        thread.stackSize = stackSize
        thread.start()
    }

    /// An idle thread with a stack of `stackSize`, or a new one.
    static func idle(stackSize: Int) -> WorkThread {
        let reused = idleLock.withLock { () -> WorkThread? in
            guard let i = idle.lastIndex(where: { $0.stackSize == stackSize }) else { return nil }
            return idle.remove(at: i)
        }
        return reused ?? WorkThread(stackSize: stackSize)
    }

    /// Runs `work` on this thread, which `idle(stackSize:)` gave and no one else has, and
    /// signals `done` once the thread is idle again (so that the caller's next work, if
    /// it comes at once, finds it there).
    func perform(_ work: @escaping @Sendable () -> Void, then done: DispatchSemaphore) {
        lock.withLock { self.work = (work, done) }
        ready.signal()
    }

    private func serve() {
        while true {
            ready.wait()
            guard let next = lock.withLock({ () -> (run: @Sendable () -> Void, done: DispatchSemaphore)? in
                defer { work = nil }
                return work
            }) else { continue }
            next.run()
            Self.idleLock.withLock { Self.idle.append(self) }
            next.done.signal()
        }
    }
}
