import ArgumentParser
import ContractIngest
import ContractMatch
import ContractModel
import ContractPortfolio
import ContractReport
import Foundation

/// `baa-review diff OLD NEW`: what changed between two versions of a contract.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed, provision by provision, between two versions of a contract.",
        discussion: """
            OLD and NEW are contracts (reviewed now) or JSON reports saved earlier (`check --format json`, or a \
            batch's reports/NAME.json). Shows gaps closed, new conflicts, parameters that changed (a notice \
            deadline shortened from 60 days to 72 hours) and deciding clauses renumbered or reworded.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json }

    @Argument(help: "The earlier version: a contract or a JSON report.")
    var old: String

    @Argument(help: "The later version: a contract or a JSON report.")
    var new: String

    @Option(help: "Output format: md or json.")
    var format: Format = .md

    @OptionGroup var libraryOptions: LibraryOptions
    @OptionGroup var reading: ReadingOptions

    func run() throws {
        var options = reading.readOptions
        options.pdfThreads = 1
        let session = try ReviewSession(library: libraryOptions, readOptions: options)
        func side(_ path: String) throws -> ContractDiff.Side {
            if (path as NSString).pathExtension.lowercased() == "json", let data = FileManager.default.contents(atPath: path) {
                guard let side = ReportSnapshot.side(fromReportJSON: data) else {
                    throw CLIError("\(path): not a baa-review JSON report (schema baa-review/report@1); name the contract or its report")
                }
                return side
            }
            switch session.review(path) {
            case .failure(let error):
                throw CLIError(error.description)
            case .success(let review):
                return ContractDiff.Side(
                    path: review.document.path, sha256: review.document.sha256, vendor: review.vendor, findings: review.findings)
            }
        }
        let diff = ContractDiff.compare(old: try side(old), new: try side(new), units: Self.units(session.library))
        switch format {
        case .md: Terminal.out(DiffReport.markdown(diff))
        case .json: Terminal.out(try DiffReport.json(diff))
        }
    }

    /// The unit of each parameter the library reads ("notice_hours" -> "hours").
    static func units(_ library: ClauseLibrary) -> ContractDiff.Units {
        var units: ContractDiff.Units = [:]
        for provision in library.provisions {
            for parameter in provision.parameters { units[parameter.name] = parameter.kind.rawValue }
        }
        return units
    }
}
