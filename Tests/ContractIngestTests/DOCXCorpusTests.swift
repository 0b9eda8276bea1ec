import ContractIngest
import ContractModel
import Foundation
import Testing

/// Real-world DOCX files from other projects' test suites (Open-Xml-PowerTools,
/// Open XML SDK, docx2python, mammoth), in ../shared when present.
@Suite("DOCX corpus")
struct DOCXCorpusTests {
    static var root: URL? { sharedPath("corpus/outside/docx") }

    static func files(under dir: URL) -> [URL] {
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        var out: [URL] = []
        while let u = e?.nextObject() as? URL {
            if ["docx", "docm", "dotx"].contains(u.pathExtension.lowercased()) { out.append(u) }
        }
        return out.sorted { $0.path < $1.path }
    }

    static func read(_ url: URL) throws -> Document {
        try DocumentReader().read(try Data(contentsOf: url), path: url.lastPathComponent)
    }

    @Test func everyFileReadsOrFailsCleanly() throws {
        guard let root = Self.root else { return }
        let files = Self.files(under: root)
        #expect(files.count > 50)
        var read = 0
        for url in files {
            do {
                _ = try Self.read(url)
                read += 1
            } catch let error as ReadError {
                // only the password-protected sample may fail
                #expect(error.reason == .protectedDOCX, "\(url.lastPathComponent): \(error)")
            }
        }
        #expect(read >= files.count - 1)
    }

    @Test func revisionsReadAsAcceptedMatchTheAcceptedTwins() throws {
        guard let rp = Self.root?.appendingPathComponent("oxpt/TestFiles/RP") else { return }
        var pairs = 0
        for accepted in Self.files(under: rp) where accepted.lastPathComponent.hasSuffix("-Accepted.docx") {
            let original = rp.appendingPathComponent(
                accepted.lastPathComponent.replacingOccurrences(of: "-Accepted.docx", with: ".docx"))
            guard FileManager.default.fileExists(atPath: original.path) else { continue }
            pairs += 1
            let a = TextRendering.render(try Self.read(accepted))
            let o = TextRendering.render(try Self.read(original))
            #expect(o == a, "\(original.lastPathComponent) read as accepted differs from its -Accepted twin")
        }
        #expect(pairs >= 10)
    }

    @Test(arguments: [
        ("LIR001-en-US-ordinal.docx", ["1st|", "2nd|", "3rd|", "4th|"], 10, "11th|"),
        ("LIR003-en-US-upperLetter.docx", ["A|", "B|", "C|", "D|"], 26, "AA|"),
        ("LIR004-en-US-upperRoman.docx", ["I|", "II|", "III|", "IV|"], 13, "XIV|"),
        ("LIR016-en-US-decimal.docx", ["1|", "2|", "3|", "4|"], 10, "11|"),
        ("LIR018-en-US-decimalZero.docx", ["01|", "02|", "03|", "04|"], 9, "10|"),
        ("LIR020-en-US-lowerRoman.docx", ["i|", "ii|", "iii|", "iv|"], 8, "ix|"),
    ])
    func listLabels(file: String, first: [String], index: Int, label: String) throws {
        guard let url = Self.root?.appendingPathComponent("oxpt/TestFiles/\(file)"),
            FileManager.default.fileExists(atPath: url.path)
        else { return }
        let labels = try Self.read(url).blocks.compactMap(\.label)
        #expect(Array(labels.prefix(4)) == first)
        #expect(labels.count > index && labels[index] == label)
    }

    @Test(arguments: [
        "docx2python/tests/resources/strict.docx", "mammoth/test/test-data/strict-format.docx",
        "docx2python/tests/resources/renamed_document_xml.docx",
    ])
    func strictAndRenamedFilesReadText(path: String) throws {
        guard let url = Self.root?.appendingPathComponent(path), FileManager.default.fileExists(atPath: url.path)
        else { return }
        let doc = try Self.read(url)
        #expect(doc.blocks.contains { !$0.text.isEmpty }, "\(path) gave no text")
    }
}
