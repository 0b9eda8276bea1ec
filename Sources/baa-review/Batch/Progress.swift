import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Shows how a batch is going on standard error: on a terminal one line that
/// updates in place (done / total, rate, time left, current file); otherwise one
/// plain log line per file, for logs and CI.
final class Progress {
    private let total: Int
    private let isTerminal: Bool
    private let quiet: Bool
    private var done = 0
    private var current: String?
    private let start = WorkerPool.now()
    private var lastDraw = 0.0
    private var lineShown = false

    init(total: Int, quiet: Bool) {
        self.total = total
        self.quiet = quiet
        self.isTerminal = isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// A file was handed to a worker.
    func started(_ path: String) {
        current = path
        draw(force: false)
    }

    /// A file is finished; `note` is logged ("reviewed", "failed: ...").
    func finished(_ path: String, note: String, isFailure: Bool) {
        done += 1
        if isTerminal {
            if isFailure { log("failed \(path): \(note)") }
            draw(force: done == total)
        } else if !quiet || isFailure {
            emit("[\(done)/\(total)] \(isFailure ? "failed" : note) \(path)\(isFailure ? ": \(note)" : "")\n")
        }
    }

    /// A message above the progress line.
    func log(_ message: String) {
        if quiet && !message.hasPrefix("failed") { return }
        clear()
        emit("baa-review: \(message)\n")
        draw(force: true)
    }

    /// Removes the progress line before the summary.
    func end() {
        clear()
    }

    /// Contracts per minute so far.
    var ratePerMinute: Double {
        let elapsed = WorkerPool.now() - start
        return elapsed > 0 ? Double(done) / elapsed * 60 : 0
    }

    private func draw(force: Bool) {
        guard isTerminal, !quiet, total > 0 else { return }
        let now = WorkerPool.now()
        guard force || now - lastDraw >= 0.1 else { return }
        lastDraw = now
        let elapsed = now - start
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var line = "reviewing \(done)/\(total)"
        if done > 0 {
            line += String(format: "  %.1f/s", rate)
            let left = rate > 0 ? Double(total - done) / rate : 0
            line += "  ETA " + Self.clock(left)
        }
        if let current, done < total { line += "  " + current }
        let width = Self.terminalWidth() - 1
        if line.count > width { line = String(line.prefix(max(10, width - 1))) + "…" }
        emit("\r\u{1B}[K" + line)
        lineShown = true
    }

    private func clear() {
        if isTerminal, lineShown {
            emit("\r\u{1B}[K")
            lineShown = false
        }
    }

    private func emit(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        return 100
    }
}
