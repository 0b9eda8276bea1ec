import ContractIngest
import ContractModel
import Foundation
import Testing

@Suite("DOCX numbering")
struct DOCXNumberingTests {
    typealias F = DOCXFixture

    @Test func numberFormats() {
        #expect(NumberFormat.render(4, format: "upperRoman") == "IV")
        #expect(NumberFormat.render(1994, format: "upperRoman") == "MCMXCIV")
        #expect(NumberFormat.render(9, format: "lowerRoman") == "ix")
        #expect(NumberFormat.render(1, format: "upperLetter") == "A")
        #expect(NumberFormat.render(26, format: "lowerLetter") == "z")
        #expect(NumberFormat.render(27, format: "lowerLetter") == "aa")
        #expect(NumberFormat.render(28, format: "upperLetter") == "BB")
        #expect(NumberFormat.render(3, format: "decimalZero") == "03")
        #expect(NumberFormat.render(12, format: "decimalZero") == "12")
        #expect(NumberFormat.render(1, format: "ordinal") == "1st")
        #expect(NumberFormat.render(2, format: "ordinal") == "2nd")
        #expect(NumberFormat.render(3, format: "ordinal") == "3rd")
        #expect(NumberFormat.render(11, format: "ordinal") == "11th")
        #expect(NumberFormat.render(22, format: "ordinal") == "22nd")
        #expect(NumberFormat.render(21, format: "cardinalText") == "Twenty-one")
        #expect(NumberFormat.render(12, format: "ordinalText") == "Twelfth")
        #expect(NumberFormat.render(20, format: "ordinalText") == "Twentieth")
        #expect(NumberFormat.render(5, format: "none") == "")
        #expect(NumberFormat.render(7, format: "someFutureFormat") == "7")
    }

    @Test func formatsInADocument() throws {
        let fmts = ["decimal", "decimalZero", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "ordinal", "bullet", "none"]
        var numbering = ""
        var body = ""
        for (i, f) in fmts.enumerated() {
            numbering += F.abstractNum(i, F.lvl(0, f, f == "bullet" ? "\u{F0B7}" : f == "none" ? "%1" : "%1."))
        }
        for i in fmts.indices { numbering += F.num(i + 1, abstract: i) }
        for (i, f) in fmts.enumerated() {
            for k in 1...3 { body += F.p("\(f) item \(k)", F.numPr(i + 1)) }
        }
        let doc = try F.read(F.docx(body: body, numbering: numbering))
        assertGolden(doc.dump(), named: "docx-numbering-formats.dump")
        let labels = doc.blocks.map { $0.label ?? "-" }
        #expect(labels.prefix(21) == ["1.", "2.", "3.", "01.", "02.", "03.", "I.", "II.", "III.", "i.", "ii.", "iii.", "A.", "B.", "C.", "a.", "b.", "c.", "1st.", "2nd.", "3rd."])
        #expect(labels[21] == "\u{2022}")
        #expect(doc.blocks.last?.label == nil)  // numFmt none: no label
        #expect(doc.blocks.first?.kind == .listItem)
    }

    @Test func multiLevelWithRestarts() throws {
        let levels =
            F.lvl(0, "decimal", "%1.") + F.lvl(1, "decimal", "%1.%2") + F.lvl(2, "lowerLetter", "(%3)")
            + F.lvl(3, "lowerRoman", "(%4)", extra: #"<w:lvlRestart w:val="1"/>"#)
        let numbering = F.abstractNum(0, levels) + F.num(1, abstract: 0)
        let body = [
            F.p("Definitions", F.numPr(1, 0)), F.p("Terms", F.numPr(1, 1)), F.p("first", F.numPr(1, 2)),
            F.p("roman one", F.numPr(1, 3)), F.p("second", F.numPr(1, 2)), F.p("roman two (no restart at level 3)", F.numPr(1, 3)),
            F.p("More terms", F.numPr(1, 1)), F.p("first again", F.numPr(1, 2)),
            F.p("Obligations", F.numPr(1, 0)), F.p("Sub", F.numPr(1, 1)), F.p("roman restarted", F.numPr(1, 3)),
        ].joined()
        let doc = try F.read(F.docx(body: body, numbering: numbering))
        assertGolden(doc.dump(), named: "docx-numbering-multilevel.dump")
        #expect(doc.blocks.map { $0.label ?? "" } == ["1.", "1.1", "(a)", "(i)", "(b)", "(ii)", "1.2", "(a)", "2.", "2.1", "(i)"])
        #expect(doc.blocks.map { $0.level ?? -1 } == [0, 1, 2, 3, 2, 3, 1, 2, 0, 1, 3])
    }

    @Test func legalNumberingArticleSection() throws {
        let levels =
            F.lvl(0, "upperRoman", "ARTICLE %1") + F.lvl(1, "decimalZero", "Section %1.%2", extra: "<w:isLgl/>")
        let numbering = F.abstractNum(0, levels) + F.num(1, abstract: 0)
        var body = ""
        for a in 1...4 {
            body += F.p("TITLE \(a)", F.numPr(1, 0))
            for s in 1...(a == 4 ? 2 : 1) { body += F.p("Clause \(a).\(s)", F.numPr(1, 1)) }
        }
        let doc = try F.read(F.docx(body: body, numbering: numbering))
        assertGolden(doc.dump(), named: "docx-numbering-legal.dump")
        let labels = doc.blocks.compactMap(\.label)
        #expect(labels.contains("ARTICLE IV"))
        #expect(labels.contains("Section 4.02"))
        #expect(labels.contains("Section 3.01"))
    }

    @Test func startOverrideMakesItsOwnList() throws {
        let numbering =
            F.abstractNum(0, F.lvl(0, "decimal", "%1.") + F.lvl(1, "lowerLetter", "(%2)"))
            + F.num(1, abstract: 0) + F.num(2, abstract: 0)
            + F.num(3, abstract: 0, #"<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>"#)
            + F.num(4, abstract: 0, #"<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>"#)
            + F.num(5, abstract: 0, #"<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="Schedule %1"/></w:lvl></w:lvlOverride>"#)
        let body = [
            F.p("Services", F.numPr(1)), F.p("Fees (same abstractNum, shared counter)", F.numPr(2)),
            F.p("a", F.numPr(3, 1)), F.p("b", F.numPr(3, 1)), F.p("c", F.numPr(3, 1)),
            F.p("Term", F.numPr(1)), F.p("seventh", F.numPr(4)), F.p("eighth", F.numPr(4)),
            F.p("Prices", F.numPr(5)), F.p("no numbering (numId 0)", F.numPr(0)),
        ].joined()
        let doc = try F.read(F.docx(body: body, numbering: numbering))
        assertGolden(doc.dump(), named: "docx-numbering-overrides.dump")
        #expect(doc.blocks.map { $0.label ?? "" } == ["1.", "2.", "(a)", "(b)", "(c)", "3.", "7.", "8.", "Schedule A", ""])
    }

    @Test func numberingFromStyles() throws {
        let styles = #"""
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="ClauseText"><w:name w:val="Clause Text"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="Contract Title"/><w:basedOn w:val="Title"/></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
            <w:style w:type="numbering" w:styleId="LegalList"><w:name w:val="Legal List"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
            """#
        let numbering =
            F.abstractNum(0, F.lvl(0, "decimal", "%1.", extra: #"<w:pStyle w:val="Heading1"/>"#)
                + F.lvl(1, "decimal", "%1.%2", extra: #"<w:pStyle w:val="Heading2"/>"#)
                + F.lvl(2, "lowerLetter", "(%3)", extra: #"<w:pStyle w:val="ClauseText"/>"#))
            + F.abstractNum(1, "", extra: #"<w:numStyleLink w:val="LegalList"/>"#)
            + F.abstractNum(2, F.lvl(0, "upperLetter", "Part %1"), extra: #"<w:styleLink w:val="LegalList"/>"#)
            + F.num(1, abstract: 0) + F.num(2, abstract: 2) + F.num(3, abstract: 1)
        let body = [
            F.p("Business Associate Agreement", #"<w:pStyle w:val="MyTitle"/>"#),
            F.p("Definitions", #"<w:pStyle w:val="Heading1"/>"#),
            F.p("Terms", #"<w:pStyle w:val="Heading2"/>"#),
            F.p("a clause through the style link", #"<w:pStyle w:val="ClauseText"/>"#),
            F.p("Obligations", #"<w:pStyle w:val="Heading1"/>"#),
            F.p("Safeguards", #"<w:pStyle w:val="Heading2"/>"#),
            F.p("Outline level only", #"<w:outlineLvl w:val="2"/>"#),
            F.p("First part through numStyleLink", F.numPr(3)),
            F.p("Second part", F.numPr(3)),
            F.p("4.1 Typed number", ""),
        ].joined()
        let doc = try F.read(F.docx(body: body, styles: styles, numbering: numbering))
        assertGolden(doc.dump(), named: "docx-numbering-styles.dump")
        let b = doc.blocks
        #expect(b[0].kind == .heading && b[0].level == 0 && b[0].label == nil)
        #expect(b[1].kind == .heading && b[1].label == "1." && b[1].level == 0)
        #expect(b[2].label == "1.1" && b[2].level == 1)
        #expect(b[3].kind == .listItem && b[3].label == "(a)" && b[3].level == 2)
        #expect(b[4].label == "2." && b[5].label == "2.1")
        #expect(b[6].kind == .heading && b[6].level == 2)
        #expect(b[7].label == "Part A" && b[8].label == "Part B")
        #expect(b[9].kind == .paragraph && b[9].label == "4.1" && b[9].text == "Typed number")
        #expect(b[3].source == SourcePosition(part: "word/document.xml", index: 3))
    }
}
