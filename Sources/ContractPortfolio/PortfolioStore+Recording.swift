import ContractModel
import ContractReport
import Foundation
import GRDB

extension PortfolioStore {
    /// Records the start of a run; returns its id.
    public func beginRun(_ info: RunInfo, at date: Date = Date()) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (started_at, status, tool, tool_version, library_version, library_hash, policy_hash,
                      policy_sources, options_hash, columns, inputs, out_dir, jobs)
                    VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Self.timestamp(date), info.tool, info.key.toolVersion, info.libraryVersion, info.key.libraryHash,
                    info.key.policyHash, try Self.json(info.policySources), info.key.optionsHash, try Self.json(info.columns),
                    try Self.json(info.inputs), info.outDir, info.jobs,
                ])
            return db.lastInsertedRowID
        }
    }

    /// Records how a run ended: `complete` or `interrupted`, with its counts.
    public func finishRun(
        _ run: Int64, status: String, files: Int, notContracts: Int, at date: Date = Date()
    ) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE runs SET status = :status, finished_at = :finished, files = :files, not_contracts = :others,
                      reviewed = (SELECT count(*) FROM run_contracts WHERE run_id = :run AND outcome = 'reviewed'),
                      cached = (SELECT count(*) FROM run_contracts WHERE run_id = :run AND outcome = 'cached'),
                      failed = (SELECT count(*) FROM run_contracts WHERE run_id = :run AND outcome = 'failed')
                    WHERE id = :run
                    """,
                arguments: ["status": status, "finished": Self.timestamp(date), "files": files, "others": notContracts, "run": run])
        }
    }

    /// Earlier reviews made with `key`, by `ContractFile.cacheKey` (the latest for each).
    public func cacheHits(_ key: ReviewKey) throws(StoreError) -> [String: CacheHit] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.display_path, r.report_name, c.path, v.sha256
                    FROM reviews r JOIN contract_versions v ON v.id = r.version_id JOIN contracts c ON c.id = v.contract_id
                    WHERE r.library_hash = ? AND r.policy_hash = ? AND r.tool_version = ? AND r.options_hash = ?
                    ORDER BY r.id
                    """,
                arguments: [key.libraryHash, key.policyHash, key.toolVersion, key.optionsHash])
            var hits: [String: CacheHit] = [:]
            for row in rows {
                let path: String = row["path"], sha: String = row["sha256"]
                hits[path + "\u{0}" + sha] = CacheHit(reviewID: row["id"], displayPath: row["display_path"], reportName: row["report_name"])
            }
            return hits
        }
    }

    /// Failures of the file itself remembered for this tool version and reading options, by `ContractFile.cacheKey`.
    public func rememberedFailures(toolVersion: String, optionsHash: String) throws(StoreError) -> [String: BatchFailure] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.code, f.message, c.path, c.display_path, v.sha256
                    FROM read_failures f JOIN contract_versions v ON v.id = f.version_id JOIN contracts c ON c.id = v.contract_id
                    WHERE f.tool_version = ? AND f.options_hash = ?
                    """,
                arguments: [toolVersion, optionsHash])
            var result: [String: BatchFailure] = [:]
            for row in rows {
                let path: String = row["path"], sha: String = row["sha256"]
                result[path + "\u{0}" + sha] = BatchFailure(path: row["display_path"], code: row["code"], message: row["message"])
            }
            return result
        }
    }

    /// Records what a run did with a batch of files, in one transaction.
    public func record(_ outcomes: [Outcome], run: Int64, key: ReviewKey, at date: Date = Date()) throws(StoreError) {
        guard !outcomes.isEmpty else { return }
        let now = Self.timestamp(date)
        try write { db in
            for outcome in outcomes {
                switch outcome {
                case .reviewed(let file, let review, let reportName, let milliseconds):
                    try recordReview(db, file: file, review: review, reportName: reportName, ms: milliseconds, run: run, key: key, now: now)
                case .cached(let file, let hit):
                    try recordCached(db, file: file, hit: hit, run: run, now: now)
                case .failed(let file, let failure, let remembered):
                    try recordFailure(db, file: file, failure: failure, remembered: remembered, run: run, key: key, now: now)
                }
            }
        }
    }

    private func upsertVendor(_ db: Database, name: String) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO vendors (key, name) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET name = excluded.name RETURNING id")
        return try Int64.fetchOne(statement, arguments: [VendorKey.of(name), name])!
    }

    private func upsertContract(
        _ db: Database, file: ContractFile, vendor: Int64?, format: String?, pages: Int?, run: Int64, now: String
    ) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO contracts (path, display_path, sha256, vendor_id, format, pages, first_seen, last_seen, first_run, last_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (path) DO UPDATE SET display_path = excluded.display_path,
                  sha256 = coalesce(excluded.sha256, sha256), vendor_id = coalesce(excluded.vendor_id, vendor_id),
                  format = coalesce(excluded.format, format), pages = coalesce(excluded.pages, pages),
                  last_seen = excluded.last_seen, last_run = excluded.last_run
                RETURNING id
                """)
        return try Int64.fetchOne(
            statement,
            arguments: [file.absolutePath, file.displayPath, file.sha256, vendor, format, pages, now, now, run, run])!
    }

    private func upsertVersion(
        _ db: Database, contract: Int64, sha: String, vendor: Int64?, format: String?, pages: Int?, bytes: Int?,
        run: Int64, now: String
    ) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO contract_versions (contract_id, sha256, vendor_id, format, pages, byte_count, first_seen, last_seen, first_run, last_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contract_id, sha256) DO UPDATE SET vendor_id = coalesce(excluded.vendor_id, vendor_id),
                  format = coalesce(excluded.format, format), pages = coalesce(excluded.pages, pages),
                  byte_count = coalesce(excluded.byte_count, byte_count),
                  last_seen = excluded.last_seen, last_run = excluded.last_run
                RETURNING id
                """)
        return try Int64.fetchOne(statement, arguments: [contract, sha, vendor, format, pages, bytes, now, now, run, run])!
    }

    private func linkRun(
        _ db: Database, run: Int64, contract: Int64, version: Int64?, review: Int64?, file: ContractFile, outcome: String,
        failure: BatchFailure?, ms: Int?
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO run_contracts (run_id, contract_id, version_id, review_id, display_path, outcome,
                  failure_code, failure_message, milliseconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            run, contract, version, review, file.displayPath, outcome, failure?.code, failure?.message, ms,
        ])
    }

    private func recordReview(
        _ db: Database, file: ContractFile, review: Review, reportName: String, ms: Int, run: Int64, key: ReviewKey, now: String
    ) throws {
        let doc = review.document
        let vendor = try upsertVendor(db, name: review.vendor)
        let contract = try upsertContract(db, file: file, vendor: vendor, format: doc.format.rawValue, pages: doc.pages, run: run, now: now)
        let version = try upsertVersion(
            db, contract: contract, sha: doc.sha256, vendor: vendor, format: doc.format.rawValue, pages: doc.pages,
            bytes: doc.byteCount, run: run, now: now)
        let counts = review.counts
        let insertReview = try db.cachedStatement(
            sql: """
                INSERT INTO reviews (version_id, run_id, tool_version, library_hash, policy_hash, options_hash, display_path,
                  report_name, vendor_name, met, partial, conflict, missing, milliseconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try insertReview.execute(arguments: [
            version, run, key.toolVersion, key.libraryHash, key.policyHash, key.optionsHash, doc.path, reportName,
            review.vendor, counts[.met] ?? 0, counts[.partial] ?? 0, counts[.conflict] ?? 0, counts[.missing] ?? 0, ms,
        ])
        let reviewID = db.lastInsertedRowID
        let insertFinding = try db.cachedStatement(
            sql: """
                INSERT INTO findings (review_id, position, provision, title, severity, status, clauses, parameters, reason,
                  evidence, rules)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, f) in review.findings.enumerated() {
            let cell = PortfolioEntry.Cell(f)
            try insertFinding.execute(arguments: [
                reviewID, position, f.provision, f.title, f.severity.rawValue, f.status.rawValue,
                cell.clauses.joined(separator: "\n"), f.parameters.isEmpty ? "{}" : try Self.json(f.parameters), f.reason,
                f.evidence.isEmpty ? "[]" : try Self.json(f.evidence), try Self.json(f.rules),
            ])
        }
        try linkRun(db, run: run, contract: contract, version: version, review: reviewID, file: file, outcome: "reviewed", failure: nil, ms: ms)
    }

    private func recordCached(_ db: Database, file: ContractFile, hit: CacheHit, run: Int64, now: String) throws {
        guard let sha = file.sha256 else { return }
        let contract = try upsertContract(db, file: file, vendor: nil, format: nil, pages: nil, run: run, now: now)
        let version = try upsertVersion(
            db, contract: contract, sha: sha, vendor: nil, format: nil, pages: nil, bytes: nil, run: run, now: now)
        try linkRun(db, run: run, contract: contract, version: version, review: hit.reviewID, file: file, outcome: "cached", failure: nil, ms: nil)
    }

    private func recordFailure(
        _ db: Database, file: ContractFile, failure: BatchFailure, remembered: Bool, run: Int64, key: ReviewKey, now: String
    ) throws {
        let contract = try upsertContract(db, file: file, vendor: nil, format: nil, pages: nil, run: run, now: now)
        var version: Int64?
        if let sha = file.sha256 {
            let v = try upsertVersion(db, contract: contract, sha: sha, vendor: nil, format: nil, pages: nil, bytes: nil, run: run, now: now)
            version = v
            if failure.isProperty, !remembered {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO read_failures (version_id, tool_version, options_hash, code, message)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [v, key.toolVersion, key.optionsHash, failure.code, failure.message])
            }
        }
        try linkRun(db, run: run, contract: contract, version: version, review: nil, file: file, outcome: "failed", failure: failure, ms: nil)
    }
}
