import ArgumentParser
import ContractAudit
import ContractIngest
import ContractMatch
import ContractModel
import ContractPortfolio
import ContractReport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `baa-review batch`: reviews every contract in folders, in parallel worker
/// processes, into a report per contract and a vendors x provisions matrix, with
/// the history in a SQLite store so that a re-run reviews only what changed.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Review every contract in folders: a report per contract, a portfolio matrix, a store for re-runs.",
        discussion: """
            Finds PDF, DOCX, text and Markdown files recursively and reviews them in worker processes \
            (one per core), each document held to --time-limit and --memory-limit. Writes under --out: \
            reports/NAME.json and reports/NAME.html per contract, portfolio.csv and portfolio.html (vendors x \
            provisions), failures.csv, and the store portfolio.sqlite (--store to share one). A re-run skips \
            contracts whose content, library and policy are unchanged. Ctrl-C stops cleanly; run again to \
            continue. Exit status: 0 all reviewed; 1 a file could not be read; 3 a finding reached --fail-on; \
            130 interrupted. See docs/batch.md.
            """)

    @Argument(help: "Folders (searched recursively) and files.")
    var inputs: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Worker processes (default: one per core).")
    var jobs: Int?

    @Option(name: .customLong("fail-on"), help: "Exit 3 when a finding at or above this level exists: conflict, missing or partial.")
    var failOn: FailLevel?

    @Option(help: "The portfolio store (default: OUT/portfolio.sqlite); name one to share it between batches.")
    var store: String?

    @Option(name: .customLong("memory-limit"), help: "MiB of memory one document may use before its worker is stopped.")
    var memoryLimit = 2048

    @Flag(help: "Review every contract again, even those unchanged since the last run.")
    var force = false

    @Flag(help: "No progress display or per-file lines: failures and the summary only.")
    var quiet = false

    @OptionGroup var libraryOptions: LibraryOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var audit: AuditOptions

    @Option(name: .customLong("debug-delay"), help: .hidden)
    var debugDelay = 0

    @Option(name: .customLong("debug-hog"), help: .hidden)
    var debugHog = 0

    @Option(name: .customLong("debug-recycle"), help: .hidden)
    var debugRecycle: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if memoryLimit < 64 { throw ValidationError("--memory-limit must be at least 64 (MiB).") }
    }

    func run() throws {
        AuditTrail.hashExecutableInBackground()  // for the audit entry, while the work goes on
        let clockStart = WorkerPool.now()
        let (library, policy, policyText) = try libraryOptions.load()
        let provenance = Provenance(library: library, policy: policy, policyText: policyText)
        let key = ReviewKey(
            toolVersion: BAAReview.version, libraryHash: library.hash, policyHash: provenance.policyHash,
            optionsHash: optionsHash())
        let playbook = Playbook(library: library)
        let columns = library.provisions.filter { !policy.disabled.contains($0.id) }.map {
            PortfolioMatrix.Column(id: $0.id, title: $0.title, severity: (policy.severity[$0.id] ?? $0.severity).rawValue)
        }

        let outDir = out.hasSuffix("/") && out.count > 1 ? String(out.dropLast()) : out
        let reportsDir = outDir + "/reports"
        do {
            try FileManager.default.createDirectory(atPath: reportsDir, withIntermediateDirectories: true)
        } catch {
            throw CLIError("\(outDir): cannot create the output folder (\(error.localizedDescription))")
        }
        AtomicFile.removeLeftovers(in: outDir)
        AtomicFile.removeLeftovers(in: reportsDir)
        let storePath = store ?? outDir + "/portfolio.sqlite"
        let portfolio: PortfolioStore
        do { portfolio = try PortfolioStore(path: storePath) } catch { throw CLIError(error.description) }
        defer { portfolio.close() }

        Interrupt.install()
        let finder = ContractFinder(excluded: [ContractFinder.absolute(outDir), ContractFinder.absolute(storePath)])
        let (found, notContracts) = try finder.find(inputs)
        // the workers (no more than there are files) read the library while this process hashes the files
        var limits = WorkerPool.Limits(seconds: reading.timeLimit, memoryBytes: memoryLimit << 20)
        if let debugRecycle { limits.recycleAfter = max(1, debugRecycle) }
        let pool = WorkerPool(
            executable: Self.executablePath(), arguments: workerArguments(library: library),
            size: min(workerCount, max(1, found.count)), limits: limits)
        if !found.isEmpty { pool.prestart() }
        let log = Progress(total: 0, quiet: quiet)
        if !notContracts.isEmpty {
            let n = notContracts.count
            log.log(
                "skipped \(n) file\(n == 1 ? " that is" : "s that are") not PDF, DOCX, text or Markdown: "
                    + notContracts.prefix(5).joined(separator: ", ") + (n > 5 ? ", ..." : ""))
        }

        // what needs reviewing: the store knows the unchanged contracts and the files that cannot be read
        var started: Int64?
        let plan: BatchPlan
        do {
            started = try portfolio.beginRun(
                RunInfo(
                    tool: provenance.tool, libraryVersion: library.version, key: key, policySources: provenance.policySources,
                    columns: columns, inputs: inputs, outDir: ContractFinder.absolute(outDir), jobs: workerCount))
            plan = try BatchPlan(
                found: found, hits: force ? [:] : try portfolio.cacheHits(key),
                remembered: force ? [:] : try portfolio.rememberedFailures(toolVersion: key.toolVersion, optionsHash: key.optionsHash),
                reportsDir: reportsDir)
            try portfolio.record(plan.early, run: started!, key: key)
        } catch let error as StoreError {
            throw CLIError(error.description)
        } catch let stop as ExitCode {  // interrupted while hashing
            if let started { try? portfolio.finishRun(started, status: "interrupted", files: found.count, notContracts: notContracts.count) }
            throw stop
        }
        guard let runID = started else { return }
        log.log(
            "\(plan.files.count) contract\(plan.files.count == 1 ? "" : "s"): \(plan.toReview.count) to review, "
                + "\(plan.unchanged) unchanged since an earlier run"
                + (plan.knownFailures > 0 ? ", \(plan.knownFailures) known to be unreadable" : ""))

        // review in the workers
        let progress = Progress(total: plan.toReview.count, quiet: quiet)
        let recorder = BatchRecorder(
            store: portfolio, runID: runID, key: key, provenance: provenance, playbook: playbook, reportsDir: reportsDir,
            progress: progress)
        pool.keep(plan.toReview.count)
        let finished: Bool
        do {
            finished = try pool.run(
                plan.toReview, onStart: recorder.started,
                onResult: { id, _, result in try recorder.finished(plan.files[id], name: plan.names[id], id: id, result: result) })
            try recorder.flush()
        } catch {
            progress.end()
            try? portfolio.finishRun(runID, status: "failed", files: plan.files.count, notContracts: notContracts.count)
            if let error = error as? StoreError { throw CLIError(error.description) }
            throw error
        }
        progress.end()
        let seconds = WorkerPool.now() - clockStart
        let memory = pool.peakMemoryBytes > 0 ? ", peak memory \(pool.peakMemoryBytes >> 20) MiB" : ""
        let reviewed = recorder.reviewed

        if !finished {
            try? portfolio.finishRun(runID, status: "interrupted", files: plan.files.count, notContracts: notContracts.count)
            Terminal.error(
                "interrupted: \(reviewed) of \(plan.toReview.count) reviewed in this run; their reports are complete and stored. "
                    + "Run the same command again to continue (unchanged contracts are skipped).")
            throw ExitCode(128 + (Interrupt.signalReceived == 0 ? SIGINT : Interrupt.signalReceived))
        }

        // the portfolio, from the store: the same bytes whatever the order of completion or --jobs
        let matrix: PortfolioMatrix
        do {
            guard let run = try portfolio.run(runID) else { throw CLIError("\(storePath): the run vanished from the store") }
            matrix = try portfolio.matrix(run: run)
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
        try AtomicFile.write(Data(MatrixCSV.render(matrix).utf8), to: outDir + "/portfolio.csv")
        try AtomicFile.write(Data(MatrixHTML.render(matrix).utf8), to: outDir + "/portfolio.html")
        try AtomicFile.write(Data(MatrixCSV.failures(matrix.failures).utf8), to: outDir + "/failures.csv")
        do {
            try portfolio.finishRun(runID, status: "complete", files: plan.files.count, notContracts: notContracts.count)
        } catch {
            throw CLIError(error.description)
        }

        let rate = plan.toReview.isEmpty || seconds <= 0 ? "" : String(format: ", %.0f contracts/min", Double(reviewed) / seconds * 60)
        Terminal.out(
            "\(plan.files.count) contract\(plan.files.count == 1 ? "" : "s") of \(matrix.rows.count) vendor\(matrix.rows.count == 1 ? "" : "s"): "
                + "\(reviewed) reviewed, \(plan.unchanged) unchanged, \(matrix.failures.count) failed"
                + (matrix.failures.isEmpty ? "" : " (failures.csv)")
                + String(format: " in %.1f s", seconds) + rate + memory + ". Wrote \(outDir)/portfolio.html (run \(runID)).\n")

        var status: Int32 = matrix.failures.isEmpty ? 0 : 1
        if status == 0, let failOn {
            let entries = matrix.rows.flatMap { [$0.current] + $0.earlier }
            if entries.contains(where: { $0.cells.values.contains { failOn.trips($0.status) } }) { status = 3 }
        }
        try audit.record(command: "batch", documents: recorder.audited, provenance: provenance, exitStatus: status)
        if status != 0 { throw ExitCode(status) }
    }

    private var workerCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The reading options that change what a review finds (the time limit and threads do not).
    private func optionsHash() -> String {
        let r = reading.readOptions
        let password = r.password.map { DocumentReader.sha256(Data($0.utf8)) } ?? "-"
        let text = "bytes=\(r.maxInputBytes);unzipped=\(r.maxDecompressedBytes);entries=\(r.maxZipEntries);pages=\(r.maxPages);password=\(password)"
        return DocumentReader.sha256(Data(text.utf8))
    }

    private func workerArguments(library: ClauseLibrary) -> [String] {
        var args = ["worker", "--library", library.directory]
        if let policy = libraryOptions.policy { args += ["--policy", ContractFinder.absolute(policy)] }
        args += [
            "--time-limit", "\(reading.timeLimit)", "--max-bytes", "\(reading.maxBytes)",
            "--max-unzipped-bytes", "\(reading.maxUnzippedBytes)", "--max-zip-entries", "\(reading.maxZipEntries)",
            "--max-pages", "\(reading.maxPages)", "--memory-limit", "\(memoryLimit)",
        ]
        if debugDelay > 0 { args += ["--debug-delay", "\(debugDelay)"] }
        if debugHog > 0 { args += ["--debug-hog", "\(debugHog)"] }
        if let password = reading.password { setenv(WorkerCommand.passwordVariable, password, 1) }
        return args
    }

    /// This program, to start its workers.
    static func executablePath() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return ContractFinder.absolute(CommandLine.arguments[0])
    }
}
