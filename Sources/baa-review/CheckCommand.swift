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
            the reason, and the language to ask for. JSON follows docs/report-schema.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json }

    @Argument(help: "Contract files to check.")
    var files: [String]

    @Option(help: "Output format: md or json.")
    var format: Format = .md

    @Option(name: .customLong("fail-on"), help: "Exit 3 when a finding at or above this level exists: conflict, missing or partial (conflict > missing > partial).")
    var failOn: FailLevel?

    @OptionGroup var libraryOptions: LibraryOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var audit: AuditOptions

    func run() throws {
        let (library, policy, policyText) = try libraryOptions.load()
        let reviewer = Reviewer(library: library, policy: policy)
        let provenance = Provenance(
            tool: "baa-review", toolVersion: BAAReview.version, libraryVersion: library.version, libraryHash: library.hash,
            policyHash: DocumentReader.sha256(Data(policyText.utf8)),
            policySources: policy.sources.map { ($0 as NSString).lastPathComponent })
        let asks = Dictionary(uniqueKeysWithValues: library.provisions.map { ($0.id, (modelClause: $0.ask.modelClause, fallback: $0.ask.fallback)) })
        let loader = DocumentLoader(options: reading.readOptions)
        var failed = 0
        var tripped = false
        var outputs: [String] = []
        var audited: [AuditDocument] = []
        for path in files {
            // reading, structure and review share the time limit
            let outcome = loader.load(path) { document in
                let segmented = Segmenter().segment(document)
                return Review(
                    document: document.metadata, vendor: VendorName.of(segmented), findings: reviewer.review(segmented),
                    provenance: provenance)
            }
            switch outcome {
            case .failure(let error):
                failed += 1
                Terminal.error(error.description)
                audited.append(AuditDocument(path: path, error: error, maxBytes: reading.maxBytes))
            case .success(let review):
                let findings = review.findings
                if let failOn, findings.contains(where: { failOn.trips($0.status) }) { tripped = true }
                audited.append(AuditDocument(review: review))
                switch format {
                case .json: outputs.append(try JSONReport.render(review))
                case .md: outputs.append(MarkdownReport.render(review, asks: asks))
                }
            }
        }
        let status: Int32 = failed > 0 ? 1 : tripped ? 3 : 0
        try audit.record(command: "check", documents: audited, provenance: provenance, exitStatus: status)
        switch format {
        case .json:
            if !outputs.isEmpty {
                Terminal.out(files.count == 1 ? outputs[0] + "\n" : "[\n" + outputs.joined(separator: ",\n") + "\n]\n")
            }
        case .md:
            Terminal.out(outputs.joined(separator: "\n"))
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
