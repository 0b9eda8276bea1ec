import ContractIngest
import ContractModel
import ContractSegment
import Foundation
import Testing

/// Golden clause trees of the sample contracts (re-record with RECORD_SNAPSHOTS=1).
@Suite struct SampleTreeTests {
    static let samples = ["acme-scribe-baa.docx", "acme-scribe-baa.pdf", "acme-scribe-baa.txt", "bluepeak-chat-addendum.md"]

    @Test(arguments: samples)
    func goldenTree(file: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("samples").appendingPathComponent(file)
        let document = try DocumentReader().read(Data(contentsOf: url), path: "samples/" + file)
        let structure = try #require(Segmenter().segment(document).structure)
        assertSegmentGolden(structure.dump(), named: "sample-\(file).tree")
    }

    /// The three forms of the same contract give the same clause numbers.
    @Test func formatsAgree() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var citations: [[String]] = []
        for file in Self.samples.prefix(3) {
            let url = root.appendingPathComponent("samples").appendingPathComponent(file)
            let document = try DocumentReader().read(Data(contentsOf: url), path: file)
            let structure = try #require(Segmenter().segment(document).structure)
            citations.append(structure.clauses.filter { $0.part == .body && $0.number != nil }.map(\.citation))
        }
        #expect(citations[0] == citations[1], "docx vs pdf")
        #expect(citations[0] == citations[2], "docx vs txt")
    }
}
