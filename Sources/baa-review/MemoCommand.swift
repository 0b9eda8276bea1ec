import ArgumentParser
import ContractAudit
import ContractModel
import ContractReport
import Foundation

/// `baa-review memo`: the gap memo for one contract, in Markdown, HTML or Word.
struct MemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memo",
        abstract: "Write the gap memo for a contract: what blocks signature, each gap, and the language to request.",
        discussion: """
            The memo names the vendor and the contract, leads with what blocks signature (conflicts and missing \
            critical provisions), then gives one section per gap, by severity: what the contract says now, why it \
            matters and the language to request, with the fallback position. md and html go to standard output \
            unless --out is given; docx needs --out (or a redirected standard output). See docs/reports.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, docx }

    @Argument(help: "The contract file.")
    var file: String

    @Option(help: "Output format: md, html or docx.")
    var format: Format = .md

    @Option(help: "Whom the memo is to (e.g. \"General Counsel\").")
    var to: String?

    @Option(help: "Whom the memo is from.")
    var from: String?

    @Option(help: "Write the memo to this file (replaced whole, never half-written) instead of standard output.")
    var out: String?

    @OptionGroup var libraryOptions: LibraryOptions
    @OptionGroup var reading: ReadingOptions
    @OptionGroup var audit: AuditOptions

    func validate() throws {
        if format == .docx, out == nil, isatty(STDOUT_FILENO) == 1 {
            throw ValidationError(
                "a Word file is binary and would garble the terminal: pass --out memo.docx (or redirect: > memo.docx).")
        }
    }

    func run() throws {
        AuditTrail.hashExecutableInBackground()  // for the audit entry, while the work goes on
        let session = try ReviewSession(library: libraryOptions, reading: reading)
        let review: Review
        switch session.review(file) {
        case .failure(let error):
            try audit.fail(command: "memo", file: file, error: error, maxBytes: reading.maxBytes, provenance: session.provenance)
        case .success(let value):
            review = value
        }
        try audit.record(command: "memo", documents: [AuditDocument(review: review)], provenance: session.provenance, exitStatus: 0)
        let memo = GapMemo(review: review, playbook: session.playbook, to: to, from: from)
        let bytes: Data
        switch format {
        case .md: bytes = Data(MemoMarkdown.render(memo).utf8)
        case .html: bytes = Data(MemoHTML.render(memo).utf8)
        case .docx:
            do {
                bytes = try MemoWord.render(memo)
            } catch {
                throw CLIError("\(file): \(error.description)")
            }
        }
        if let out {
            try OutputFile.write(bytes, to: out)
            Terminal.note("wrote \(out)")
        } else {
            Terminal.out(bytes)
        }
    }
}
