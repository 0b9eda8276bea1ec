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
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }
}
