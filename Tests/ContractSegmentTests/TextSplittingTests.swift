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

    /// Abbreviations are read from ASCII codes where the word before a stop is ASCII, else
    /// character by character: either way capitals fold and a letter beyond ASCII counts.
    @Test func abbreviationsInEveryCase() {
        #expect(SentenceSplitter.split("Signed by ACME CORP. Vendor agrees. Per SEC. 4 it applies. Done.") == [
            "Signed by ACME CORP. Vendor agrees.", "Per SEC. 4 it applies.", "Done.",
        ])
        #expect(SentenceSplitter.split("Ask Dr. Smith and John Q. Public. See U.S. Law. Then E.G. This.") == [
            "Ask Dr. Smith and John Q. Public.", "See U.S. Law.", "Then E.G. This.",
        ])
        // a word with a letter beyond ASCII is no abbreviation of the table; an initial is one letter of any script
        #expect(SentenceSplitter.split("Sent to Caf\u{E9}. The end. By \u{C9}. Dupont. Next.") == [
            "Sent to Caf\u{E9}.", "The end.", "By \u{C9}. Dupont.", "Next.",
        ])
    }

    /// The splitter reads ASCII byte by byte, other plain text scalar by scalar, and only finds grapheme
    /// clusters when a scalar could join its neighbour: both give the characters.
    @Test func charactersAreTheTextsGraphemeClusters() {
        let texts = [
            "Vendor shall notify Acme, Inc. within 5 days.", "Caf\u{E9} \u{201C}Quoted\u{201D} \u{2014} \u{00A7} 4.2 \u{2026}",
            "Cafe\u{301}. Next", "One.\r\nTwo.", "\u{1F600} x", "\u{1F1FA}\u{1F1F8}. US", "a\u{200D}b", "\u{0915}\u{093F}.", "",
            "\u{212A}elvin. \u{FB01}ne.", "Plain ASCII, read byte by byte.\n(a) Next", "Line.\r\n",
        ]
        for text in texts {
            let chars = SentenceSplitter.Characters(text)
            let expected = text.map { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first!.value : SentenceSplitter.Characters.joined }
            #expect(chars.codes == expected, "\(text.debugDescription)")
            var offsets = [0]
            for c in text { offsets.append(offsets.last! + c.utf8.count) }
            #expect((0...offsets.count - 1).map(chars.offset) == offsets, "\(text.debugDescription)")
            for (i, c) in text.enumerated() { #expect(chars[i] == c) }
        }
    }

    @Test func aStopJoinedToAMarkOrFollowedByCarriageReturnEndsNoSentence() {
        #expect(SentenceSplitter.split("Notify Acme.\u{301} The end.") == ["Notify Acme.\u{301} The end."])
        #expect(SentenceSplitter.split("One.\r\nTwo.") == ["One.\r\nTwo."])
        #expect(SentenceSplitter.split("One.\nTwo.") == ["One.", "Two."])
        #expect(SentenceSplitter.split("Signed by John A. Smith. Then \u{201C}Vendor.\u{201D} Next") == [
            "Signed by John A. Smith.", "Then \u{201C}Vendor.\u{201D}", "Next",
        ])
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
