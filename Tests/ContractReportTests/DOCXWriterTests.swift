import ContractIngest
import ContractModel
import ContractReport
import Foundation
import FoundationXML
import Testing
import ZIPFoundation

/// The general Word writer: a valid package, the same bytes every time, and
/// read back by the project's own DOCX reader as Word would show it.
@Suite struct DOCXWriterTests {
    static let sample: WordDocument = {
        var doc = WordDocument(title: "Rider & note", author: "Counsel", footer: [WordRun("Page "), .pageNumber])
        doc.append(.paragraph(WordParagraph(style: .title, "Rider to the Agreement")))
        doc.append(.paragraph(WordParagraph(style: .heading(1), "Cover note")))
        doc.append(.paragraph(WordParagraph([WordRun("Plain, "), .bold("bold"), WordRun(", "), .italic("italic"), WordRun(" and "), .highlighted("marked <text> & more")])))
        doc.append(.list(WordList(.decimal, items: [WordListItem("First gap"), WordListItem("A sub-point", level: 1), WordListItem("Second gap")])))
        doc.append(.paragraph(WordParagraph(style: .heading(2), "Clauses")))
        doc.append(.list(WordList(.legal, items: [WordListItem([.bold("Training. "), WordRun("Vendor shall not train.")]), WordListItem("Detail", level: 1)])))
        doc.append(.list(WordList(.decimal, items: [WordListItem("Restarts at one")])))
        doc.append(.list(WordList(.decimal, items: [WordListItem("Continues")], continuesPrevious: true)))
        doc.append(.list(WordList(.bullet, items: [WordListItem("A bullet")])))
        doc.append(.table(WordTable(columnWeights: [1, 3], header: [WordCell("Name"), WordCell("Value")], rows: [[WordCell("Tool"), WordCell("baa-review", fill: "FDE8DA")], [WordCell("Short row")]])))
        doc.append(.pageBreak)
        doc.append(.paragraph(WordParagraph(style: .quote, "Line one\nline two\tafter a tab")))
        return doc
    }()

    @Test func packageParts() throws {
        let data = try DOCXWriter().write(Self.sample)
        let archive = try Archive(data: data, accessMode: .read)
        let names = archive.map(\.path)
        #expect(names == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
            "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/footer1.xml",
        ])
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            // every part is well-formed XML
            _ = try XMLDocument(data: bytes, options: [])
        }
        #expect(try DOCXWriter().write(Self.sample) == data, "byte-identical on a second write")
    }

    @Test func readsBackAsWordShowsIt() throws {
        let data = try DOCXWriter().write(Self.sample)
        let document = try DocumentReader().read(data, path: "rider.docx")
        let blocks = document.blocks
        func block(_ prefix: String) -> Block? { blocks.first { $0.text.hasPrefix(prefix) } }
        #expect(block("Rider to the Agreement") != nil)
        #expect(block("Cover note")?.kind == .heading)
        #expect(block("Clauses")?.kind == .heading)
        #expect(block("Plain, bold, italic and marked <text> & more") != nil)
        #expect(block("First gap")?.label == "1.")
        #expect(block("A sub-point")?.label == "(a)")
        #expect(block("Second gap")?.label == "2.")
        #expect(block("Training. Vendor shall not train.")?.label == "1.")
        #expect(block("Detail")?.label == "1.1")
        #expect(block("Restarts at one")?.label == "1.")
        #expect(block("Continues")?.label == "2.")
        #expect(block("A bullet")?.kind == .listItem)
        #expect(blocks.filter { $0.kind == .tableCell }.map(\.text).prefix(4) == ["Name", "Value", "Tool", "baa-review"])
        #expect(block("Line one") != nil)
        #expect(document.metadata.warnings.isEmpty)
    }

    @Test func documentXMLFollowsTheSchemaOrder() throws {
        let parts = Dictionary(uniqueKeysWithValues: DOCXWriter().parts(Self.sample).map { ($0.name, $0.content) })
        let main = try #require(parts["word/document.xml"])
        #expect(main.contains(#"<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">bold</w:t></w:r>"#))
        #expect(main.contains(#"<w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">marked &lt;text&gt; &amp; more</w:t>"#))
        #expect(main.contains(#"<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"#))
        #expect(main.contains(#"<w:t xml:space="preserve">Line one</w:t><w:br/><w:t xml:space="preserve">line two</w:t><w:tab/>"#))
        #expect(main.hasSuffix(#"<w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/></w:sectPr></w:body></w:document>"#))
        let numbering = try #require(parts["word/numbering.xml"])
        #expect(numbering.components(separatedBy: "<w:num ").count - 1 == 4, "four lists; the continued one shares its number")
        #expect(try #require(parts["docProps/core.xml"]).contains("<dc:title>Rider &amp; note</dc:title>"))
        #expect(!(parts["docProps/core.xml"] ?? "").contains("dcterms:created"), "no dates")
    }
}
