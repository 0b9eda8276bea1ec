import ContractIngest
import ContractModel
import Foundation
import Testing

@Suite("DOCX content")
struct DOCXContentTests {
    typealias F = DOCXFixture

    @Test func trackedChangesReadAsAccepted() throws {
        let numbering = F.abstractNum(0, F.lvl(0, "decimal", "%1.")) + F.num(1, abstract: 0)
        let body = """
            <w:p><w:r><w:t xml:space="preserve">The Business Associate </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>may</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>shall</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> report.</w:t></w:r></w:p>
            <w:p><w:pPr>\(F.numPr(1))<w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Breaches shall be reported </w:t></w:r></w:p>
            <w:p><w:pPr>\(F.numPr(1))</w:pPr><w:r><w:t>within five days.</w:t></w:r></w:p>
            <w:p><w:pPr>\(F.numPr(1))</w:pPr><w:del w:id="4" w:author="A"><w:r><w:delText>This whole clause was deleted.</w:delText></w:r></w:del></w:p>
            <w:p><w:pPr>\(F.numPr(1))<w:pPrChange w:id="5" w:author="A"><w:pPr/></w:pPrChange></w:pPr><w:r><w:rPr><w:b/><w:rPrChange w:id="6" w:author="A"><w:rPr/></w:rPrChange></w:rPr><w:t>Second clause.</w:t></w:r></w:p>
            <w:p><w:moveFrom w:id="7" w:author="A"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom></w:p>
            <w:p><w:moveTo w:id="8" w:author="A"><w:r><w:t>Moved here.</w:t></w:r></w:moveTo></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>kept row</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:trPr><w:del w:id="9" w:author="A"/></w:trPr><w:tc><w:p><w:del w:id="10" w:author="A"><w:r><w:delText>deleted row</w:delText></w:r></w:del></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>last row</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """
        let doc = try F.read(F.docx(body: body, numbering: numbering))
        assertGolden(doc.dump(), named: "docx-tracked-changes.dump")
        let text = doc.blocks.map(\.renderedText)
        #expect(text[0] == "The Business Associate shall report.")
        #expect(text[1] == "1. Breaches shall be reported within five days.")
        #expect(text[2] == "2. Second clause.")  // the emptied clause does not take a number
        #expect(!text.joined().contains("may") && !text.joined().contains("deleted") && !text.joined().contains("Moved away"))
        #expect(text.contains("Moved here."))
        #expect(doc.blocks.filter { $0.kind == .tableCell }.map(\.cell!.row) == [0, 1])
        let tc = doc.metadata.trackedChanges
        #expect(tc.insertions == 1 && tc.deletions == 4 && tc.moves == 1 && tc.other == 2)
    }

    @Test func fieldsContentControlsAndRuns() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">See page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Nested </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD x</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>inner-result-in-code</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>outer result</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            <w:p><w:fldSimple w:instr=" DOCPROPERTY Company "><w:r><w:t>Acme Health, Inc.</w:t></w:r></w:fldSimple></w:p>
            <w:sdt><w:sdtPr><w:alias w:val="Party"/><w:text/></w:sdtPr><w:sdtContent><w:p><w:r><w:t xml:space="preserve">Covered Entity: </w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>Acme</w:t></w:r></w:sdtContent></w:sdt></w:p></w:sdtContent></w:sdt>
            <w:p><w:hyperlink r:id="rId99"><w:r><w:t>45 CFR 164.504(e)</w:t></w:r></w:hyperlink><w:smartTag w:uri="x" w:element="y"><w:r><w:t xml:space="preserve"> applies</w:t></w:r></w:smartTag><w:customXml w:element="z"><w:r><w:t>.</w:t></w:r></w:customXml></w:p>
            <w:p><w:r><w:t>one</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t><w:noBreakHyphen/><w:t>four</w:t><w:softHyphen/><w:t>five</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> shown</w:t></w:r></w:p>
            <w:customXml w:element="clause"><w:p><w:r><w:t>Block-level custom XML.</w:t></w:r></w:p></w:customXml>
            """
        let doc = try F.read(F.docx(body: body))
        assertGolden(doc.dump(), named: "docx-fields-sdt.dump")
        let text = doc.blocks.map(\.renderedText)
        #expect(text == [
            "See page 4.", "Nested outer result", "Acme Health, Inc.", "Covered Entity: Acme",
            "45 CFR 164.504(e) applies.", "one two three-fourfive shown", "Block-level custom XML.",
        ])
    }

    @Test func alternateContentAndTextBoxesReadOnce() throws {
        let box = "<w:txbxContent><w:p><w:r><w:t>Text box note.</w:t></w:r></w:p></w:txbxContent>"
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Anchor paragraph.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:r><w:t>choice</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>fallback</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>
            <w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>VML-only box.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>
            """
        let doc = try F.read(F.docx(body: body))
        assertGolden(doc.dump(), named: "docx-alternate-content.dump")
        #expect(doc.blocks.map(\.text) == ["Anchor paragraph.", "Text box note.", "choice", "VML-only box."])
    }

    @Test func tables() throws {
        let cell = { (t: String) in "<w:tc><w:p><w:r><w:t>\(t)</w:t></w:r></w:p></w:tc>" }
        let nested = "<w:tbl><w:tr>\(cell("inner 1"))\(cell("inner 2"))</w:tr></w:tbl>"
        let body = """
            \(F.p("Before."))
            <w:tbl><w:tblPr/><w:tr>\(cell("Party"))\(cell("Role"))</w:tr>
            <w:tr>\(cell("Acme"))<w:tc><w:p><w:r><w:t>Covered</w:t></w:r></w:p><w:p><w:r><w:t>Entity</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p>\(nested)<w:p/></w:tc>\(cell(""))</w:tr></w:tbl>
            \(F.p("After."))
            """
        let doc = try F.read(F.docx(body: body))
        assertGolden(doc.dump(), named: "docx-tables.dump")
        let cells = doc.blocks.compactMap(\.cell)
        #expect(cells.first == TableCell(table: 0, row: 0, column: 0))
        #expect(doc.blocks.contains { $0.text == "Covered Entity" && $0.cell == TableCell(table: 0, row: 1, column: 1) })
        #expect(doc.blocks.contains { $0.text == "inner 2" && $0.cell == TableCell(table: 1, row: 0, column: 1) })
        #expect(doc.blocks.last?.text == "After.")
    }

    @Test func footnotesAndEndnotesAfterTheBody() throws {
        let sep = #"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
        let footnotes = sep + #"""
            <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 45 C.F.R. § 164.402.</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="2"><w:p><w:r><w:t>Never referenced.</w:t></w:r></w:p></w:footnote>
            """#
        let endnotes = #"<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote>"#
        let body = """
            <w:p><w:r><w:t>Breach</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> means</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
            """
        let doc = try F.read(F.docx(body: body, footnotes: footnotes, endnotes: endnotes))
        assertGolden(doc.dump(), named: "docx-notes.dump")
        #expect(doc.blocks.count == 3)
        #expect(doc.blocks[0].text == "Breach means.")
        #expect(doc.blocks[1].kind == .footnote && doc.blocks[1].note == "1" && doc.blocks[1].text == "45 C.F.R. § 164.402.")
        #expect(doc.blocks[1].source.part == "word/footnotes.xml")
        #expect(doc.blocks[2].kind == .endnote && doc.blocks[2].text == "An endnote.")
    }

    @Test func headersAndFootersAreFurniture() throws {
        let header = F.p("CONFIDENTIAL - Business Associate Agreement")
        let footer = #"<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"#
        let doc = try F.read(F.docx(body: F.p("Body text."), headers: [header, header], footers: [footer]))
        assertGolden(doc.dump(), named: "docx-header-footer.dump")
        #expect(doc.blocks.map(\.text) == ["Body text."])
        #expect(doc.metadata.furniture == [
            Furniture(place: .header, text: "CONFIDENTIAL - Business Associate Agreement", pages: []),
            Furniture(place: .footer, text: "Page 1", pages: []),
        ])
    }

    @Test func strictNamespace() throws {
        let strictW = "http://purl.oclc.org/ooxml/wordprocessingml/main"
        let strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
        let doc = #"<?xml version="1.0" encoding="UTF-8"?><x:document xmlns:x="\#(strictW)"><x:body><x:p><x:pPr><x:numPr><x:ilvl x:val="0"/><x:numId x:val="1"/></x:numPr></x:pPr><x:r><x:t>Strict text.</x:t></x:r></x:p></x:body></x:document>"#
        let numbering = #"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="\#(strictW)"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        let data = F.zip([
            ("[Content_Types].xml", F.contentTypes),
            ("_rels/.rels", F.rels([("rId1", strictRel + "officeDocument", "/word/document.xml")])),
            ("word/document.xml", doc),
            ("word/_rels/document.xml.rels", F.rels([("rId1", strictRel + "numbering", "numbering.xml")])),
            ("word/numbering.xml", numbering),
        ])
        let read = try F.read(data)
        assertGolden(read.dump(), named: "docx-strict.dump")
        #expect(read.blocks.map(\.renderedText) == ["c) Strict text."])
    }

    @Test func mainPartFoundThroughRelationships() throws {
        let data = F.docx(body: F.p("Renamed main part."), styles: "", mainPart: "content/contract.xml")
        let doc = try F.read(data)
        assertGolden(doc.dump(), named: "docx-renamed-main.dump")
        #expect(doc.blocks.map(\.text) == ["Renamed main part."])
        #expect(doc.blocks[0].source == SourcePosition(part: "content/contract.xml", index: 0))
    }

    @Test func docmReadsAsDocx() throws {
        // same package; the name does not matter, the bytes do
        let doc = try DocumentReader().read(F.docx(body: F.p("Macro-enabled.")), path: "contract.docm")
        #expect(doc.metadata.format == .docx)
        #expect(doc.blocks.map(\.text) == ["Macro-enabled."])
    }
}
