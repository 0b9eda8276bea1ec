import ContractModel
import Foundation
import Testing

@testable import ContractMatch

/// The literal prefilter only saves time: it must never rule out a text the regex would match.
struct PrefilterTests {
    private func regex(_ pattern: String) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: #"(?<![\w-])(?:"# + pattern + #")(?:s|es|ed|d|ing)?(?!\w)"#, options: [.caseInsensitive])
    }

    private func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func readsTheLiteralsEveryMatchBeginsWith() throws {
        let filter = try #require(LiteralPrefilter(pattern: "notif(?:y|ication)|(?:prompt|written) notice", wordStart: true))
        #expect(filter.mayMatch("Vendor shall Notify the Customer"))
        #expect(filter.mayMatch("after WRITTEN NOTICE to Customer"))
        #expect(!filter.mayMatch("Vendor shall report each Breach"))
        // inside a word is not the start of a match
        #expect(!filter.mayMatch("a prenotification"))
        // optional pieces, lookbehinds and never-matching branches
        let optional = try #require(LiteralPrefilter(pattern: "(?<!cure )(?:material )?breach|(?!)", wordStart: true))
        #expect(optional.mayMatch("any breach"))
        #expect(optional.mayMatch("a material breach"))
        #expect(!optional.mayMatch("a security incident"))
        // characters without case are literals; a pattern that need not begin with one has no prefilter
        #expect(LiteralPrefilter(pattern: "§ ?\\d+")?.mayMatch("see § 4") == true)
        #expect(LiteralPrefilter(pattern: "\\w+ notice") == nil)
        #expect(LiteralPrefilter(pattern: "^\\W*make") == nil)
    }

    @Test func textsWhoseCaseFoldingReachesASCIIAlwaysGoToTheRegex() throws {
        let filter = try #require(LiteralPrefilter(pattern: "fine-?tun", wordStart: true))
        // "ﬁ" folds to "fi": ICU matches it without case, a byte comparison would not
        #expect(filter.mayMatch("models are \u{FB01}ne-tuned"))
        #expect(try matches(regex("fine-?tun"), "models are \u{FB01}ne-tuned"))
    }

    @Test func plainWordsAnswerAsTheRegexDoes() throws {
        let words = try #require(WordLiterals(pattern: "train(?:s|ed|ing)?|fine-?tun(?:e|ed|ing)|model (?:weights|outputs)"))
        for (text, expected) in [
            ("Vendor shall not train models", true), ("no retraining", false), ("fine-tuned on PHI", true),
            ("the Model Weights", true), ("model weightsx", false), ("“train”", true), ("trainé", false),
            ("pre-train", false), ("x_train", false),
        ] {
            let folded = try #require(FoldedText(text))
            #expect(words.matches(folded) == expected, "\(text)")
            #expect(try matches(regex("train(?:s|ed|ing)?|fine-?tun(?:e|ed|ing)|model (?:weights|outputs)"), text) == expected, "\(text)")
        }
        #expect(WordLiterals(pattern: "\\w+ notice") == nil)
        #expect(WordLiterals(pattern: "breach(?! of this)") == nil)
    }

    @Test func neverRulesOutAMatchOfTheLibrarysConcepts() throws {
        let samples = matchRepoRoot.appendingPathComponent("samples")
        var texts: [String] = []
        for name in ["acme-scribe-baa.txt", "bluepeak-chat-addendum.md"] {
            let text = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
            texts += text.split(whereSeparator: { $0 == "." || $0 == "\n" }).map(String.init)
        }
        var checked = 0
        for (name, patterns) in builtInLibrary.concepts.sorted(by: { $0.key < $1.key }) {
            let expanded = Lexicon.expandForValidation(patterns.map { "(?:\($0))" }.joined(separator: "|"))
            let regex = try regex(expanded)
            if let words = WordLiterals(pattern: expanded) {
                for text in texts {
                    guard let folded = FoldedText(text) else { continue }
                    #expect(words.matches(folded) == matches(regex, text), "concept \(name) on: \(text)")
                }
            }
            guard let filter = LiteralPrefilter(pattern: expanded, wordStart: true) else { continue }
            for text in texts where !filter.mayMatch(text) {
                #expect(!matches(regex, text), "concept \(name) ruled out a matching text: \(text)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }
}
