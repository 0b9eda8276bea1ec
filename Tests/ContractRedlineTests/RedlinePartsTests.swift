import ContractModel
import Foundation
import Testing

@testable import ContractRedline

/// The pure pieces: numbers in the contract's own style, dates, the library's words in the contract's names.
@Suite struct RedlinePartsTests {
    @Test func newNumbersFollowTheLabel() {
        #expect(ClauseLabel.renumber("8.", path: ["8"], to: ["9"]) == "9.")
        #expect(ClauseLabel.renumber("8.8", path: ["8", "8"], to: ["9", "1"]) == "9.1")
        #expect(ClauseLabel.renumber("Section 8.08", path: ["8", "8"], to: ["9", "1"]) == "Section 9.01")
        #expect(ClauseLabel.renumber("Section 8.12", path: ["8", "12"], to: ["9", "1"]) == "Section 9.1")
        #expect(ClauseLabel.renumber("ARTICLE VIII", path: ["8"], to: ["9"]) == "ARTICLE IX")
        #expect(ClauseLabel.renumber("Article iv", path: ["4"], to: ["5"]) == "Article v")
        #expect(ClauseLabel.renumber("23.", path: ["23"], to: ["24"]) == "24.")
        #expect(ClauseLabel.renumber("§ 7", path: ["7"], to: ["8"]) == "§ 8")
        #expect(ClauseLabel.renumber("7(b)", path: ["7", "b"], to: ["7", "c"]) == "7(c)")
        #expect(ClauseLabel.renumber("Definitions", path: ["8"], to: ["9"]) == nil)
    }

    @Test func dates() {
        #expect(RedlineDate.parse("2026-11-02") == "2026-11-02T00:00:00Z")
        #expect(RedlineDate.parse("2026-11-02T14:30:05Z") == "2026-11-02T14:30:05Z")
        #expect(RedlineDate.parse("2026-13-02") == nil)
        #expect(RedlineDate.parse("yesterday") == nil)
        #expect(RedlineDate.parse("2026-11-02T14:30") == nil)
        let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z
        #expect(RedlineDate.parse("today", now: now) == "2026-09-21T00:00:00Z")
        #expect(RedlineDate.parse("now", now: now) == "2026-09-21T14:13:20Z")
        #expect(RedlineDate.fixed == "2000-01-01T00:00:00Z")
    }

    @Test func libraryLanguageInTheContractsNames() {
        let wording = RedlineWording(vendor: "Supplier", customer: "Client")
        #expect(
            wording.inContractTerms("Business Associate shall notify Covered Entity; Business Associate's subcontractors and Business Associates")
                == "Supplier shall notify Client; Supplier's subcontractors and Business Associates")
        #expect(RedlineWording(vendor: nil, customer: "Covered Entity").inContractTerms("Covered Entity") == "Covered Entity")
    }

    @Test func ids() {
        var marks = RevisionMarks(author: "Dana Whitfield", date: RedlineDate.fixed, used: [0, 5, 7])
        #expect(marks.initials == "DW")
        #expect(marks.id() == "8")
        #expect(marks.id() == "9")
        let used = RevisionMarks.usedIDs(in: [Data(#"<w:ins w:id="12" w:author="x"/><w:bookmarkStart w:id="40" w:name="a"/><r Id="rId3"/>"#.utf8)])
        #expect(used == [12, 40])
        var crowded = RevisionMarks(author: "x", date: RedlineDate.fixed, used: [1, 2, Int(Int32.max)])
        #expect(crowded.id() == "3")
    }

    @Test func headingsFromTitles() {
        #expect(RedlineAsk.headingCase("No training on PHI or customer data") == "No Training on PHI or Customer Data")
    }
}
