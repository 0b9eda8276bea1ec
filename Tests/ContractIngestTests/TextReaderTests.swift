import ContractModel
import Foundation
import Testing

@testable import ContractIngest

@Suite struct TextReaderTests {
    private func read(_ text: String, name: String = "c.txt") throws -> Document {
        try DocumentReader().read(Data(text.utf8), path: name)
    }

    @Test func numberedLinesStartBlocksAndWrappedLinesJoin() throws {
        let doc = try read("1. Definitions\nThe term means X.\n\n1.1 Vendor shall\nnot train models.\n(a) first\n(b) second\n")
        #expect(doc.blocks.map(\.renderedText) == [
            "1. Definitions", "The term means X.", "1.1 Vendor shall not train models.", "(a) first", "(b) second",
        ])
        #expect(doc.blocks[0].kind == .heading)
        #expect(doc.blocks[2].label == "1.1")
        #expect(doc.blocks[2].level == 1)
        #expect(doc.blocks[2].source == SourcePosition(line: 4, endLine: 5))
        #expect(doc.blocks[3].kind == .listItem)
    }

    @Test func utf16WithBOM() throws {
        var data = Data([0xFF, 0xFE])
        for unit in "Section 2.01 Notice \u{2014} 72 hours".utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let doc = try DocumentReader().read(data, path: "u16.txt")
        #expect(doc.blocks.first?.label == "Section 2.01")
        #expect(doc.blocks.first?.text == "Notice \u{2014} 72 hours")
        var be = Data([0xFE, 0xFF])
        for unit in "Hello".utf16 { be.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)]) }
        #expect(try DocumentReader().read(be, path: "be.txt").blocks.first?.text == "Hello")
    }

    @Test func utf8BOMIsDropped() throws {
        let doc = try DocumentReader().read(Data([0xEF, 0xBB, 0xBF]) + Data("Plain text.".utf8), path: "bom.txt")
        #expect(doc.blocks.first?.text == "Plain text.")
        #expect(doc.metadata.warnings.isEmpty)
    }

    @Test func invalidBytesAreReplacedAndReported() throws {
        let data = Data("Vendor shall ".utf8) + Data([0xC3, 0x28, 0xFF]) + Data(" notify.".utf8)
        let doc = try DocumentReader().read(data, path: "bad.txt")
        #expect(doc.blocks.first?.text.contains("\u{FFFD}") == true)
        #expect(doc.metadata.warnings.count == 1)
        #expect(doc.metadata.warnings.first?.contains("replaced") == true)
    }

    @Test func markdownStructure() throws {
        let md = """
            # Business Associate Agreement

            ## 2. Obligations

            **Vendor** shall *not* use [PHI](https://example.invalid) except:

            - as permitted
            - as required by law

            | Subprocessor | Region |
            |---|---|
            | CloudCo | US |
            """
        let doc = try read(md, name: "a.md")
        #expect(doc.metadata.format == .markdown)
        #expect(doc.blocks[0].kind == .heading && doc.blocks[0].level == 0)
        #expect(doc.blocks[1].label == "2." && doc.blocks[1].text == "Obligations" && doc.blocks[1].level == 1)
        #expect(doc.blocks[2].text == "Vendor shall not use PHI except:")
        #expect(doc.blocks[3].kind == .listItem && doc.blocks[3].text == "as permitted")
        let cells = doc.blocks.filter { $0.kind == .tableCell }
        #expect(cells.map(\.text) == ["Subprocessor", "Region", "CloudCo", "US"])
        #expect(cells.last?.cell == TableCell(table: 0, row: 1, column: 1))
    }

    @Test func bracketsInContractTextAreKept() throws {
        let doc = try read("Vendor means [Insert Name of Business Associate].", name: "x.md")
        #expect(doc.blocks.first?.text == "Vendor means [Insert Name of Business Associate].")
    }

    @Test func goldenDump() throws {
        let text = """
            BUSINESS ASSOCIATE AGREEMENT

            This Agreement is made between Riverbend Health ("Covered Entity") and
            Acme Scribe AI, Inc. ("Business Associate").

            ARTICLE I
            DEFINITIONS

            Section 1.01 Terms. Capitalised terms have the meanings in the HIPAA Rules.

            Section 1.02 PHI. "PHI" means protected health information.
              (a) including electronic PHI; and
              (b) including data derived from it.
            """
        assertGolden(try read(text).dump(), named: "text-articles.dump")
    }

    /// A row of a plain-text table has " | " twice, found as Foundation finds it.
    @Test func tableRowsAsFoundationSplitsThem() {
        let lines = [
            "a | b | c", "a | b", " | | ", " |  | ", "x | y | z | w", "Caf\u{E9} | b | c", "a |\u{301} b | c", "a | b\r | c", "a|b|c", "",
            // no bar at all, or only bars of other scripts
            "a b c", "Caf\u{E9} \u{FF5C} b \u{FF5C} c", "a \u{2223} b \u{2223} c", "a \u{7C}\u{301} b \u{7C} c",
        ]
        for line in lines {
            #expect(TextReader.isTableRow(Substring(line)) == (line.components(separatedBy: " | ").count >= 3), "\(line.debugDescription)")
        }
    }

    /// Lines are cut at LF, CR LF and CR, as splitting the text's characters cuts them.
    @Test func linesAsCharactersSplitThem() {
        for text in ["a\nb", "a\r\nb\rc\n", "\n\n", "", "x", "a\r\n\r\nb", "e\u{301}\n\u{301}x", "\r", "a\n\r", "caf\u{E9}\r\n\u{1F600}"] {
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            #expect(TextReader.lines(of: text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func inlineMarkupIsStrippedOnlyWhereThere() {
        #expect(TextReader.stripInline("Plain caf\u{E9} text.") == "Plain caf\u{E9} text.")
        #expect(TextReader.stripInline("**Bold** and `code` and [a link](http://x) and __u__ and \\*") == "Bold and code and a link and u and *")
        // a marker joined to a combining mark is another character, left as it is
        #expect(TextReader.stripInline("**B\u{2019}s** *\u{301}x") == "B\u{2019}s *\u{301}x")
        #expect(TextReader.stripInline("\u{201C}*Caf\u{E9}*\u{201D}") == "\u{201C}Caf\u{E9}\u{201D}")
        // ASCII is read byte by byte, except with a carriage return (CR LF is one character)
        #expect(TextReader.stripInline(Substring("**a** _b_ [c](d)")) == "a _b_ c")
        #expect(TextReader.stripInline("**a**\r\n`b`\r") == "a\r\nb\r")
        // read byte by byte: an escaped or linked character of several bytes comes through whole
        #expect(TextReader.stripInline("\\\u{E9}t\u{E9} \\\u{2014} [caf\u{E9} \u{A7} 4](x\u{E9}) \u{2018}_a_\u{2019} __b__ [open ( ] \\") == "\u{E9}t\u{E9} \u{2014} caf\u{E9} \u{A7} 4 \u{2018}_a_\u{2019} b [open ( ] \\")
    }

    /// Valid UTF-8 is taken whole; invalid bytes are still replaced and counted.
    @Test func decodesUTF8WholeOrByScalar() {
        #expect(TextDecoder.decode(Data("Caf\u{E9} \u{1F600}".utf8)).text == "Caf\u{E9} \u{1F600}")
        #expect(TextDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array("BOM".utf8))).text == "BOM")
        let broken = TextDecoder.decode(Data([0x41, 0xFF, 0x42, 0xC3]))
        #expect(broken.text == "A\u{FFFD}B\u{FFFD}")
        #expect(broken.replaced == 2)
    }
}
