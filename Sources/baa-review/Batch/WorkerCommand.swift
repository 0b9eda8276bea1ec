import ArgumentParser
import ContractIngest
import ContractModel
import ContractReport
import ContractPortfolio
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `baa-review worker` (hidden): the process a batch starts to review files, reused
/// from file to file. Reads one request per line (`WorkerRequest` JSON) on standard
/// input and writes one length-prefixed `WorkerReply` per file on standard output;
/// exits at the end of its input. The batch supervisor holds it to the time and
/// memory limits; Ctrl-C is the supervisor's to handle.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Review files for a batch (used by `baa-review batch`).", shouldDisplay: false)

    /// The environment variable that carries `--password` to workers (kept off their command line).
    static let passwordVariable = "BAA_REVIEW_WORKER_PASSWORD"

    @OptionGroup var libraryOptions: LibraryOptions
    @OptionGroup var reading: ReadingOptions

    @Option(name: .customLong("memory-limit"), help: "MiB: the process's data limit is set a little above it, as a backstop.")
    var memoryLimit: Int?

    @Option(name: .customLong("debug-delay"), help: .hidden)
    var debugDelay = 0

    @Option(name: .customLong("debug-hog"), help: .hidden)
    var debugHog = 0

    func run() throws {
        Glibc.signal(SIGINT, SIG_IGN)
        if let memoryLimit, memoryLimit > 0 {
            // the supervisor watches resident memory; this stops a runaway allocation between two looks
            let bytes = rlim_t(memoryLimit) * 2 * (1 << 20) + 512 * (1 << 20)
            var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
            setrlimit(Int32(RLIMIT_DATA.rawValue), &limit)
        }
        var options = reading.readOptions
        options.pdfThreads = 1  // the batch runs one document per core already
        if options.password == nil, let password = ProcessInfo.processInfo.environment[Self.passwordVariable] {
            options.password = password
        }
        let session = try ReviewSession(library: libraryOptions, readOptions: options)
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let line = readLine(strippingNewline: true) {
            guard let request = try? decoder.decode(WorkerRequest.self, from: Data(line.utf8)) else { continue }
            if debugDelay > 0 { usleep(useconds_t(debugDelay) * 1000) }
            if debugHog > 0 { Self.hog(megabytes: debugHog) }
            var stuckThread = false
            let reply: WorkerReply
            // reading, structure and review share the time limit
            switch session.review(request.path) {
            case .failure(let error):
                reply = WorkerReply(id: request.id, failure: BatchFailure(error))
                if case .timeLimit = error.reason { stuckThread = true }
            case .success(let review):
                reply = WorkerReply(id: request.id, review: .init(document: review.document, vendor: review.vendor, findings: review.findings))
            }
            Self.writeAll(Frame.encode(try encoder.encode(reply)))
            // a reader stopped by the watchdog still runs on its thread: start afresh
            if stuckThread { throw ExitCode.success }
        }
    }

    static func writeAll(_ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(1, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    Glibc.exit(1)  // the supervisor is gone
                }
                offset += n
            }
        }
    }

    /// For tests of the memory limit: allocates and touches `megabytes` and holds them a second and a half,
    /// long enough for the supervisor to see it.
    static func hog(megabytes: Int) {
        var blocks: [UnsafeMutableRawPointer] = []
        for _ in 0..<megabytes {
            guard let block = malloc(1 << 20) else { break }
            memset(block, 1, 1 << 20)
            blocks.append(block)
        }
        usleep(1_500_000)
        for block in blocks { free(block) }
    }
}
