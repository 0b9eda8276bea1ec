import ArgumentParser
import ContractIngest
import ContractModel
import ContractSegment
import Foundation

/// `baa-review extract`: prints what was read from each contract.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the text and structure read from contracts (PDF, DOCX, text, Markdown).",
        discussion: """
            Text output gives one block per line group, each numbered paragraph starting with its number \
            as the document shows it. JSON output is described in docs/document-schema.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, dump
    }

    @Argument(help: "Contract files to read.")
    var files: [String]

    @Option(help: "Output format: text, json, or dump (one line per block, for tests).")
    var format: Format = .text

    @Flag(help: "Print the clause tree (number, heading, page, first words); JSON adds definitions, parties and cross-references.")
    var clauses = false

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let loader = DocumentLoader(options: reading.readOptions)
        var failed = 0
        var jsonDocuments: [String] = []
        for (index, path) in files.enumerated() {
            let segment = clauses
            switch loader.load(path, then: { segment ? Segmenter().segment($0) : $0 }) {
            case .failure(let error):
                failed += 1
                Terminal.error(error.description)
            case .success(let document):
                for warning in document.metadata.warnings { Terminal.warning("\(path): \(warning)") }
                switch format {
                case .text:
                    if files.count > 1 { Terminal.out((index > 0 ? "\n" : "") + "==> \(path) <==\n") }
                    Terminal.out(document.structure?.dump() ?? TextRendering.render(document))
                case .dump:
                    Terminal.out(document.dump() + (document.structure.map { "--\n" + $0.dump() } ?? ""))
                case .json:
                    jsonDocuments.append(try DocumentJSON.encode(document))
                }
            }
        }
        if format == .json, !jsonDocuments.isEmpty {
            Terminal.out(files.count == 1 ? jsonDocuments[0] + "\n" : "[\n" + jsonDocuments.joined(separator: ",\n") + "\n]\n")
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
