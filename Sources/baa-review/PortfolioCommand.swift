import ArgumentParser
import ContractMatch
import ContractModel
import ContractPortfolio
import Foundation

/// `baa-review portfolio`: questions to the portfolio store, answered without reading a contract.
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Query the portfolio store of `baa-review batch`: gaps by provision, a vendor's history, the matrix.",
        discussion: """
            Answers from the store alone, about the latest complete run (or --run N): \
            --missing ai.training-opt-out lists the vendors whose current contract lacks it; \
            --status conflict [--provision ID] those with a conflict; --vendor NAME shows one vendor's \
            contract versions, its reviews across runs and what changed between versions; \
            --format csv|html prints the matrix again; --runs lists the runs. Without a question: a summary.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, html, json }

    @Option(help: "The portfolio store (OUT/portfolio.sqlite of a batch).")
    var store: String

    @Option(help: "Vendors whose current contract is missing this provision (an id, e.g. ai.training-opt-out).")
    var missing: String?

    @Option(help: "Vendors with this status (met, partial, conflict, missing), for --provision or any provision.")
    var status: Finding.Status?

    @Option(help: "The provision --status asks about.")
    var provision: String?

    @Option(help: "One vendor's history: contract versions, reviews across runs, changes between versions.")
    var vendor: String?

    @Flag(help: "List the runs.")
    var runs = false

    @Option(name: .customLong("run"), help: "Answer about this run instead of the latest complete one.")
    var runID: Int64?

    @Option(help: "Output: text, csv, json, or html (the matrix only). With no question, csv or html print the matrix.")
    var format: Format = .text

    @OptionGroup var libraryOptions: LibraryOptions

    func validate() throws {
        if missing != nil, status != nil { throw ValidationError("use either --missing ID or --status S [--provision ID].") }
        if provision != nil, status == nil { throw ValidationError("--provision goes with --status.") }
        if format == .html, missing != nil || status != nil || vendor != nil || runs {
            throw ValidationError("--format html prints the matrix; for a question use text, csv or json.")
        }
        if vendor != nil || runs, format != .text { throw ValidationError("--vendor and --runs print text.") }
    }

    func run() throws {
        let portfolio: PortfolioStore
        do { portfolio = try PortfolioStore(path: store, create: false) } catch { throw CLIError(error.description) }
        defer { portfolio.close() }
        do {
            if runs { return try listRuns(portfolio) }
            if let vendor { return try history(portfolio, vendor: vendor) }
            let summary: RunSummary
            if let runID {
                guard let found = try portfolio.run(runID) else { throw CLIError("\(store): no run \(runID); --runs lists them") }
                summary = found
            } else {
                guard let latest = try portfolio.latestRun() else { throw CLIError("\(store): no runs yet; run `baa-review batch` first") }
                summary = latest
            }
            let matrix = try portfolio.matrix(run: summary)
            if let missing {
                try query(matrix, run: summary, statuses: [.missing], provision: missing)
            } else if let status {
                try query(matrix, run: summary, statuses: [status], provision: provision)
            } else {
                switch format {
                case .csv: Terminal.out(MatrixCSV.render(matrix))
                case .html: Terminal.out(MatrixHTML.render(matrix))
                case .text, .json: overview(matrix, run: summary)
                }
            }
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
    }

    private func query(_ matrix: PortfolioMatrix, run: RunSummary, statuses: Set<Finding.Status>, provision: String?) throws {
        if let provision, !matrix.columns.contains(where: { $0.id == provision }) {
            throw CLIError("no provision '\(provision)' in run \(run.id); the provisions are: \(matrix.columns.map(\.id).joined(separator: ", "))")
        }
        let columns = matrix.columns.filter { provision == nil || $0.id == provision }
        struct Hit: Encodable {
            var vendor: String, contract: String, report: String, provision: String, status: String, clauses: [String]
            var parameters: [String: ParameterValue]
        }
        var hits: [Hit] = []
        var vendors: Set<String> = []
        for row in matrix.rows {
            for column in columns {
                guard let cell = row.current.cells[column.id], statuses.contains(cell.status) else { continue }
                vendors.insert(row.vendor)
                hits.append(
                    Hit(
                        vendor: row.vendor, contract: row.current.path,
                        report: "reports/\(row.current.reportName).\(BatchReports.linkedExtension)", provision: column.id,
                        status: cell.status.rawValue, clauses: cell.clauses, parameters: cell.parameters))
            }
        }
        let label = statuses.map(\.rawValue).sorted().joined(separator: "/")
        switch format {
        case .csv:
            var out = "vendor,contract,provision,status,clauses\n"
            for h in hits { out += [h.vendor, h.contract, h.provision, h.status, h.clauses.joined(separator: "; ")].map(Self.csv).joined(separator: ",") + "\n" }
            Terminal.out(out)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            Terminal.out(String(decoding: try encoder.encode(hits), as: UTF8.self) + "\n")
        case .text, .html:
            let subject = provision.map { p in "\(p) (\(columns.first?.title ?? p))" } ?? "any provision"
            var out = "\(label) for \(subject): \(vendors.count) of \(matrix.rows.count) vendor\(matrix.rows.count == 1 ? "" : "s") "
            out += "(run \(run.id), \(run.startedAt))\n"
            let width = min(40, hits.map(\.vendor.count).max() ?? 0)
            for h in hits {
                var line = "  " + h.vendor.padding(toLength: max(width, h.vendor.count), withPad: " ", startingAt: 0) + "  " + h.contract
                if provision == nil { line += "  " + h.provision }
                if !h.clauses.isEmpty { line += "  (clause " + h.clauses.joined(separator: ", ") + ")" }
                out += line + "\n"
            }
            Terminal.out(out)
        }
    }

    private func overview(_ matrix: PortfolioMatrix, run: RunSummary) {
        var out = "Run \(run.id) (\(run.status), \(run.startedAt)): \(matrix.rows.count) vendors, "
        out += "\(run.reviewed) reviewed, \(run.cached) unchanged, \(run.failed) failed; library \(run.libraryVersion).\n"
        let width = matrix.columns.map(\.id.count).max() ?? 0
        for column in matrix.columns {
            out += "  " + column.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + matrix.totalsSentence(column) + "\n"
        }
        if !matrix.failures.isEmpty { out += "\(matrix.failures.count) file(s) could not be read (failures.csv).\n" }
        Terminal.out(out)
    }

    private func listRuns(_ portfolio: PortfolioStore) throws {
        var out = ""
        for r in try portfolio.runs() {
            out += "run \(r.id)  \(r.startedAt)  \(r.status.padding(toLength: 11, withPad: " ", startingAt: 0))  "
            out += "\(r.files) files: \(r.reviewed) reviewed, \(r.cached) unchanged, \(r.failed) failed  "
            out += "library \(r.libraryVersion) \(r.libraryHash.prefix(12)), policy \(r.policyHash.prefix(12))\n"
        }
        Terminal.out(out.isEmpty ? "no runs yet\n" : out)
    }

    private func history(_ portfolio: PortfolioStore, vendor: String) throws {
        let histories = try portfolio.vendorHistories(matching: vendor)
        guard !histories.isEmpty else { throw CLIError("no vendor matches '\(vendor)' in \(store)") }
        let units = (try? libraryOptions.load()).map { DiffCommand.units($0.0) } ?? [:]
        var out = ""
        for h in histories {
            out += "\(h.vendor)\n\nVersions (oldest first):\n"
            for (i, v) in h.versions.enumerated() {
                out += "  \(i + 1). \(v.path)  sha256 \(v.sha256.prefix(12))  \(v.format ?? "?")"
                out += v.pages.map { ", \($0) pages" } ?? ""
                out += "  first seen \(v.firstSeen), last seen \(v.lastSeen)\n"
            }
            out += "\nReviews by run:\n"
            for r in h.reviews {
                let c = Dictionary(grouping: r.findings, by: \.status).mapValues(\.count)
                let counts = Finding.Status.allCases.map { "\(c[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
                out += "  run \(r.runID)  \(r.runStartedAt)  \(r.path)  \(r.outcome == "cached" ? "unchanged" : r.outcome)  \(counts)\n"
            }
            // what changed from one version to the next, in the order they appeared
            var seen: Set<Int64> = []
            let distinct = h.reviews.filter { seen.insert($0.versionID).inserted }
            if distinct.count > 1 {
                out += "\nChanges between versions:\n"
                for (a, b) in zip(distinct, distinct.dropFirst()) {
                    let diff = ContractDiff.compare(
                        old: .init(path: a.path, sha256: a.sha256, vendor: h.vendor, findings: a.findings),
                        new: .init(path: b.path, sha256: b.sha256, vendor: h.vendor, findings: b.findings), units: units)
                    out += "  \(a.path) -> \(b.path):\n"
                    if diff.changes.isEmpty { out += "    no provision changed\n" }
                    for change in diff.changes {
                        out += "    \(change.provision): " + DiffReport.sentences(change).joined(separator: "; ") + "\n"
                    }
                }
            }
            out += "\n"
        }
        Terminal.out(out)
    }

    static func csv(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

extension Finding.Status: ExpressibleByArgument {}
