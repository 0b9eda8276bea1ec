import ContractIngest
import ContractMatch
import ContractModel
import ContractRedline
import ContractSegment
import Foundation
import Testing

/// For a PDF or text contract: a DOCX addendum with the requested provisions as numbered clauses and a cover note.
@Suite struct RiderTests {
    private func rider(_ text: String, path: String) throws -> (findings: [Finding], rider: Data, requested: [Finding]) {
        let document = Segmenter().segment(try DocumentReader().read(Data(text.utf8), path: path))
        let findings = Reviewer(library: library, policy: library.defaultPolicy).review(document)
        let builder = RiderBuilder(asks: RedlineAsk.all(library))
        return (findings, try builder.build(document, findings: findings).docx(), builder.requested(findings))
    }

    @Test func riderForTheTextSample() throws {
        let text = try String(contentsOf: redlineRepoRoot.appendingPathComponent("samples/acme-scribe-baa.txt"), encoding: .utf8)
        let (_, data, requested) = try rider(text, path: "acme-scribe-baa.txt")
        #expect(requested.map(\.provision) == ["ai.breach-notification", "ai.subprocessors", "ai.training-opt-out"])
        let read = Segmenter().segment(try DocumentReader().read(data, path: "rider.docx"))
        #expect(read.metadata.format == .docx)
        let blocks = read.blocks.map(\.renderedText)
        #expect(blocks.first == "ADDENDUM: AI AND DATA PROTECTION TERMS")
        #expect(blocks.contains { $0.hasPrefix("Cover note. We reviewed acme-scribe-baa.txt") })
        #expect(blocks.contains { $0.contains("Breach and incident notice that covers the AI layer (incomplete; clauses 3.2(b), 3.2(c), 5.4)") })
        // the clauses are numbered 1, 2, 3; the parties are the contract's
        let clauses = read.structure!.clauses.filter { $0.part == .body }
        #expect(clauses.map(\.citation) == ["1", "2", "3"])
        #expect(read.structure!.parties.map(\.name).sorted() == ["Acme Scribe AI, Inc.", "Riverbend Health System"])
        // the rider alone meets what it asks for: the cover note is not read as terms
        let after = Reviewer(library: library, policy: library.defaultPolicy).review(read)
        for f in requested {
            #expect(after.first { $0.provision == f.provision }?.status == .met, "\(f.provision)")
        }
        #expect(!after.contains { $0.status == .conflict })
    }

    @Test func riderAsksForEveryGap() throws {
        let contract = """
            BUSINESS ASSOCIATE AGREEMENT

            This Agreement is made between Lakeside Clinic ("Client") and Northwind Scribe, Inc. ("Supplier").

            1. Training. Client grants Supplier a perpetual license to use Client Data, including PHI, to train and improve Supplier's machine learning models.

            2. Notice. Supplier shall notify Client within ten (10) business days after discovering a Security Incident affecting the AI models or prompts.
            """
        let (findings, data, requested) = try rider(contract, path: "gappy.txt")
        #expect(requested.count == findings.filter { $0.status != .met }.count)
        let read = Segmenter().segment(try DocumentReader().read(data, path: "rider.docx"))
        let text = read.blocks.map(\.renderedText).joined(separator: "\n")
        // the library's words in the contract's names
        #expect(text.contains("Supplier shall not use, and shall not permit"))
        #expect(!text.contains("Business Associate shall"))
        #expect(read.structure!.clauses.filter { $0.part == .body }.count == requested.count)
        let after = Reviewer(library: library, policy: library.defaultPolicy).review(read)
        let met = after.filter { $0.status == .met }.map(\.provision)
        #expect(Set(requested.map(\.provision)).isSubset(of: Set(met)), "\(after.filter { $0.status != .met }.map { "\($0.provision)=\($0.status)" })")
    }

    @Test func riderIsDeterministic() throws {
        let text = "1. Vendor shall not use PHI to train any AI model.\n"
        #expect(try rider(text, path: "a.txt").rider == rider(text, path: "a.txt").rider)
    }

    /// A rider asking for everything meets everything; redlining it changes nothing, byte for byte.
    @Test func nothingToRedlineGivesTheSameFile() throws {
        let (findings, data, requested) = try rider("1. Governing Law. The laws of Ohio govern this Agreement.\n", path: "bare.txt")
        #expect(requested.count == findings.count)
        let r = try Redlined(data, path: "rider.docx")
        #expect(r.before.allSatisfy { $0.status == .met }, "\(r.before.filter { $0.status != .met }.map(\.provision))")
        #expect(r.output == data)
    }
}
