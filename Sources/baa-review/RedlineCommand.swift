import ArgumentParser
import ContractAudit
import ContractIngest
import ContractMatch
import ContractModel
import ContractReport
import ContractRedline
import ContractSegment
import Foundation

/// `baa-review redline`: the vendor's own Word file, marked up; or, for a PDF
/// or text contract, a rider with the language asked for.
struct RedlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract: "Write the contract back redlined: tracked insertions and comments for every gap (a rider for PDF and text).",
        discussion: """
            For a DOCX: a copy in which each missing provision is inserted as a tracked change (a new \
            "AI and Data Protection" article numbered like the contract), each partial or conflicting \
            provision gets a comment on the clause that decided it, and conflicting sentences are replaced \
            where the library defines replacement language. Everything else in the file is kept. \
            The copy is then checked again with the changes accepted. For a PDF, text or Markdown \
            contract: a DOCX rider with the requested provisions as numbered clauses and a cover note. \
            See docs/redline.md.
            """)

    @Argument(help: "The contract (DOCX for a redline; PDF, text or Markdown for a rider).")
    var file: String

    @Option(name: [.customShort("o"), .long], help: "The file to write (.docx). Never the input.")
    var out: String

    @Option(help: "The name tracked changes and comments carry.")
    var author: String = "baa-review"

    @Option(help: "The date they carry: YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ, today or now (default 2000-01-01, fixed so that the same input gives the same file).")
    var date: String?

    @OptionGroup var libraryOptions: LibraryOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var audit: AuditOptions

    func validate() throws {
        if let date, RedlineDate.parse(date) == nil {
            throw ValidationError("--date must be YYYY-MM-DD, YYYY-MM-DDThh:mm:ssZ, today or now (got '\(date)').")
        }
        if author.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--author must not be empty.") }
    }

    func run() throws {
        AuditTrail.hashExecutableInBackground()  // for the audit entry, while the work goes on
        let session = try ReviewSession(library: libraryOptions, reading: reading)
        let (library, policy) = (session.library, session.policy)
        try OutputFile.check(out, input: file)
        if !out.lowercased().hasSuffix(".docx") {
            Terminal.warning("\(out) is a Word document; name it .docx so that Word opens it")
        }
        let document: Document
        let data: Data
        switch session.loader.loadWithBytes(file) {
        case .failure(let error):
            try audit.fail(command: "redline", file: file, error: error, maxBytes: reading.maxBytes, provenance: session.provenance)
        case .success(let loaded):
            (document, data) = loaded
        }
        let segmented = Segmenter().segment(document)
        let findings = session.reviewer.review(segmented)
        let review = Review(
            document: document.metadata, vendor: VendorName.of(segmented), findings: findings, provenance: session.provenance)
        try audit.record(command: "redline", documents: [AuditDocument(review: review)], provenance: session.provenance, exitStatus: 0)
        let asks = RedlineAsk.all(library)
        if document.metadata.format == .docx {
            try redline(segmented, data: data, findings: findings, asks: asks, library: library, policy: policy)
        } else {
            try rider(segmented, findings: findings, asks: asks)
        }
    }

    private func redline(
        _ document: Document, data: Data, findings: [Finding], asks: [String: RedlineAsk], library: ClauseLibrary, policy: Policy
    ) throws {
        let test = SentenceConflictTest(library: library, policy: policy, document: document)
        var planner = RedlinePlanner(asks: asks)
        planner.conflictTest = { test.isConflict($0, provision: $1) }
        let plan = planner.plan(document, findings: findings)
        let stamp = date.flatMap { RedlineDate.parse($0) } ?? RedlineDate.fixed
        let redliner = DOCXRedliner(author: author, date: stamp, limits: reading.readOptions)
        let result: DOCXRedliner.Result
        do {
            result = try redliner.redline(data, plan: plan, file: file)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(1)
        }
        try OutputFile.write(result.data, to: out)

        var lines = ["Redlined \(file) -> \(out): by \(author), dated \(stamp.prefix(10))" + (date == nil ? " (the fixed default; --date sets it)" : "")]
        lines += result.log.map { "  " + $0 }
        lines += plan.notes.map { "  not done: " + $0 }
        if result.log.isEmpty { lines.append("  no gaps: nothing to change") }
        // the round trip: the copy read again with every change accepted
        do {
            let again = try DocumentReader(options: reading.readOptions).read(result.data, path: out)
            let after = Reviewer(library: library, policy: policy).review(Segmenter().segment(again))
            let trip = RoundTrip(before: findings, after: after, plan: plan)
            lines.append("Checked again with the changes accepted: " + trip.summary.joined(separator: "\n  "))
        } catch {
            lines.append("The redline could not be read back: \(error.advice)")
        }
        Terminal.out(lines.joined(separator: "\n") + "\n")
    }

    private func rider(_ document: Document, findings: [Finding], asks: [String: RedlineAsk]) throws {
        let builder = RiderBuilder(asks: asks)
        let requested = builder.requested(findings)
        let bytes: Data
        do {
            bytes = try builder.build(document, findings: findings).docx()
        } catch {
            Terminal.error("\(out): \(error.description)")
            throw ExitCode(1)
        }
        try OutputFile.write(bytes, to: out)
        var lines = [
            "\(file) is a \(document.metadata.format.rawValue) file, so \(out) is a rider: an addendum with "
                + "\(requested.count) clause\(requested.count == 1 ? "" : "s") and a cover note listing the gaps"
        ]
        for (i, f) in requested.enumerated() { lines.append("  \(i + 1). \(f.provision) (\(f.status.rawValue))") }
        Terminal.out(lines.joined(separator: "\n") + "\n")
    }
}
