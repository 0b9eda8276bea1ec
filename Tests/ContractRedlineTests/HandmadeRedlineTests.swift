import ContractIngest
import ContractModel
import ContractRedline
import ContractSegment
import Foundation
import Testing

/// Small Word files written in the test, each showing the XML a redline meets.
@Suite struct HandmadeRedlineTests {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func docx(body: String, numbering: String? = nil) throws -> Data {
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var mainRels = #"<Relationship Id="rId1" Type="\#(rel)styles" Target="styles.xml"/>"#
        var types = #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        var parts: [(String, String)] = []
        if let numbering {
            mainRels += #"<Relationship Id="rId2" Type="\#(rel)numbering" Target="numbering.xml"/>"#
            types += #"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#
            parts.append(("word/numbering.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="\#(w)">\#(numbering)</w:numbering>"#))
        }
        parts += [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\#(types)</Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)officeDocument" Target="word/document.xml"/></Relationships>"#),
            ("word/_rels/document.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(mainRels)</Relationships>"#),
            ("word/styles.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="\#(w)"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>"#),
            ("word/document.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="\#(w)"><w:body>\#(body)<w:sectPr/></w:body></w:document>"#),
        ]
        return try zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    static func p(_ text: String, _ pPr: String = "") -> String {
        "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static let preamble =
        p("BUSINESS ASSOCIATE AGREEMENT", #"<w:pStyle w:val="Title"/>"#)
        + p("This Agreement is made between Lakeside Clinic (&quot;Client&quot;) and Northwind Scribe, Inc. (&quot;Supplier&quot;).")

    /// Headings in paragraphs of their own, numbered by Word: new sections get a heading paragraph and a text paragraph.
    @Test func headingParagraphsAreCopied() throws {
        let numbering = #"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>"#
        let h1 = #"<w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>"#
        let h2 = #"<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>"#
        let body = Self.preamble
            + Self.p("Security", h1) + Self.p("Safeguards", h2)
            + Self.p("Supplier shall use appropriate safeguards to protect PHI and shall comply with Subpart C of 45 CFR Part 164.", #"<w:ind w:left="720"/>"#)
            + Self.p("Use of Data", h1) + Self.p("No Training", h2)
            + Self.p("Supplier shall not use Client Data, including PHI, to train or improve any AI model.", #"<w:ind w:left="720"/>"#)
            + Self.p("IN WITNESS WHEREOF, the Parties have signed this Agreement.")
        let r = try Redlined(try Self.docx(body: body, numbering: numbering), path: "headings.docx")
        let insertion = try #require(r.plan.insertion)
        #expect(insertion.article.label == "3.")
        #expect(insertion.sections.first?.label == "3.1")
        let xml = try #require(try part(r.output, "word/document.xml"))
        // each section: a Heading2 paragraph numbered by Word, then an indented text paragraph
        #expect(xml.contains(#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:rPr><w:ins "#))
        #expect(xml.contains(#"<w:p><w:pPr><w:ind w:left="720"/><w:rPr><w:ins "#))
        let after = Segmenter().segment(try DocumentReader().read(r.output, path: "out.docx"))
        let added = after.structure!.clauses.filter { $0.path.first == "3" && $0.path.count == 2 }
        #expect(added.map(\.heading) == insertion.sections.map(\.heading))
        #expect(added.allSatisfy { !$0.text.isEmpty })
        let trip = try r.roundTrip()
        #expect(trip.holds, "\(trip.summary)")
    }

    /// A conflicting sentence that runs across differently formatted runs and into the next sentence's run.
    @Test func deletionSplitsRunsAtTheSentence() throws {
        let body = Self.preamble
            + #"<w:p><w:r><w:t xml:space="preserve">1. Use of Data. Supplier shall keep Client Data confidential. Supplier may use Client Data, including PHI, to </w:t></w:r>"#
            + #"<w:r><w:rPr><w:b/></w:rPr><w:t>train</w:t></w:r><w:r><w:t xml:space="preserve"> its machine learning models. Supplier shall encrypt Client Data.</w:t></w:r></w:p>"#
            + Self.p("2. Safeguards. Supplier shall use appropriate safeguards to protect PHI.")
            + Self.p("IN WITNESS WHEREOF, the Parties have signed this Agreement.")
        let r = try Redlined(try Self.docx(body: body), path: "runs.docx")
        let replacement = try #require(r.plan.replacements.first { $0.provision == "ai.training-opt-out" })
        #expect(replacement.deletions.map(\.text) == ["Supplier may use Client Data, including PHI, to train its machine learning models."])
        let xml = try #require(try part(r.output, "word/document.xml"))
        // the three pieces of the sentence are deleted, each run keeping its format; the sentences around it stay
        #expect(xml.contains(#"<w:t xml:space="preserve">1. Use of Data. Supplier shall keep Client Data confidential. </w:t>"#))
        #expect(xml.contains(#"<w:delText xml:space="preserve">Supplier may use Client Data, including PHI, to </w:delText>"#))
        #expect(xml.contains(#"<w:r><w:rPr><w:b/></w:rPr><w:delText>train</w:delText></w:r>"#))
        #expect(xml.contains(#"<w:delText xml:space="preserve"> its machine learning models.</w:delText>"#))
        #expect(xml.contains(#"<w:t xml:space="preserve"> Supplier shall encrypt Client Data.</w:t>"#))
        // the replacement uses the contract's names
        #expect(xml.contains("Supplier shall not use, and shall not permit any subcontractor"))
        // accepted: the other two sentences and the replacement
        let after = try DocumentReader().read(r.output, path: "out.docx")
        let first = try #require(after.blocks.first { $0.text.contains("Use of Data") })
        #expect(first.text.hasPrefix("Use of Data. Supplier shall keep Client Data confidential. Supplier shall not use, and shall not permit"))
        #expect(first.text.contains("given in a writing that refers to this Section. "))
        #expect(first.text.hasSuffix(" Supplier shall encrypt Client Data."))
        // the sentence is a conflict for two provisions: deleted once, both languages follow it
        let trip = try r.roundTrip()
        #expect(trip.replaced.map(\.0).sorted() == ["ai.training-opt-out", "hipaa.permitted-uses"])
        #expect(trip.replaced.allSatisfy { $0.1 == .met })
    }

    /// Typed numbers, no articles: new sections continue the numbers after an unnumbered heading.
    @Test func typedFlatNumbersContinue() throws {
        let body = Self.preamble
            + Self.p("1. Safeguards. Supplier shall use appropriate safeguards to protect PHI and shall comply with Subpart C of 45 CFR Part 164.")
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Schedule of fees</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            + Self.p("2. Fees. Client shall pay the fees in the table above.")
            + Self.p("IN WITNESS WHEREOF, the Parties have signed this Agreement.")
        let r = try Redlined(try Self.docx(body: body), path: "flat.docx")
        let insertion = try #require(r.plan.insertion)
        #expect(insertion.article.label == nil)
        #expect(insertion.sections.map(\.label) == (3..<(3 + insertion.sections.count)).map { "\($0)." })
        let after = try DocumentReader().read(r.output, path: "out.docx")
        let texts = after.blocks.map(\.renderedText)
        let fees = try #require(texts.firstIndex { $0.hasPrefix("2. Fees.") })
        #expect(texts[fees + 1] == "AI and Data Protection")
        #expect(texts[fees + 2].hasPrefix("3. "))
        #expect(texts.last == "IN WITNESS WHEREOF, the Parties have signed this Agreement.")
        #expect(try r.roundTrip().holds)
    }

    /// Lettered sections under unnumbered headings, each heading's list starting again at (a):
    /// the new sections are a new list that starts again too (a restart in word/numbering.xml).
    @Test func listsStartAgainUnderTheNewHeading() throws {
        let numbering = #"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#
        let item = { (numId: Int) in #"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="\#(numId)"/></w:numPr>"# }
        let body = Self.preamble
            + Self.p("Security", #"<w:pStyle w:val="Heading1"/>"#)
            + Self.p("Supplier shall use appropriate safeguards to protect PHI and shall comply with Subpart C of 45 CFR Part 164.", item(1))
            + Self.p("Supplier shall report to Client any use or disclosure of PHI not provided for by this Agreement.", item(1))
            + Self.p("Use of Data", #"<w:pStyle w:val="Heading1"/>"#)
            + Self.p("Supplier shall not use Client Data, including PHI, to train or improve any AI model.", item(2))
            + Self.p("Supplier shall not sell Client Data.", item(2))
            + Self.p("IN WITNESS WHEREOF, the Parties have signed this Agreement.")
        let input = try Self.docx(body: body, numbering: numbering)
        let r = try Redlined(input, path: "lists.docx")
        let insertion = try #require(r.plan.insertion)
        #expect(insertion.restartNumbering)
        #expect(insertion.sections.prefix(2).map(\.label) == ["(a)", "(b)"])
        let xml = try #require(try part(r.output, "word/numbering.xml"))
        #expect(xml.contains(#"<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#))
        let after = Segmenter().segment(try DocumentReader().read(r.output, path: "out.docx"))
        let added = after.structure!.clauses.filter { $0.citation.hasPrefix("AI and Data Protection (") }
        #expect(added.map(\.citation).prefix(2) == ["AI and Data Protection (a)", "AI and Data Protection (b)"])
        #expect(try r.roundTrip().holds)
    }
}
