import ContractModel
import ContractPortfolio
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `baa-review batch`, `portfolio` and `diff` on contracts composed by ../shared/eval/compose.py.
@Suite(.serialized) struct BatchCommandTests {
    /// Composes `n` contracts (DOCX, text, Markdown) into DIR/contracts; `nil` when ../shared/eval is absent.
    func compose(_ n: Int, seed: Int) throws -> URL? {
        guard let script = sharedFile("eval/compose.py"), let bank = sharedFile("eval/bank") else { return nil }
        let dir = try temporaryDirectory()
        let contracts = dir.appendingPathComponent("contracts")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, bank, contracts.path, "--n", "\(n)", "--seed", "\(seed)", "--no-pdf"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        try FileManager.default.removeItem(at: contracts.appendingPathComponent("labels.json"))
        return dir
    }

    func files(_ dir: URL, _ ext: String? = nil) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { ext == nil || $0.hasSuffix("." + ext!) }.sorted()
    }

    /// Every output file of a batch but the store, by name, for byte comparisons.
    func outputs(_ out: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in ["portfolio.csv", "portfolio.html", "failures.csv"] {
            result[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        for name in files(out.appendingPathComponent("reports")) {
            result["reports/" + name] = try Data(contentsOf: out.appendingPathComponent("reports").appendingPathComponent(name))
        }
        return result
    }

    /// `--password` reaches the workers (in their environment, which the batch builds for
    /// them, not on their command line).
    @Test func passwordReachesTheWorkers() throws {
        let dir = try temporaryDirectory()
        let contracts = dir.appendingPathComponent("contracts")
        try FileManager.default.createDirectory(at: contracts, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: cliRepoRoot.appendingPathComponent("Tests/ContractIngestTests/Fixtures/pdf/encrypted.pdf"),
            to: contracts.appendingPathComponent("locked.pdf"))
        let without = try runCLI(["batch", "contracts", "--out", "out1", "--jobs", "1"], cwd: dir)
        #expect(without.stdout.contains("0 reviewed, 0 unchanged, 1 failed"), "\(without.stdout)")
        #expect(without.stderr.contains("--password"))
        let with = try runCLI(["batch", "contracts", "--out", "out2", "--jobs", "1", "--password", "secret"], cwd: dir)
        #expect(with.stdout.contains("1 reviewed, 0 unchanged, 0 failed"), "\(with.stdout) \(with.stderr)")
    }

    @Test func batchStoreCacheAndQueries() throws {
        guard let dir = try compose(8, seed: 11) else { return }
        let contracts = dir.appendingPathComponent("contracts")
        try FileManager.default.createDirectory(at: contracts.appendingPathComponent("scans"), withIntermediateDirectories: true)
        try Data("%PDF-1.4\n1 0 obj garbage\n%%EOF\n".utf8).write(to: contracts.appendingPathComponent("scans/broken.pdf"))
        try Data("not a contract".utf8).write(to: contracts.appendingPathComponent("budget.xlsx"))
        try FileManager.default.copyItem(
            at: cliRepoRoot.appendingPathComponent("samples/acme-scribe-baa.pdf"), to: contracts.appendingPathComponent("acme.pdf"))
        let out = dir.appendingPathComponent("out")

        let first = try runCLI(["batch", "contracts", "--out", "out", "--jobs", "2"], cwd: dir)
        #expect(first.status == 1, "a file failed: \(first.stderr)")
        #expect(first.stderr.contains("budget.xlsx"))
        #expect(first.stdout.contains("10 contracts"))
        #expect(first.stdout.contains("9 reviewed, 0 unchanged, 1 failed"))
        let reports = out.appendingPathComponent("reports")
        #expect(files(reports, "json").count == 9)
        #expect(files(reports, "html").count == 9)
        #expect(files(reports).allSatisfy { !$0.contains(".baa-tmp-") })
        let failures = try String(contentsOf: out.appendingPathComponent("failures.csv"), encoding: .utf8)
        #expect(failures.hasPrefix("path,code,reason\ncontracts/scans/broken.pdf,"))
        let csv = try String(contentsOf: out.appendingPathComponent("portfolio.csv"), encoding: .utf8)
        let csvLines = csv.split(separator: "\n")
        #expect(csvLines[0].hasPrefix("vendor,contract,report,format,pages,earlier_versions,ai.audit-rights,"))
        let html = try String(contentsOf: out.appendingPathComponent("portfolio.html"), encoding: .utf8)
        #expect(html.contains("class=\"matrix\"") && html.contains("broken.pdf"))

        // a report is what `check --format json` prints for the same file
        let check = try runCLI(["check", "--format", "json", "contracts/acme.pdf"], cwd: dir)
        #expect(try String(contentsOf: reports.appendingPathComponent("acme.pdf.json"), encoding: .utf8) == check.stdout)

        // the store
        let store = try PortfolioStore(path: out.appendingPathComponent("portfolio.sqlite").path, create: false)
        let run = try #require(try store.latestRun())
        #expect(run.reviewed == 9 && run.failed == 1 && run.cached == 0 && run.status == "complete")
        let matrix = try store.matrix(run: run)
        #expect(matrix.rows.count == csvLines.count - 1)
        let acme = try #require(matrix.rows.flatMap { [$0.current] + $0.earlier }.first { $0.path == "contracts/acme.pdf" })
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent("acme.pdf.json"))) as? [String: Any])
        for finding in try #require(report["findings"] as? [[String: Any]]) {
            #expect(acme.cells[finding["provision"] as! String]?.status.rawValue == finding["status"] as? String)
        }
        #expect(acme.pages == 7 && acme.format == "pdf")
        store.close()

        // re-run: nothing changed, nothing reviewed, the same bytes
        let before = try outputs(out)
        let second = try runCLI(["batch", "contracts", "--out", "out", "--quiet"], cwd: dir)
        #expect(second.status == 1)
        #expect(second.stdout.contains("0 reviewed, 9 unchanged, 1 failed"), "\(second.stdout)")
        #expect(try outputs(out) == before)

        // one contract changes: only it is reviewed again
        let changed = try #require(files(contracts, "txt").first ?? files(contracts, "md").first)
        let handle = try FileHandle(forWritingTo: contracts.appendingPathComponent(changed))
        handle.seekToEndOfFile()
        handle.write(Data("\n99. Counterparts. This Agreement may be executed in counterparts.\n".utf8))
        try handle.close()
        let third = try runCLI(["batch", "contracts", "--out", "out", "--quiet"], cwd: dir)
        #expect(third.stdout.contains("1 reviewed, 8 unchanged, 1 failed"), "\(third.stdout)")

        // queries answered from the store
        let missing = try runCLI(["portfolio", "--store", "out/portfolio.sqlite", "--missing", "hipaa.accounting"], cwd: dir)
        #expect(missing.status == 0, "\(missing.stderr)")
        #expect(missing.stdout.hasPrefix("missing for hipaa.accounting"))
        let finalLines = try String(contentsOf: out.appendingPathComponent("portfolio.csv"), encoding: .utf8).split(separator: "\n")
        let column = try #require(Self.cells(String(finalLines[0])).firstIndex(of: "hipaa.accounting"))
        let missingCount = finalLines.dropFirst().filter { Self.cells(String($0))[column] == "missing" }.count
        #expect(missing.stdout.contains(": \(missingCount) of \(finalLines.count - 1) vendor"))
        let matrixCSV = try runCLI(["portfolio", "--store", "out/portfolio.sqlite", "--format", "csv"], cwd: dir)
        #expect(matrixCSV.stdout == (try String(contentsOf: out.appendingPathComponent("portfolio.csv"), encoding: .utf8)))
        let runs = try runCLI(["portfolio", "--store", "out/portfolio.sqlite", "--runs"], cwd: dir)
        #expect(runs.stdout.split(separator: "\n").count == 3)
        let vendor = try #require(matrix.rows.first?.vendor)
        let history = try runCLI(["portfolio", "--store", "out/portfolio.sqlite", "--vendor", vendor], cwd: dir)
        #expect(history.status == 0)
        #expect(history.stdout.contains("Versions (oldest first):") && history.stdout.contains("Reviews by run:"))
        let conflicts = try runCLI(["portfolio", "--store", "out/portfolio.sqlite", "--status", "conflict", "--format", "json"], cwd: dir)
        #expect(conflicts.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(conflicts.stdout.utf8)) is [Any])
    }

    /// Splits one CSV line (quoted cells allowed).
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], current = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { cells.append(current); current = "" } else { current.append(ch) }
        }
        cells.append(current)
        return cells
    }

    @Test func sameBytesWhateverTheJobs() throws {
        guard let dir = try compose(6, seed: 23) else { return }
        // one worker, replaced after every second file
        let one = try runCLI(["batch", "contracts", "--out", "one", "--jobs", "1", "--debug-recycle", "2", "--quiet"], cwd: dir)
        let two = try runCLI(["batch", "contracts", "--out", "two", "--jobs", "2", "--quiet"], cwd: dir)
        #expect(one.status == 0 && two.status == 0, "\(one.stderr) \(two.stderr)")
        let a = try outputs(dir.appendingPathComponent("one")), b = try outputs(dir.appendingPathComponent("two"))
        #expect(a.count == 3 + 2 * 6)
        #expect(a == b)
        // --fail-on looks at every contract, the unchanged ones too
        let gate = try runCLI(["batch", "contracts", "--out", "two", "--fail-on", "partial", "--quiet"], cwd: dir)
        #expect(gate.status == 3)
        #expect(gate.stdout.contains("0 reviewed, 6 unchanged"))
    }

    @Test func interruptAndResume() throws {
        guard let dir = try compose(12, seed: 5) else { return }
        let out = dir.appendingPathComponent("out")
        let reports = out.appendingPathComponent("reports")
        let process = try startCLI(["batch", "contracts", "--out", "out", "--jobs", "2", "--debug-delay", "400"], cwd: dir)
        // wait for the first reports, then Ctrl-C
        let deadline = Date().addingTimeInterval(120)
        while files(reports, "json").count < 2, process.isRunning, Date() < deadline { usleep(20_000) }
        #expect(process.isRunning, "the batch ended before it could be interrupted")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let done = files(reports, "json")
        #expect(done.count >= 2 && done.count < 12)
        #expect(files(reports).allSatisfy { !$0.contains(".baa-tmp-") })
        for name in done {  // each report written is complete
            #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent(name))) is [String: Any])
        }
        #expect(files(reports, "html").count == done.count)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("portfolio.csv").path))
        #expect(try String(contentsOf: dir.appendingPathComponent("batch.stderr"), encoding: .utf8).contains("interrupted"))
        let store = try PortfolioStore(path: out.appendingPathComponent("portfolio.sqlite").path, create: false)
        #expect(try store.runs().first?.status == "interrupted")
        store.close()

        // the re-run reviews only the rest
        let resumed = try runCLI(["batch", "contracts", "--out", "out", "--quiet"], cwd: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("\(12 - done.count) reviewed, \(done.count) unchanged, 0 failed"), "\(resumed.stdout)")
        #expect(files(reports, "json").count == 12)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("portfolio.html").path))
    }

    @Test func timeAndMemoryLimitsHold() throws {
        guard let dir = try compose(2, seed: 3) else { return }
        let slow = try runCLI(
            ["batch", "contracts", "--out", "slow", "--jobs", "2", "--time-limit", "1", "--debug-delay", "20000", "--quiet"], cwd: dir)
        #expect(slow.status == 1)
        let slowFailures = try String(contentsOf: dir.appendingPathComponent("slow/failures.csv"), encoding: .utf8)
        #expect(slowFailures.split(separator: "\n").count == 3)
        #expect(slowFailures.split(separator: "\n").dropFirst().allSatisfy { $0.contains(",time-limit,") })

        let hungry = try runCLI(
            ["batch", "contracts", "--out", "hungry", "--jobs", "1", "--memory-limit", "200", "--debug-hog", "400", "--quiet"], cwd: dir)
        #expect(hungry.status == 1)
        let hungryFailures = try String(contentsOf: dir.appendingPathComponent("hungry/failures.csv"), encoding: .utf8)
        #expect(hungryFailures.split(separator: "\n").dropFirst().allSatisfy { $0.contains(",memory-limit,") })
        #expect(hungryFailures.split(separator: "\n").count == 3)
    }

    @Test func diffOfTwoVersions() throws {
        let dir = try temporaryDirectory()
        let v1 = """
            BUSINESS ASSOCIATE AGREEMENT

            This Agreement is made between Lakeside Clinic ("Customer") and Northwind Scribe, Inc. ("Vendor").

            1. Training. Customer grants Vendor a perpetual license to use Customer Data, including PHI, to train and improve Vendor's machine learning models.

            2. Notice. Vendor shall notify Customer within ten (10) business days after discovering a Security Incident affecting the AI models or prompts.
            """
        let v2 = """
            BUSINESS ASSOCIATE AGREEMENT

            This Agreement is made between Lakeside Clinic ("Customer") and Northwind Scribe, Inc. ("Vendor").

            1. Definitions. Capitalized terms have the meanings given in the HIPAA Rules.

            2. Training. Vendor shall not use PHI or Customer Data to train or fine-tune any AI model.

            3. Notice. Vendor shall notify Customer within ten (10) business days after discovering a Security Incident affecting the AI models or prompts.
            """
        try v1.write(to: dir.appendingPathComponent("v1.txt"), atomically: false, encoding: .utf8)
        try v2.write(to: dir.appendingPathComponent("v2.txt"), atomically: false, encoding: .utf8)
        let md = try runCLI(["diff", "v1.txt", "v2.txt"], cwd: dir)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("ai.training-opt-out"))
        #expect(md.stdout.contains("(conflict -> "))
        #expect(md.stdout.contains("clause renumbered 2 -> 3"))
        let json = try runCLI(["diff", "--format", "json", "v1.txt", "v2.txt"], cwd: dir)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "baa-review/diff@1")

        // saved reports compare the same way
        try runCLI(["check", "--format", "json", "v1.txt"], cwd: dir).stdout.write(
            to: dir.appendingPathComponent("v1.json"), atomically: false, encoding: .utf8)
        let fromReport = try runCLI(["diff", "v1.json", "v2.txt"], cwd: dir)
        #expect(fromReport.stdout == md.stdout)
    }
}
