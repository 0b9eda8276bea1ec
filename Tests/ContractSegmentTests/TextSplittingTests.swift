import Testing

@testable import ContractSegment

/// Sentence and inline-heading splitting on text beyond plain ASCII.
struct TextSplittingTests {
    @Test func sentencesKeepEveryCharacter() {
        let text = "Vendor shall notify Cafe\u{301} Ltd. within 5 days.  \u{1F600} Then it ends. \u{201C}Quoted\u{201D} one.\u{2003}Last"
        // an emoji starts no sentence; an em space after a stop is no sentence break
        #expect(SentenceSplitter.split(text) == [
            "Vendor shall notify Cafe\u{301} Ltd. within 5 days.  \u{1F600} Then it ends.", "\u{201C}Quoted\u{201D} one.\u{2003}Last",
        ])
        #expect(SentenceSplitter.split("Notify Caf\u{E9}. The end.") == ["Notify Caf\u{E9}.", "The end."])
        #expect(SentenceSplitter.split("  One.  Two. ") == ["One.", "Two."])
        #expect(SentenceSplitter.split("") == [])
    }

    @Test(arguments: [
        ("Term. The term of this Agreement", "Term", "The term of this Agreement"),
        ("Confidentiality \u{2014} Vendor shall keep", "Confidentiality", "Vendor shall keep"),
        ("Caf\u{E9} Rules: the rules apply", "Caf\u{E9} Rules", "the rules apply"),
        // a combining mark: Foundation's search decides
        ("Cafe\u{301} Rules: the rules apply", "Cafe\u{301} Rules", "the rules apply"),
        ("Audit Rights - Customer may audit", "Audit Rights", "Customer may audit"),
    ])
    func inlineHeadings(text: String, heading: String, rest: String) {
        let split = InlineHeading.split(text)
        #expect(split?.heading == heading)
        #expect(split?.rest == rest)
    }

    @Test func noInlineHeading() {
        #expect(InlineHeading.split("The Vendor shall. Notify") == nil)
        #expect(InlineHeading.split("no separator here") == nil)
        #expect(InlineHeading.split("Term.") == nil)
    }
}
