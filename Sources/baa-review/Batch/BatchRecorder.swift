import ContractAudit
import ContractModel
import ContractPortfolio
import ContractReport
import Foundation

/// Takes each result from the workers as it comes: writes the contract's reports
/// (each complete or absent) and records the outcome in the store, in batches of
/// up to 256 or every 2 seconds, so the store does not slow the workers down.
final class BatchRecorder {
    private let store: PortfolioStore
    private let runID: Int64
    private let key: ReviewKey
    private let provenance: Provenance
    private let playbook: Playbook
    private let reportsDir: String
    private let progress: Progress
    private var pending: [Outcome] = []
    private var lastFlush = WorkerPool.now()
    private var startedAt: [Int: Double] = [:]
    private(set) var reviewed = 0
    /// What the audit log records of this run: each file reviewed or failed.
    private(set) var audited: [AuditDocument] = []
    private(set) var failed = 0

    init(
        store: PortfolioStore, runID: Int64, key: ReviewKey, provenance: Provenance, playbook: Playbook,
        reportsDir: String, progress: Progress
    ) {
        self.store = store
        self.runID = runID
        self.key = key
        self.provenance = provenance
        self.playbook = playbook
        self.reportsDir = reportsDir
        self.progress = progress
    }

    func started(_ id: Int, _ path: String) {
        startedAt[id] = WorkerPool.now()
        progress.started(path)
    }

    /// One file's result: `file` as planned, `name` its report name.
    func finished(_ file: ContractFile, name: String, id: Int, result: WorkerPool.Result) throws {
        var file = file
        let ms = Int(((WorkerPool.now() - (startedAt.removeValue(forKey: id) ?? WorkerPool.now())) * 1000).rounded())
        var failure: BatchFailure?
        switch result {
        case .reply(let reply):
            if let r = reply.review {
                let review = Review(document: r.document, vendor: r.vendor, findings: r.findings, provenance: provenance)
                for (fileName, bytes) in try BatchReports.reportFiles(for: review, name: name, playbook: playbook) {
                    try AtomicFile.write(bytes, to: reportsDir + "/" + fileName)
                }
                file.sha256 = r.document.sha256  // what the worker read
                pending.append(.reviewed(file, review, reportName: name, milliseconds: ms))
                audited.append(AuditDocument(review: review))
                reviewed += 1
                progress.finished(file.displayPath, note: "reviewed", isFailure: false)
            } else {
                failure = reply.failure ?? BatchFailure(path: file.displayPath, code: "crashed", message: "the reader gave no result.")
            }
        case .failed(let f):
            failure = f
        }
        if let failure {
            failed += 1
            pending.append(.failed(file, failure, remembered: false))
            audited.append(AuditDocument(path: file.displayPath, sha256: file.sha256, error: failure.code))
            progress.finished(file.displayPath, note: failure.message, isFailure: true)
        }
        if pending.count >= 256 || WorkerPool.now() - lastFlush > 2 { try flush() }
    }

    /// Records what is pending.
    func flush() throws(StoreError) {
        try store.record(pending, run: runID, key: key)
        pending.removeAll(keepingCapacity: true)
        lastFlush = WorkerPool.now()
    }
}
