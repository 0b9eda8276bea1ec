import ContractIngest
import ContractModel
import ContractSegment
import Foundation
import Testing

/// Reads `text` as a text contract and segments it.
func structure(_ text: String, name: String = "c.txt") throws -> ContractStructure {
    let document = try DocumentReader().read(Data(text.utf8), path: name)
    return try #require(Segmenter().segment(document).structure)
}

extension ContractStructure {
    /// Citations of the clauses, indented by depth.
    var outline: [String] { clauses.map { String(repeating: "  ", count: $0.depth) + $0.citation } }
}

@Suite struct ClauseTreeTests {
    @Test func decimalOutlineWithItems() throws {
        let s = try structure("""
            1. Definitions
            1.1 Terms. Words have meanings.
            1.1.1 Deep clause text.
            (a) item a
            (i) sub item
            (A) capital item
            (b) item b
            1.2 Next section text.
            2. Obligations
            2.1 Vendor shall comply.
            """)
        #expect(s.outline == [
            "1", "  1.1", "    1.1.1", "      1.1.1(a)", "        1.1.1(a)(i)", "          1.1.1(a)(i)(A)",
            "      1.1.1(b)", "  1.2", "2", "  2.1",
        ])
        let item = try #require(s.clauses.first { $0.citation == "1.1.1(a)(i)" })
        #expect(item.path == ["1", "1", "1", "a", "i"])
        #expect(item.number == "(i)")
        #expect(s.clauses[1].heading == "Terms")
        #expect(s.clauses[1].text == "Words have meanings.")
        #expect(s.clauses[0].heading == "Definitions")
        #expect(s.clauses[4].parent == 3)
    }

    @Test func articlesAndSections() throws {
        let s = try structure("""
            ARTICLE I
            DEFINITIONS

            Section 1.01 Scope. This applies.

            Section 1.02 More. Text.
            (a) first
            (b) second

            ARTICLE IV
            TERM

            Section 4.02 Term. The term is one year.
            """)
        #expect(s.outline == [
            "ARTICLE I", "  Section 1.01", "  Section 1.02", "    Section 1.02(a)", "    Section 1.02(b)", "ARTICLE IV",
            "  Section 4.02",
        ])
        #expect(s.clauses[0].heading == "DEFINITIONS")
        #expect(s.clauses[5].path == ["4"])
        #expect(s.clauses[6].path == ["4", "2"])
        #expect(s.clause(cited: "Section 4.02")?.heading == "Term")
        #expect(s.clause(cited: "4.2")?.citation == "Section 4.02")
    }

    @Test func arabicArticlesWithDecimalSections() throws {
        let s = try structure("""
            Article 1 - Definitions

            1.1 Terms. Words have meanings.

            Article 2 - Services

            2.1 Scope. Vendor provides the Services.
            (a) hosting
            """)
        #expect(s.outline == ["Article 1", "  1.1", "Article 2", "  2.1", "    2.1(a)"])
        #expect(s.clauses[2].path == ["2"])
    }

    @Test func flatNumbersAndSectionSigns() throws {
        let s = try structure("""
            1. Vendor shall comply.
            (a) first
            (b) second
            2. Customer shall pay.

            \u{00A7} 3 Notices go to the addresses below.

            4.2(b) Subcontractors are bound.
            """)
        #expect(s.outline == ["1", "  1(a)", "  1(b)", "2", "\u{00A7} 3", "4.2(b)"])
        #expect(s.clauses.last?.path == ["4", "2", "b"])
    }

    @Test func romanAfterLetterIsALetter() throws {
        let s = try structure("""
            5. Items
            (g) seventh
            (h) eighth
            (i) ninth
            (j) tenth
            6. Sub-items
            (a) first
            (i) roman one
            (ii) roman two
            (b) second
            """)
        #expect(s.outline == [
            "5", "  5(g)", "  5(h)", "  5(i)", "  5(j)", "6", "  6(a)", "    6(a)(i)", "    6(a)(ii)", "  6(b)",
        ])
    }

    @Test func numberSplitFromItsText() throws {
        // a PDF can give the number as its own line
        let s = try structure("4.2\nVendor shall report breaches.\n\n4.3\nVendor shall cooperate.\n")
        #expect(s.outline == ["4.2", "4.3"])
        #expect(s.clauses[0].text == "Vendor shall report breaches.")
    }

    @Test func partsAreKeptApart() throws {
        let s = try structure("""
            BUSINESS ASSOCIATE AGREEMENT

            This Business Associate Agreement (the "Agreement") is entered into by and between Riverbend Health System, a Texas nonprofit corporation ("Customer"), and Acme Scribe AI, Inc., a Delaware corporation ("Vendor").

            RECITALS

            A. Customer operates hospitals.

            B. The parties intend that 1. Vendor shall train models on PHI is not a term.

            NOW, THEREFORE, the parties agree as follows:

            1. Use. Vendor shall not use PHI except as permitted.

            2. Term. One year.

            IN WITNESS WHEREOF, the parties have signed this Agreement.

            By: ____________

            Name: Jane Roe

            EXHIBIT A
            SUBPROCESSORS

            1. CloudCo hosts the models.
            """)
        #expect(s.title == "BUSINESS ASSOCIATE AGREEMENT")
        let body = s.clauses.filter { $0.part == .body }.map(\.citation)
        #expect(body == ["1", "2"])
        let exhibit = s.clauses.filter { $0.part == .exhibit }
        #expect(exhibit.map(\.citation) == ["Exhibit A", "Exhibit A 1"])
        #expect(!s.clauses.contains { $0.text.contains("Customer operates") })
        #expect(s.parties == [
            Party(name: "Riverbend Health System", aliases: ["Customer"], role: .coveredEntity),
            Party(name: "Acme Scribe AI, Inc.", aliases: ["Vendor"], role: .businessAssociate),
        ])
    }

    @Test func twoInstrumentsStayDistinguishable() throws {
        let s = try structure("""
            1. Scope. Main agreement.
            2. Uses. Main uses.
            2.1 Detail of uses.

            AI DATA USE ADDENDUM

            1. Training. Vendor shall not train.
            2. Residency. United States only.
            2.1 Backups stay in the United States.
            """)
        #expect(s.clauses.map(\.citation) == ["1", "2", "2.1", "Addendum", "Addendum 1", "Addendum 2", "Addendum 2.1"])
        // without a heading, a restart at 1 still starts a new instrument
        let bare = try structure("1. A text.\n2. B text.\n3. C text.\n1. Restarted text.\n2. Again text.\n")
        #expect(bare.clauses.map(\.citation) == ["1", "2", "3", "Part 2 1", "Part 2 2"])
    }

    @Test func unnumberedHeadingsAreParents() throws {
        guard let url = sharedURL("corpus/real/hhs-sample-baa-provisions.md") else { return }
        let document = try DocumentReader().read(try Data(contentsOf: url), path: url.lastPathComponent)
        let s = try #require(Segmenter().segment(document).structure)
        let obligations = try #require(s.clauses.first { $0.heading == "Obligations and Activities of Business Associate" })
        let items = s.children(of: obligations.index)
        #expect(items.compactMap(\.number) == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)"])
        #expect(items[8].path.last == "i")
        assertSegmentGolden(s.dump(), named: "hhs-md.tree")
    }
}

@Suite struct DefinitionsAndReferencesTests {
    @Test func definedTermsAndWhatTheyInclude() throws {
        let s = try structure("""
            1. Definitions.
            1.1 "Client Data" means all Protected Health Information and other data Client provides.
            1.2 The hosted platform (the "Services") is described in the order.
            1.3 “De-identified Data” shall have the meaning given in 45 C.F.R. § 164.514.
            """)
        let terms = s.definitions.map(\.term)
        #expect(terms == ["Client Data", "Services", "De-identified Data"])
        #expect(s.definitions[0].includes.contains("protected health information"))
        #expect(s.definitions[0].clause.map { s.clauses[$0].citation } == "1.1")
    }

    /// Plain text is read scalar by scalar, other text character by character: the same terms either way.
    @Test func definedTermsReadTheSameInPlainAndOtherText() throws {
        // {w} is a word in every sentence: plain, or with a combining mark
        let clauses = [
            #"1.1 "Client Data" means {w} data. The hosted platform (the "Services") and ("Vendor") {w} apply."#,
            #"1.2 "An unclosed quote means {w} nothing. "Seven words is far too long for terms" means {w}."#,
            #"1.3 "ends." means {w}; "a, b" means y; "lower" means z; “Curly Term” means w; ‘Single’ includes v."#,
            "1.4 \"" + String(repeating: "x", count: 130) + "\" means {w} too far; \"Near\" means close.",
        ]
        var found = 0
        for clause in clauses {
            let plain = try structure(clause.replacingOccurrences(of: "{w}", with: "cafe"))
            let other = try structure(clause.replacingOccurrences(of: "{w}", with: "cafe\u{301}"))
            found += plain.definitions.count
            #expect(plain.definitions.map(\.term) == other.definitions.map(\.term), "\(clause)")
        }
        #expect(found >= 5)
        let marked = try structure("1.1 \"\u{301}Client Data\" means data.")
        #expect(marked.definitions.isEmpty)
    }

    @Test func crossReferencesResolveOrAreReported() throws {
        let s = try structure("""
            1. Scope. Subject to Article VII and as set forth in Section 9.3, Vendor shall comply with 45 C.F.R. Section 164.504.
            2. Notices. Except as provided in clause 1, notices are written.
            """)
        let refs = s.crossReferences.map { "\($0.text) -> \($0.target.map { s.clauses[$0].citation } ?? "missing")" }
        #expect(refs == ["Article VII -> missing", "Section 9.3 -> missing", "clause 1 -> 1"])
    }
}

@Suite struct SentenceSplitterTests {
    @Test func legalAbbreviations() {
        let text = "Vendor shall comply with 45 C.F.R. § 164.504(e) and 42 U.S.C. § 17934. Acme Inc. will notify, e.g. by email, i.e. promptly. Sec. 4 applies! Does it?"
        #expect(SentenceSplitter.split(text) == [
            "Vendor shall comply with 45 C.F.R. § 164.504(e) and 42 U.S.C. § 17934.",
            "Acme Inc. will notify, e.g. by email, i.e. promptly.", "Sec. 4 applies!", "Does it?",
        ])
        #expect(SentenceSplitter.split("Notice (see Section 4. Notices. below) applies. Done.") == [
            "Notice (see Section 4. Notices. below) applies.", "Done.",
        ])
    }
}

func sharedURL(_ relative: String) -> URL? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}

func assertSegmentGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
    if record || !FileManager.default.fileExists(atPath: url.path) {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !record { Issue.record("snapshot \(name) did not exist; recorded it", sourceLocation: sourceLocation) }
        return
    }
    #expect(actual == (try? String(contentsOf: url, encoding: .utf8)), "golden \(name) differs", sourceLocation: sourceLocation)
}
