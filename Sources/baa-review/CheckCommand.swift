import ArgumentParser
import ContractAudit
import ContractIngest
import ContractMatch
import ContractModel
import ContractReport
import ContractSegment
import Foundation

/// `baa-review check`: the redline checklist for each contract.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check contracts against the clause library and print the redline checklist.",
        discussion: """
            For every provision of the playbook: met, partial, conflict or missing, the clauses that decided it, \
            the reason, and the language to ask for. md: a Markdown checklist; json: docs/report-schema.md; \
            html: one self-contained, printable page per contract; csv: one row per finding for spreadsheets \
            (docs/reports.md). With --out-dir each contract's report is written to its own file.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json, html, csv

        var fileExtension: String { rawValue }
    }

    @Argument(help: "Contract files to check.")
    var files: [String]

    @Option(help: "Output format: md, json, html or csv.")
    var format: Format = .md

    @Option(
        name: .customLong("out-dir"),
        help: "Write each contract's report to DIR/<file name>.<format> instead of standard output.")
    var outDir: String?

    @Option(name: .customLong("fail-on"), help: "Exit 3 when a finding at or above this level exists: conflict, missing or partial (conflict > missing > partial).")
    var failOn: FailLevel?

    @OptionGroup var libraryOptions: LibraryOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var audit: AuditOptions

    func validate() throws {
        if format == .html, files.count > 1, outDir == nil {
            throw ValidationError("--format html writes one page per contract: with several files, pass --out-dir DIR.")
        }
    }

    func run() throws {
        AuditTrail.hashExecutableInBackground()  // for the audit entry, while the work goes on
        let session = try ReviewSession(library: libraryOptions, reading: reading)
        if let outDir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: outDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError("\(outDir): no such folder; create it first (--out-dir)")
            }
        }
        var failed = 0
        var tripped = false
        var outputs: [String] = []
        var audited: [AuditDocument] = []
        for path in files {
            switch session.review(path) {
            case .failure(let error):
                failed += 1
                Terminal.error(error.description)
                audited.append(AuditDocument(path: path, error: error, maxBytes: reading.maxBytes))
            case .success(let review):
                if let failOn, review.findings.contains(where: { failOn.trips($0.status) }) { tripped = true }
                audited.append(AuditDocument(review: review))
                let report: String
                switch format {
                case .json: report = try JSONReport.render(review) + "\n"
                case .md: report = MarkdownReport.render(review, playbook: session.playbook)
                case .html: report = HTMLReport.render(review, playbook: session.playbook)
                case .csv: report = outDir == nil ? CSVReport.rows(review) : CSVReport.render(review)
                }
                if let outDir {
                    let name = (path as NSString).lastPathComponent + "." + format.fileExtension
                    let target = (outDir as NSString).appendingPathComponent(name)
                    do {
                        try OutputFile.write(report, to: target)
                        Terminal.note("wrote \(target)")
                    } catch {
                        failed += 1
                        Terminal.error("\(error)")
                    }
                } else {
                    outputs.append(report)
                }
            }
        }
        // the run is on record before its report is shown
        let status: Int32 = failed > 0 ? 1 : tripped ? 3 : 0
        try audit.record(command: "check", documents: audited, provenance: session.provenance, exitStatus: status)
        if outDir == nil {
            switch format {
            case .json:
                if !outputs.isEmpty {
                    Terminal.out(files.count == 1 ? outputs[0] : "[\n" + outputs.map { String($0.dropLast()) }.joined(separator: ",\n") + "\n]\n")
                }
            case .md, .html:
                Terminal.out(outputs.joined(separator: "\n"))
            case .csv:
                // one table for all contracts: the header once, then every contract's rows
                if !outputs.isEmpty { Terminal.out(CSVReport.header + outputs.joined()) }
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// The level at which `--fail-on` makes the exit status non-zero.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case conflict, missing, partial

    func trips(_ status: Finding.Status) -> Bool {
        switch self {
        case .conflict: status == .conflict
        case .missing: status == .conflict || status == .missing
        case .partial: status != .met
        }
    }
}

/// The vendor's name: the business associate among the parties, else the file name.
enum VendorName {
    static func of(_ document: Document) -> String {
        if let party = document.structure?.parties.first(where: { $0.role == .businessAssociate }) { return party.name }
        let base = ((document.metadata.path as NSString).lastPathComponent as NSString).deletingPathExtension
        return base.isEmpty ? document.metadata.path : base
    }
}
