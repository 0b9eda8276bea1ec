import ContractModel
import ContractReport
import Foundation
import GRDB

extension PortfolioStore {
    /// Every run, oldest first.
    public func runs() throws(StoreError) -> [RunSummary] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id").map(Self.runSummary) }
    }

    /// One run, or `nil` when there is no such run.
    public func run(_ id: Int64) throws(StoreError) -> RunSummary? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]).map(Self.runSummary) }
    }

    /// The portfolio as it stands: the latest complete run, else the latest run.
    public func latestRun() throws(StoreError) -> RunSummary? {
        try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM runs ORDER BY (status = 'complete') DESC, id DESC LIMIT 1")
            return try row.map(Self.runSummary)
        }
    }

    static func runSummary(_ row: Row) throws -> RunSummary {
        RunSummary(
            id: row["id"], startedAt: row["started_at"], finishedAt: row["finished_at"], status: row["status"],
            toolVersion: row["tool_version"], libraryVersion: row["library_version"], libraryHash: row["library_hash"],
            policyHash: row["policy_hash"], files: row["files"], reviewed: row["reviewed"], cached: row["cached"],
            failed: row["failed"], columns: try decode([PortfolioMatrix.Column].self, row["columns"]))
    }

    /// The contracts a run reviewed or found unchanged, with their findings.
    public func entries(run: Int64) throws(StoreError) -> [PortfolioEntry] {
        try read { db in
            var cells: [Int64: [String: PortfolioEntry.Cell]] = [:]
            let findingRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT review_id, provision, status, clauses, parameters FROM findings
                    WHERE review_id IN (SELECT review_id FROM run_contracts WHERE run_id = ? AND review_id IS NOT NULL)
                    """,
                arguments: [run])
            while let row = try findingRows.next() {
                let parametersText: String = row["parameters"]
                let clausesText: String = row["clauses"]
                let cell = PortfolioEntry.Cell(
                    status: Finding.Status(rawValue: row["status"]) ?? .missing,
                    clauses: clausesText.isEmpty ? [] : clausesText.components(separatedBy: "\n"),
                    parameters: parametersText == "{}" ? [:] : try Self.decode([String: ParameterValue].self, parametersText))
                cells[row["review_id"], default: [:]][row["provision"]] = cell
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT rc.review_id, r.display_path, r.report_name, r.vendor_name, v.sha256, v.format, v.pages, v.first_run
                    FROM run_contracts rc JOIN reviews r ON r.id = rc.review_id JOIN contract_versions v ON v.id = r.version_id
                    WHERE rc.run_id = ? AND rc.review_id IS NOT NULL
                    ORDER BY r.display_path
                    """,
                arguments: [run])
            return rows.map { row in
                PortfolioEntry(
                    path: row["display_path"], reportName: row["report_name"], vendor: row["vendor_name"],
                    sha256: row["sha256"], format: row["format"] ?? "", pages: row["pages"], firstSeenRun: row["first_run"],
                    cells: cells[row["review_id"]] ?? [:])
            }
        }
    }

    /// The files a run could not read.
    public func failures(run: Int64) throws(StoreError) -> [BatchFailure] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT display_path, failure_code, failure_message FROM run_contracts
                    WHERE run_id = ? AND outcome = 'failed' ORDER BY display_path
                    """,
                arguments: [run]
            ).map { BatchFailure(path: $0["display_path"], code: $0["failure_code"] ?? "", message: $0["failure_message"] ?? "") }
        }
    }

    /// The vendors x provisions matrix of a run.
    public func matrix(run: RunSummary) throws(StoreError) -> PortfolioMatrix {
        PortfolioMatrix(
            columns: run.columns, entries: try entries(run: run.id), failures: try failures(run: run.id),
            caption: .init(libraryVersion: run.libraryVersion, libraryHash: run.libraryHash, policyHash: run.policyHash))
    }

    /// The full findings of one review, in library order.
    public func findings(review: Int64) throws(StoreError) -> [Finding] {
        try read { db in try Self.findings(db, review: review) }
    }

    static func findings(_ db: Database, review: Int64) throws -> [Finding] {
        try Row.fetchAll(db, sql: "SELECT * FROM findings WHERE review_id = ? ORDER BY position", arguments: [review]).map { row in
            Finding(
                provision: row["provision"], title: row["title"],
                severity: Finding.Severity(rawValue: row["severity"]) ?? .medium,
                status: Finding.Status(rawValue: row["status"]) ?? .missing,
                evidence: try decode([Evidence].self, row["evidence"]),
                parameters: try decode([String: ParameterValue].self, row["parameters"]), reason: row["reason"],
                rules: try decode([String].self, row["rules"]))
        }
    }

    /// The history of every vendor whose name matches `query` (ignoring case, punctuation and legal suffix).
    public func vendorHistories(matching query: String) throws(StoreError) -> [VendorHistory] {
        let wanted = VendorKey.of(query)
        let lowered = query.lowercased()
        return try read { db in
            let vendors = try Row.fetchAll(db, sql: "SELECT id, key, name FROM vendors ORDER BY name, key").filter { row in
                let key: String = row["key"], name: String = row["name"]
                return key == wanted || key.contains(wanted) || name.lowercased().contains(lowered)
            }
            // an exact match hides the vendors that merely contain the words
            let exact = vendors.filter { ($0["key"] as String) == wanted }
            var histories: [VendorHistory] = []
            for vendor in exact.isEmpty ? vendors : exact {
                let id: Int64 = vendor["id"]
                let versions = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT v.id, c.display_path, v.sha256, v.format, v.pages, v.first_seen, v.last_seen
                        FROM contract_versions v JOIN contracts c ON c.id = v.contract_id
                        WHERE v.vendor_id = ? ORDER BY v.first_run, c.display_path, v.id
                        """,
                    arguments: [id]
                ).map {
                    VendorHistory.Version(
                        id: $0["id"], path: $0["display_path"], sha256: $0["sha256"], format: $0["format"], pages: $0["pages"],
                        firstSeen: $0["first_seen"], lastSeen: $0["last_seen"])
                }
                var findingsByReview: [Int64: [Finding]] = [:]
                let reviewRows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT rc.run_id, ru.started_at, rc.version_id, rc.review_id, rc.display_path, v.sha256, rc.outcome
                        FROM run_contracts rc JOIN runs ru ON ru.id = rc.run_id
                          JOIN contract_versions v ON v.id = rc.version_id
                        WHERE v.vendor_id = ? AND rc.review_id IS NOT NULL
                        ORDER BY rc.run_id, rc.display_path
                        """,
                    arguments: [id])
                var reviews: [VendorHistory.ReviewEntry] = []
                for row in reviewRows {
                    let reviewID: Int64 = row["review_id"]
                    if findingsByReview[reviewID] == nil { findingsByReview[reviewID] = try Self.findings(db, review: reviewID) }
                    reviews.append(
                        VendorHistory.ReviewEntry(
                            runID: row["run_id"], runStartedAt: row["started_at"], versionID: row["version_id"],
                            path: row["display_path"], sha256: row["sha256"], outcome: row["outcome"],
                            findings: findingsByReview[reviewID] ?? []))
                }
                histories.append(VendorHistory(vendor: vendor["name"], key: vendor["key"], versions: versions, reviews: reviews))
            }
            return histories
        }
    }
}
