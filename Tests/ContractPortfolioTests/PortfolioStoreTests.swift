import ContractModel
import ContractPortfolio
import ContractReport
import Foundation
import Testing

@Suite struct PortfolioStoreTests {
    let key = ReviewKey(toolVersion: "0.1.0", libraryHash: "lib-hash", policyHash: "policy-hash", optionsHash: "opts")

    func runInfo() -> RunInfo {
        RunInfo(
            tool: "baa-review", libraryVersion: "test", key: key, policySources: [], columns: Fixtures.columns,
            inputs: ["contracts"], outDir: "/tmp/out", jobs: 2)
    }

    func file(_ name: String, sha: String?) -> ContractFile {
        ContractFile(absolutePath: "/data/contracts/\(name)", displayPath: "contracts/\(name)", sha256: sha)
    }

    @Test func recordsRunsReviewsAndAnswersQueries() throws {
        let dir = try Fixtures.temporaryDirectory()
        let store = try PortfolioStore(path: dir.appendingPathComponent("p.sqlite").path)
        #expect(try store.appliedMigrations() == ["v1"])

        // run 1: two contracts reviewed, one unreadable
        let run1 = try store.beginRun(runInfo(), at: Date(timeIntervalSince1970: 1_800_000_000))
        let v1 = Fixtures.review(path: "contracts/acme-v1.txt", vendor: "Acme AI, Inc.", sha: "sha-v1", findings: [
            Fixtures.finding("ai.training-opt-out", .conflict, clause: "4.2"),
            Fixtures.finding("ai.breach-notification", .partial, clause: "7", parameters: ["notice_hours": .number(1440)]),
        ])
        let beta = Fixtures.review(path: "contracts/beta.txt", vendor: "Beta Scribe", sha: "sha-beta", findings: [
            Fixtures.finding("ai.training-opt-out", .missing),
            Fixtures.finding("ai.breach-notification", .met, clause: "3"),
        ])
        let broken = BatchFailure(path: "contracts/broken.pdf", code: "corrupt", message: "the file is damaged.")
        try store.record([
            .reviewed(file("acme-v1.txt", sha: "sha-v1"), v1, reportName: "acme-v1.txt", milliseconds: 12),
            .reviewed(file("beta.txt", sha: "sha-beta"), beta, reportName: "beta.txt", milliseconds: 10),
            .failed(file("broken.pdf", sha: "sha-broken"), broken, remembered: false),
        ], run: run1, key: key)
        try store.finishRun(run1, status: "complete", files: 3, notContracts: 1)

        let summary = try #require(try store.latestRun())
        #expect(summary.id == run1 && summary.reviewed == 2 && summary.failed == 1 && summary.status == "complete")
        #expect(summary.columns == Fixtures.columns)
        let matrix = try store.matrix(run: summary)
        #expect(matrix.rows.map(\.vendor) == ["Acme AI, Inc.", "Beta Scribe"])
        #expect(matrix.rows[0].current.cells["ai.breach-notification"]?.parameters == ["notice_hours": .number(1440)])
        #expect(matrix.rows[0].current.cells["ai.training-opt-out"]?.clauses == ["4.2"])
        #expect(matrix.failures == [broken])

        // the cache: the same path, content and key
        let hits = try store.cacheHits(key)
        #expect(hits[file("acme-v1.txt", sha: "sha-v1").cacheKey!]?.reportName == "acme-v1.txt")
        #expect(hits[file("acme-v1.txt", sha: "other").cacheKey!] == nil)
        #expect(try store.cacheHits(ReviewKey(toolVersion: "0.1.0", libraryHash: "new-lib", policyHash: "policy-hash", optionsHash: "opts")).isEmpty)
        let failures = try store.rememberedFailures(toolVersion: "0.1.0", optionsHash: "opts")
        #expect(failures[file("broken.pdf", sha: "sha-broken").cacheKey!]?.code == "corrupt")

        // run 2: acme-v1 and beta unchanged, a new version of Acme's contract
        let run2 = try store.beginRun(runInfo(), at: Date(timeIntervalSince1970: 1_800_086_400))
        let v2 = Fixtures.review(path: "contracts/acme-v2.txt", vendor: "ACME AI Inc", sha: "sha-v2", findings: [
            Fixtures.finding("ai.training-opt-out", .met, clause: "4.2", text: "Vendor shall not train."),
            Fixtures.finding("ai.breach-notification", .met, clause: "7", parameters: ["notice_hours": .number(72)]),
        ])
        try store.record([
            .cached(file("acme-v1.txt", sha: "sha-v1"), hits[file("acme-v1.txt", sha: "sha-v1").cacheKey!]!),
            .cached(file("beta.txt", sha: "sha-beta"), hits[file("beta.txt", sha: "sha-beta").cacheKey!]!),
            .reviewed(file("acme-v2.txt", sha: "sha-v2"), v2, reportName: "acme-v2.txt", milliseconds: 11),
        ], run: run2, key: key)
        try store.finishRun(run2, status: "complete", files: 3, notContracts: 0)
        let latest = try #require(try store.latestRun())
        #expect(latest.id == run2 && latest.cached == 2 && latest.reviewed == 1)
        let matrix2 = try store.matrix(run: latest)
        #expect(matrix2.rows.count == 2)
        #expect(matrix2.rows[0].current.path == "contracts/acme-v2.txt")
        #expect(matrix2.rows[0].earlier.map(\.path) == ["contracts/acme-v1.txt"])
        #expect(matrix2.failures.isEmpty)
        #expect(try store.runs().map(\.id) == [run1, run2])

        // one vendor's history across runs and versions
        let history = try #require(try store.vendorHistories(matching: "acme ai").first)
        #expect(history.versions.map(\.path) == ["contracts/acme-v1.txt", "contracts/acme-v2.txt"])
        #expect(history.reviews.map { "\($0.runID) \($0.path) \($0.outcome)" } == [
            "\(run1) contracts/acme-v1.txt reviewed", "\(run2) contracts/acme-v1.txt cached", "\(run2) contracts/acme-v2.txt reviewed",
        ])
        #expect(history.reviews.last?.findings == v2.findings)
        #expect(try store.vendorHistories(matching: "nobody").isEmpty)
        store.close()

        // reopening migrates nothing and keeps everything
        let reopened = try PortfolioStore(path: dir.appendingPathComponent("p.sqlite").path, create: false)
        #expect(try reopened.runs().count == 2)
        reopened.close()
    }

    @Test func refusesWhatIsNotAStore() throws {
        let dir = try Fixtures.temporaryDirectory()
        let junk = dir.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x42, count: 4096).write(to: junk)
        #expect(throws: StoreError.self) { try PortfolioStore(path: junk.path) }
        #expect(throws: StoreError.self) { try PortfolioStore(path: dir.appendingPathComponent("absent.sqlite").path, create: false) }
    }
}
