@testable import ContractIngest
import ContractModel
import Foundation
import Testing

/// The PDF fixtures, made by Scripts/make-pdf-fixtures.py.
private func pdfFixture(_ name: String) throws -> Data {
    try Data(contentsOf: testsRoot.appendingPathComponent("Fixtures/pdf").appendingPathComponent(name))
}

private func readPDF(_ name: String, password: String? = nil, maxPages: Int = 2_000) throws -> Document {
    try DocumentReader(options: ReadOptions(password: password, maxPages: maxPages)).read(pdfFixture(name), path: name)
}

/// The reason a read failed, or nil when it succeeded.
private func failure(_ data: Data, password: String? = nil, maxPages: Int = 2_000) -> ReadError.Reason? {
    do {
        _ = try DocumentReader(options: ReadOptions(password: password, maxPages: maxPages)).read(data, path: "x.pdf")
        return nil
    } catch {
        return error.reason
    }
}

@Suite("PDF reader")
struct PDFReaderTests {
    @Test("paragraphs, labels and reading order match what the generator wrote")
    func readingOrderAndLabels() throws {
        let document = try readPDF("contract.pdf")
        let truth = try String(contentsOf: testsRoot.appendingPathComponent("Fixtures/pdf/contract-truth.txt"), encoding: .utf8)
            .split(separator: "\n").map { line -> (String?, String) in
                let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                return (parts[0].isEmpty ? nil : String(parts[0]), String(parts[1]))
            }
        let body = document.blocks.filter { $0.kind != .footnote }
        #expect(body.count == truth.count)
        for (block, (label, text)) in zip(body, truth) {
            #expect(block.label == label, "label of \(text.prefix(30))")
            #expect(block.text == text)
        }
        #expect(document.metadata.pages == 3)
        #expect(document.metadata.format == .pdf)
    }

    @Test("kinds and levels: title and clause headings, list items, paragraphs")
    func kinds() throws {
        let blocks = try readPDF("contract.pdf").blocks
        #expect(blocks[0].kind == .heading && blocks[0].level == 0 && blocks[0].text == "Business Associate Agreement")
        let headings = blocks.filter { $0.kind == .heading && $0.label != nil }
        #expect(headings.map(\.label) == ["1.", "2.", "3.", "4."])
        #expect(headings.allSatisfy { $0.level == 1 })
        let items = blocks.filter { $0.kind == .listItem }
        #expect(items.map(\.label) == ["(a)", "(b)", "(c)", "(a)", "(b)", "(c)"])
        let clause = try #require(blocks.first { $0.label == "2.3" })
        #expect(clause.kind == .paragraph && clause.level == 1)
    }

    @Test("hyphenation at line ends is undone with the document's vocabulary")
    func dehyphenation() throws {
        let text = try readPDF("contract.pdf").blocks.map(\.text).joined(separator: "\n")
        for word in ["Information.", "Hospital,", "organisations", "authorised", "reasonably", "Individual;",
            "remediation", "consequence,", "Entity.", "immediately", "Associate", "notwithstanding",
            "opportunity", "obligations", "principles.", "liabilities", "destruction",
        ] {
            #expect(text.contains(word), "\(word)")
        }
        // compounds keep their hyphen
        #expect(text.contains("non-compliance"))
        #expect(text.contains("conflict-of-laws"))
        #expect(text.contains("Pre-paid"))
        // no line-end fragment is left behind
        #expect(!text.contains("- "))
        #expect(!text.contains("In formation") && !text.contains("Inf ormation"))
    }

    @Test("Dehyphenator decisions")
    func dehyphenatorRules() {
        let d = Dehyphenator(lines: [
            "the Individual and the pre-paid fees", "any paid amount", "anti-corruption rules", "corruption", "the term and including",
        ])
        #expect(d.decide("each affected In-", "dividual;") == .join)  // the joined word occurs elsewhere
        #expect(d.decide("the fees are pre-", "paid on signing") == .keepHyphen)  // the compound occurs elsewhere
        #expect(d.decide("strict anti-", "corruption rules") == .keepHyphen)
        #expect(d.decide("within forty-", "eight (48) hours") == .keepHyphen)
        #expect(d.decide("the remedia-", "tion undertaken") == .join)  // unknown: join
        #expect(d.decide("a co-", "ordination") == .join)  // prefix but tail is no word of its own
        #expect(d.decide("the Individual", "and more") == .space)
        #expect(d.decide("Intellec -", "tual") == .join)
        #expect(d.decide("the term -", "including the") == .dash)
        #expect(d.decide("see clause 4 -", "17") == .space)
    }

    @Test("Dehyphenator vocabulary leaves out both halves of a break and reads any script")
    func dehyphenatorVocabulary() {
        // "paid" only ever starts the line after a break: it is not learnt as a word
        #expect(Dehyphenator(lines: ["the fee is pre-", "paid now"]).decide("the fee is pre-", "paid now") == .join)
        #expect(Dehyphenator(lines: ["paid in full", "the fee is pre-", "paid now"]).decide("the fee is pre-", "paid now") == .keepHyphen)
        // the last token of a broken line is not learnt either
        #expect(Dehyphenator(lines: ["the interest-", "x y"]).decide("a non-", "interest payment") == .join)
        #expect(Dehyphenator(lines: ["the interest paid"]).decide("a non-", "interest payment") == .keepHyphen)
        // compounds with non-ASCII letters, lower-cased, across tabs and other spaces
        let d = Dehyphenator(lines: ["die \u{00DC}ber-Wachung\tl\u{00E4}uft\u{2003}weiter"])
        #expect(d.decide("die \u{00DC}ber-", "wachung ist") == .keepHyphen)
        #expect(d.decide("sie l\u{00E4}u-", "ft") == .join)
    }

    @Test("a number glued to its text is spaced apart", arguments: [
        ("4.2Text", "4.2 Text"), ("  4.2Text", "  4.2 Text"), ("4.2 Text", "4.2 Text"), ("4.Text", "4.Text"),
        ("42Text", "42Text"), ("4.2text", "4.2text"), ("Text 4.2", "Text 4.2"), ("4.2", "4.2"), ("", ""),
        ("4.2\u{00C9}tat", "4.2 \u{00C9}tat"), ("4.2\u{0301}Text", "4.2\u{0301}Text"), ("4.2T\u{0301}ext", "4.2 T\u{0301}ext"),
        (".5Million", ".5 Million"), ("1.2.3Scope", "1.2.3 Scope"),
    ])
    func spacedNumbers(text: String, expected: String) {
        #expect(PDFLayout.spaced(text) == expected)
    }

    @Test("running header and page numbers are removed and reported")
    func furniture() throws {
        let document = try readPDF("contract.pdf")
        let furniture = document.metadata.furniture
        #expect(furniture.count == 2)
        let header = try #require(furniture.first { $0.place == .header })
        #expect(header.text == "Business Associate Agreement \u{2013} Confidential")
        #expect(header.pages == [1, 2, 3])
        let number = try #require(furniture.first { $0.place == .pageNumber })
        #expect(number.text == "Page 1 of 3")
        #expect(number.pages == [1, 2, 3])
        let body = document.blocks.map(\.text).joined(separator: "\n")
        #expect(!body.contains("Confidential"))
        #expect(!body.contains("Page 2 of 3"))
    }

    @Test("page-number patterns")
    func pageNumbers() {
        for s in ["3", "- 3 -", "Page 3", "Page 3 of 6", "page 12 of 40", "3 / 6", "\u{2013} 4 \u{2013}", "[7]"] {
            #expect(PDFFurniture.isPageNumber(s), "\(s)")
        }
        for s in ["3.", "1.1", "Page three", "45 CFR", "(a)", "Section 3", ""] {
            #expect(!PDFFurniture.isPageNumber(s), "\(s)")
        }
        #expect(PDFFurniture.normalise(" Page  12 of 40 ") == "Page # of #")
    }

    @Test("footnotes go after the body with their number")
    func footnote() throws {
        let blocks = try readPDF("contract.pdf").blocks
        let notes = blocks.filter { $0.kind == .footnote }
        #expect(notes.count == 1)
        #expect(notes.first?.note == "1")
        #expect(notes.first?.text == "Registered in the State of Oregon under number 123456.")
        #expect(notes.first?.page == 1)
        #expect(blocks.last?.kind == .footnote)
    }

    @Test("blocks carry pages and boxes; paragraphs continue across page breaks")
    func pages() throws {
        let blocks = try readPDF("contract.pdf").blocks.filter { $0.kind != .footnote }
        var last = 1
        for b in blocks {
            let page = try #require(b.page)
            #expect(page >= last)
            last = page
            #expect(b.source.page == page)
            let box = try #require(b.source.box)
            #expect(box.x >= 0 && box.y >= 0 && box.width > 0 && box.height > 0)
            #expect(box.x + box.width <= 397 && box.y + box.height <= 596)
        }
        #expect(blocks.first { $0.label == "(b)" }?.page == 2)
        // 3.2(b) starts on page 2 and ends on page 3
        let crossing = try #require(blocks.first { $0.text.hasPrefix("a repeated failure") })
        #expect(crossing.page == 2)
        #expect(crossing.text.hasSuffix("notwithstanding written notice and a reasonable opportunity to cure;"))
        #expect(blocks.first { $0.text.hasPrefix("any non-compliance") }?.page == 3)
    }

    @Test("golden dump of the contract")
    func golden() throws {
        assertGolden(try readPDF("contract.pdf").dump(), named: "pdf-contract.dump")
    }

    @Test("encrypted: password required, wrong, right; owner password only opens")
    func passwords() throws {
        let data = try pdfFixture("encrypted.pdf")
        #expect(failure(data) == .passwordRequired)
        #expect(failure(data, password: "") == .passwordRequired)
        #expect(failure(data, password: "wrong") == .wrongPassword)
        let opened = try readPDF("encrypted.pdf", password: "secret")
        let plain = try readPDF("contract.pdf")
        #expect(opened.blocks == plain.blocks)
        #expect(opened.metadata.furniture == plain.metadata.furniture)
        let ownerOnly = try readPDF("owner-only.pdf")
        #expect(ownerOnly.blocks == plain.blocks)
    }

    @Test("a PDF of images only is reported as scanned")
    func scanned() throws {
        #expect(failure(try pdfFixture("scanned.pdf")) == .scanned(pages: 1))
    }

    @Test("more pages than --max-pages")
    func pageLimit() throws {
        #expect(
            failure(try pdfFixture("contract.pdf"), maxPages: 2)
                == .limitExceeded(what: "the page count (3)", limit: "2 pages", flag: "--max-pages"))
        #expect(failure(try pdfFixture("contract.pdf"), maxPages: 3) == nil)
    }

    @Test("damaged files: garbage, truncated, no pages")
    func corrupt() throws {
        func isCorrupt(_ reason: ReadError.Reason?) -> Bool {
            if case .corrupt = reason { return true }
            return false
        }
        #expect(isCorrupt(failure(Data("%PDF-1.7\n\u{1}\u{2}garbage garbage garbage\n".utf8))))
        #expect(isCorrupt(failure(Data("%PDF-".utf8))))
        let full = try pdfFixture("contract.pdf")
        for size in [100, 2_000, 20_000] {
            #expect(isCorrupt(failure(full.prefix(size))), "truncated to \(size)")
        }
        var noPages = Data("%PDF-1.4\n".utf8)
        let o1 = noPages.count
        noPages.append(Data("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n".utf8))
        let o2 = noPages.count
        noPages.append(Data("2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n".utf8))
        let xref = noPages.count
        noPages.append(Data(String(format: "xref\n0 3\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n", o1, o2).utf8))
        noPages.append(Data("trailer << /Size 3 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8))
        #expect(isCorrupt(failure(noPages)))
    }

    @Test("the text and JSON forms render")
    func renders() throws {
        let document = try readPDF("contract.pdf")
        let json = try DocumentJSON.encode(document)
        #expect(json.contains("\"box\""))
        #expect(json.contains("\"furniture\""))
    }
}
