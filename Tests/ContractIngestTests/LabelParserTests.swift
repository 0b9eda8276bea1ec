import Testing

@testable import ContractIngest

@Suite struct LabelParserTests {
    @Test(arguments: [
        ("4.2 Term of the agreement", "4.2", "Term of the agreement"),
        ("7. Notices", "7.", "Notices"),
        ("(b) the second item", "(b)", "the second item"),
        ("(iv) fourth", "(iv)", "fourth"),
        ("Section 4.02 Breach Notification", "Section 4.02", "Breach Notification"),
        ("SECTION 4.2. Reports", "SECTION 4.2.", "Reports"),
        ("ARTICLE IV", "ARTICLE IV", ""),
        ("Article 4 - Term", "Article 4", "- Term"),
        ("\u{00A7} 4.1 Scope", "\u{00A7} 4.1", "Scope"),
        ("4.2(b) Subcontractors may", "4.2(b)", "Subcontractors may"),
        ("(a)the insolvency of a party", "(a)", "the insolvency of a party"),
        ("3.The Customer shall", "3.", "The Customer shall"),
        ("a. first", "a.", "first"),
        ("IV. Remedies", "IV.", "Remedies"),
        ("b) second", "b)", "second"),
        ("1.1.3 Deep", "1.1.3", "Deep"),
        ("Exhibit A Subprocessors", "Exhibit A", "Subprocessors"),
        ("(a)(i) nested", "(a)(i)", "nested"),
    ])
    func splitsLabels(line: String, label: String, rest: String) {
        let match = LabelParser.split(line)
        #expect(match?.label == label)
        #expect(match?.rest == rest)
    }

    @Test(arguments: [
        "45 CFR 164.504 applies", "2.5 hours after", "e.g. the vendor", "The vendor shall", "(the \"Agreement\")",
        "2026 was a year", "Sectional headings", "", "1,000 contracts", "164.524.", "2026. The year",
    ])
    func refusesNonLabels(line: String) {
        #expect(LabelParser.split(line) == nil)
    }

    @Test("a keyword is a whole leading word followed by a space")
    func keywords() {
        #expect(LabelParser.split("Section\u{00A0}4.2 Scope")?.label == "Section 4.2")
        #expect(LabelParser.split("Sections 4 and 5 apply") == nil)
        #expect(LabelParser.split("SECTIONAL 4") == nil)
        #expect(LabelParser.split("Part\tII") == nil)
        #expect(LabelParser.split("Part II: Terms")?.label == "Part II:")
        #expect(LabelParser.split("Sectionb 4") == nil)
    }

    @Test("a label continues the sentence after a citing word")
    func continuesSentence() {
        #expect(LabelParser.continuesSentence("as required by section", label: "6.3"))
        #expect(LabelParser.continuesSentence("notice under 45 C.F.R.", label: "164.410"))
        #expect(!LabelParser.continuesSentence("the parties agree as follows:", label: "6.3"))
        #expect(!LabelParser.continuesSentence("   ", label: "6.3"))
        #expect(LabelParser.lastWord("one two  three  ") == "three")
        #expect(LabelParser.lastWord("single") == "single")
    }
}
