import ContractPortfolio
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs files through a few reused worker processes and holds each document to a
/// time and a memory limit: a worker that goes past either is killed (and a new
/// one started for the next file), and the file is reported as failed with the reason.
/// One thread, one poll loop over every worker's pipes: no pipe can fill up and block.
final class WorkerPool {
    struct Limits {
        /// Seconds for one document, reading to findings.
        var seconds: Double
        /// Resident memory of one worker, in bytes.
        var memoryBytes: Int
        /// Files a worker reviews before it is replaced by a fresh one, so that memory a
        /// long-lived process keeps (caches, fragmentation) stays bounded. Its caches are
        /// bounded: a worker levels off near 100 MB (99 MB after 250 of the bench's
        /// contracts, 107 MB after 1,000), and each new one pays its warm-up again.
        var recycleAfter = 500
        /// Extra seconds before the supervisor kills a worker, so that a worker whose own
        /// watchdog stops a stuck reader can report the file itself.
        var grace: Double = 2
    }

    /// What became of one file.
    enum Result {
        case reply(WorkerReply)
        case failed(BatchFailure)
    }

    private let executable: String
    private let arguments: [String]
    private let limits: Limits
    private var slots: [Slot]
    /// The largest memory in use at once by the supervisor and its workers, in bytes (sampled).
    private(set) var peakMemoryBytes = 0

    private struct Slot {
        var worker: WorkerProcess?
        var job: (id: Int, path: String)?
        var deadline: Double = 0
    }

    init(executable: String, arguments: [String], size: Int, limits: Limits) {
        self.executable = executable
        self.arguments = arguments
        self.limits = limits
        self.slots = Array(repeating: Slot(), count: max(1, size))
    }

    deinit {
        shutdown(kill: true)
    }

    /// Starts the workers before their files are known, so that they read the library
    /// while the supervisor works out what to review (a worker that cannot start now
    /// is started, or reported, when a file is handed to it).
    func prestart() {
        for i in slots.indices where slots[i].worker == nil {
            guard let worker = try? WorkerProcess(executable: executable, arguments: arguments) else { return }
            slots[i].worker = worker
        }
    }

    /// Keeps at most `count` workers: there are no more files than that.
    func keep(_ count: Int) {
        while slots.count > max(0, count) { slots.removeLast().worker?.kill() }
    }

    /// Reviews `files` (id, path as named), calling `onStart` when a file is handed to a
    /// worker and `onResult` when its result is in (on this thread, in completion order).
    /// Stops early, killing the workers, when `Interrupt` is requested; returns whether it finished.
    func run(
        _ files: [(id: Int, path: String)], onStart: (Int, String) -> Void, onResult: (Int, String, Result) throws -> Void
    ) throws -> Bool {
        var next = 0
        var lastMemoryCheck = 0.0
        var lostWorkers = 0  // workers gone before they could take a file, in a row
        defer { shutdown(kill: Interrupt.requested) }
        while true {
            if Interrupt.requested { return false }
            // hand out work
            for i in slots.indices where slots[i].job == nil && next < files.count {
                if slots[i].worker == nil {
                    do {
                        slots[i].worker = try WorkerProcess(executable: executable, arguments: arguments)
                    } catch {
                        if slots.allSatisfy({ $0.worker == nil }) { throw CLIError("cannot start workers: \(error)") }
                        continue
                    }
                }
                let file = files[next]
                guard let worker = slots[i].worker, worker.send(try WorkerRequest(id: file.id, path: file.path).line()) else {
                    let tail = slots[i].worker.map { String(decoding: $0.stderrTail, as: UTF8.self) } ?? ""
                    slots[i].worker?.kill()
                    slots[i].worker = nil
                    lostWorkers += 1
                    if lostWorkers >= 5 { throw CLIError("the worker processes stop as soon as they start: \(tail.suffix(300))") }
                    continue
                }
                lostWorkers = 0
                next += 1
                slots[i].job = file
                slots[i].deadline = Self.now() + limits.seconds + limits.grace
                onStart(file.id, file.path)
            }
            if next >= files.count && slots.allSatisfy({ $0.job == nil }) { return true }

            // wait for output, a deadline or a signal
            var pollfds: [pollfd] = []
            var owners: [(slot: Int, fd: Int32)] = []
            for (i, slot) in slots.enumerated() {
                guard let worker = slot.worker, !worker.exited else { continue }
                for fd in [worker.stdoutFD, worker.stderrFD] where fd >= 0 {
                    pollfds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
                    owners.append((i, fd))
                }
            }
            if Interrupt.descriptor >= 0 { pollfds.append(pollfd(fd: Interrupt.descriptor, events: Int16(POLLIN), revents: 0)) }
            let nearest = slots.filter { $0.job != nil }.map(\.deadline).min() ?? (Self.now() + 1)
            let timeout = Int32(max(0, min(100, (nearest - Self.now()) * 1000)).rounded(.up))
            let ready = poll(&pollfds, nfds_t(pollfds.count), timeout)
            if ready < 0 && errno != EINTR { throw CLIError("poll failed: \(String(cString: strerror(errno)))") }

            for (k, owner) in owners.enumerated() where pollfds[k].revents != 0 {
                guard let worker = slots[owner.slot].worker, !worker.exited else { continue }
                let state = worker.drain(owner.fd)
                if owner.fd == worker.stdoutFD {
                    try deliver(slot: owner.slot, onResult: onResult)
                    if state == .endOfFile { try workerEnded(slot: owner.slot, onResult: onResult) }
                } else if state == .endOfFile {
                    worker.closeStderr()
                }
            }
            if Interrupt.requested { return false }

            // limits
            let now = Self.now()
            for i in slots.indices {
                guard let job = slots[i].job, let worker = slots[i].worker, now > slots[i].deadline else { continue }
                worker.kill()
                slots[i].worker = nil
                slots[i].job = nil
                try onResult(job.id, job.path, .failed(BatchFailure(
                    path: job.path, code: "time-limit",
                    message: "reviewing took longer than the time limit of \(Self.seconds(limits.seconds)) and was stopped; the file may be damaged. Raise the limit with --time-limit if it is a large, trusted file.")))
            }
            if now - lastMemoryCheck >= 0.1 {
                lastMemoryCheck = now
                var total = WorkerProcess.residentBytes(of: getpid())
                for i in slots.indices {
                    guard let worker = slots[i].worker else { continue }
                    let rss = worker.residentBytes
                    total += rss
                    guard rss > limits.memoryBytes, let job = slots[i].job else { continue }
                    worker.kill()
                    slots[i].worker = nil
                    slots[i].job = nil
                    try onResult(job.id, job.path, .failed(BatchFailure(
                        path: job.path, code: "memory-limit",
                        message: "reviewing used more than the memory limit of \(limits.memoryBytes >> 20) MiB and was stopped; the file may be damaged. Raise the limit with --memory-limit if it is a large, trusted file.")))
                }
                peakMemoryBytes = max(peakMemoryBytes, total)
            }
        }
    }

    /// Hands over every complete reply a worker has sent.
    private func deliver(slot i: Int, onResult: (Int, String, Result) throws -> Void) throws {
        guard let worker = slots[i].worker else { return }
        while true {
            let payload: Data?
            do {
                payload = try worker.frames.next()
            } catch {
                try failSlot(i, message: "the reader sent a reply that could not be read (\(error))", onResult: onResult)
                return
            }
            guard let payload else { return }
            guard let reply = try? JSONDecoder().decode(WorkerReply.self, from: payload), let job = slots[i].job,
                reply.id == job.id
            else {
                try failSlot(i, message: "the reader sent a reply that could not be read", onResult: onResult)
                return
            }
            slots[i].job = nil
            worker.served += 1
            try onResult(job.id, job.path, .reply(reply))
            if worker.served >= limits.recycleAfter {  // idle now: replace it before its next file
                worker.kill()
                slots[i].worker = nil
                return
            }
        }
    }

    /// The worker closed its output: it exited (after a time-limit failure it reports itself) or crashed.
    private func workerEnded(slot i: Int, onResult: (Int, String, Result) throws -> Void) throws {
        guard let worker = slots[i].worker else { return }
        worker.reap(blocking: true)
        if slots[i].job != nil {
            var message = worker.exitDescription
            let tail = String(decoding: worker.stderrTail, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            if !tail.isEmpty { message += ": \(tail.prefix(300))" }
            try failSlot(i, message: message + ". The file may be damaged; the other files were reviewed.", onResult: onResult)
        }
        slots[i].worker = nil
    }

    private func failSlot(_ i: Int, message: String, onResult: (Int, String, Result) throws -> Void) throws {
        slots[i].worker?.kill()
        slots[i].worker = nil
        guard let job = slots[i].job else { return }
        slots[i].job = nil
        try onResult(job.id, job.path, .failed(BatchFailure(path: job.path, code: "crashed", message: message)))
    }

    /// Stops every worker: politely (end of input) when done, at once when interrupted.
    private func shutdown(kill: Bool) {
        for i in slots.indices {
            guard let worker = slots[i].worker else { continue }
            if kill {
                worker.kill()
            } else {
                worker.closeInput()
                let deadline = Self.now() + 2
                while !worker.reap(blocking: false) {
                    if Self.now() > deadline {
                        worker.kill()
                        break
                    }
                    usleep(2_000)
                }
            }
            slots[i].worker = nil
        }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
