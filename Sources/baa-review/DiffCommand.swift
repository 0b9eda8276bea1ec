import ArgumentParser
import ContractIngest
import ContractMatch
import ContractModel
import ContractPortfolio
import ContractReport
import ContractSegment
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
        let (library, policy, _) = try libraryOptions.load()
        let reviewer = Reviewer(library: library, policy: policy)
        var options = reading.readOptions
        options.pdfThreads = 1
        let loader = DocumentLoader(options: options)
        func side(_ path: String) throws -> ContractDiff.Side {
            if (path as NSString).pathExtension.lowercased() == "json", let data = FileManager.default.contents(atPath: path) {
                guard let side = ReportSnapshot.side(fromReportJSON: data) else {
                    throw CLIError("\(path): not a baa-review JSON report (schema baa-review/report@1); name the contract or its report")
                }
                return side
            }
            switch loader.load(path) {
            case .failure(let error):
                throw CLIError(error.description)
            case .success(let document):
                let segmented = Segmenter().segment(document)
                return ContractDiff.Side(
                    path: document.metadata.path, sha256: document.metadata.sha256, vendor: VendorName.of(segmented),
                    findings: reviewer.review(segmented))
            }
        }
        let diff = ContractDiff.compare(old: try side(old), new: try side(new), units: Self.units(library))
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
