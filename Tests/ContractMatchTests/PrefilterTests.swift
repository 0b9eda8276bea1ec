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

    /// A text is first looked through as bytes, then folded only when that finds an anchor
    /// or other characters: the same answer as folding it at once.
    @Test func bytesFirstGiveTheFoldedAnswer() throws {
        let patterns = [
            "notif(?:y|ication)", "business associate|vendor", "§ ?\\d+", "(?:sub-?)?contractors?", "third part(?:y|ies)",
            "\\b(?:sections?|clauses?|§)\\s*\\d", "data", "approved (?:third part(?:y|ies)|vendors?) that",
        ]
        let texts = [
            "", "Vendor shall Notify the Customer", "a prenotification", "NOTIFY", "see § 4", "see §4.2 and Section 5",
            "sub-contractor", "subcontractors", "the Subcontractor's", "\u{17F}ection 4", "\u{212A}elvin data", "caf\u{E9} vendor",
            "Caf\u{E9}", "x-vendor", "_vendor", "9vendor", "vendor", "THIRD PARTY", "third-party", "approved vendors that",
            "\u{201C}Vendor\u{201D}", "data\u{301}", "d\u{E4}ta", "Data", "metadata", "a\r\nvendor",
        ]
        for pattern in patterns {
            for wordStart in [false, true] {
                let filter = try #require(LiteralPrefilter(pattern: pattern, wordStart: wordStart))
                for text in texts {
                    let folded = FoldedText(text).map { filter.mayMatch($0) } ?? true
                    #expect(filter.mayMatch(text) == folded, "\(pattern) \(wordStart) \(text.debugDescription)")
                    #expect(filter.mayMatch(Substring(text)) == folded)
                }
            }
        }
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

    /// Past its first words, a pattern's later literals rule out a text that has the first but not the rest.
    @Test func readsTheLiteralsEveryMatchHoldsFurtherOn() throws {
        let patterns = [
            "(?:approved|permitted|authori[sz]ed) third part(?:y|ies)",
            "(?:vendors?|contractors?) (?:that|which|who) (?:will |may )?(?:process|handle)",
            "use[sd]?,? (?:and/or|and|or) (?:further )?(?:disclos|shar)\\w*",
            "make .{0,60}available .{0,40}for (?:review|inspection|audit)",
            "(?:two|three) times the (?:fees|amounts?)",
            "notif(?:y|ication)+ of",
        ]
        let texts = [
            "only approved third parties", "an approved vendor", "Authorized Third Party", "authorised third-party",
            "vendors that will process data", "vendors that sell", "contractors who handle PHI", "a contractor that",
            "uses and discloses PHI", "use, or share", "use and further disclose", "use of the data",
            "make its books available to the Secretary for review", "make records available", "three times the fees",
            "two times the amount", "two times a day", "notifyy of", "notification of breach", "notify Customer",
        ]
        var ruledOut = 0
        for pattern in patterns {
            let filter = try #require(LiteralPrefilter(pattern: pattern, wordStart: true))
            let regex = try regex(pattern)
            for text in texts {
                let may = filter.mayMatch(text)
                if matches(regex, text) { #expect(may, "\(pattern) \(text)") }
                if !may { ruledOut += 1 }
            }
        }
        // the starts alone would let these through: "an approved vendor", "vendors that sell", "make records available" ...
        #expect(!(try #require(LiteralPrefilter(pattern: patterns[0], wordStart: true))).mayMatch("an approved vendor"))
        #expect(!(try #require(LiteralPrefilter(pattern: patterns[1], wordStart: true))).mayMatch("vendors that sell"))
        #expect(!(try #require(LiteralPrefilter(pattern: patterns[3], wordStart: true))).mayMatch("make records available"))
        #expect(ruledOut > 0)
        // what the reader does not know gives no clauses
        #expect(RequiredLiterals(pattern: "(?i)abc def") == nil)
        #expect(RequiredLiterals(pattern: "(abc) \\1 def") == nil)
        #expect(RequiredLiterals(pattern: "[[a-z]&&[^x]]bc def") == nil)
        #expect(RequiredLiterals(pattern: "ab") == nil)
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

    /// A concept is read pattern by pattern (a prefilter and words for each, a regex
    /// for those that are more than words): the combined reading must answer as the
    /// concept's whole regex does, on every sample sentence.
    @Test func aConceptReadPatternByPatternAnswersAsItsWholeRegex() throws {
        let texts = try sampleSentences() + ["Models are \u{FB01}ne-tuned on PHI.", "a material breach of this Agreement", ""]
        // with the sample's own parties too: their names fill the placeholders, and begin
        // the matches of patterns such as "{vendor} shall ..."
        let parties = PartyLexicon(parties: [
            .init(name: "Acme Scribe AI, Inc.", aliases: ["Business Associate"], role: .businessAssociate),
            .init(name: "Riverbend Health System", aliases: ["Covered Entity"], role: .coveredEntity),
        ])
        for lexicon in [
            Lexicon(concepts: builtInLibrary.concepts, parties: PartyLexicon(), dataTerms: ["Client Data"]),
            Lexicon(concepts: builtInLibrary.concepts, parties: parties, dataTerms: ["Covered Entity Data"]),
        ] {
            try answersAsTheWholeRegex(lexicon, texts)
        }
    }

    private func answersAsTheWholeRegex(_ lexicon: Lexicon, _ texts: [String]) throws {
        var matched = 0
        for name in builtInLibrary.concepts.keys.sorted() + ["vendor", "customer", "data"] {
            let whole = try #require(lexicon.regex(name), "\(name)")
            // the regex as written at first: case-insensitive as a whole
            let patterns = name == "vendor" || name == "customer" || name == "data" ? ["{\(name)}"] : builtInLibrary.concepts[name]!
            let expanded = patterns.map { "(?:\($0))" }.joined(separator: "|")
            let caseless = expanded.contains("{") ? nil : try regex(expanded)
            for text in texts {
                let expected = matches(whole, text)
                if let caseless { #expect(matches(caseless, text) == expected, "concept \(name) on: \(text)") }
                #expect(lexicon.mentions(name, in: lexicon.read(text)) == expected, "concept \(name) on: \(text)")
                #expect(lexicon.mentions(name, in: text) == expected, "concept \(name) on: \(text)")
                if expected { matched += 1 }
            }
        }
        #expect(matched > 500)
        #expect(!lexicon.mentions("no-such-concept", in: lexicon.read("anything")))
        // one text, read once however often the contract repeats it
        #expect(lexicon.read("Vendor shall notify.") === lexicon.read("Vendor shall notify."))
    }

    /// A pattern naming the parties gets, once per process, a prefilter that holds
    /// whatever names a contract fills in: read with its placeholders standing for any
    /// text, or, when every match begins with one placeholder, that side's names.
    @Test func placeholderPatternsGetPrefiltersThatHoldForEveryContract() throws {
        let template = ConceptTemplate(
            ["{vendor} shall notify", "{vendor}|the vendor", "{vendor}? shall", "notice to {customer}", "x{0,3} \\{data}"],
            serial: 0, hasPlaceholder: { $0.contains("{") }, cache: ConceptCache())
        #expect(template.leading == ["{vendor}", nil, nil, nil, nil])
        #expect(template.prefilters[0] == nil)
        #expect(template.prefilters[3]?.mayMatch("a notice to Acme") == true)
        #expect(template.prefilters[3]?.mayMatch("a notification") == false)
        #expect(ConceptTemplate.filling("{customer} x{0,3} {defined:third-party} \\{vendor}", with: "_") == "_ x{0,3} _ \\{vendor}")
    }

    /// Concept regexes are case-insensitive only inside the words (`(?i:...)`), not in the
    /// `\w` and `[\w-]` around them: those classes must hold the same characters either
    /// way. Only a character with a case mapping could be added by closing a class over case.
    @Test func wordClassesAreTheSameWithAndWithoutCase() throws {
        let pairs = try [#"^[\w-]$"#, #"^\w$"#].map {
            (try NSRegularExpression(pattern: $0, options: [.caseInsensitive]), try NSRegularExpression(pattern: $0))
        }
        var checked = 0
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let p = scalar.properties
            guard p.changesWhenCaseMapped || p.changesWhenCaseFolded || p.isCased || p.isCaseIgnorable else { continue }
            let text = String(scalar)
            for (caseless, cased) in pairs {
                #expect(matches(caseless, text) == matches(cased, text), "U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        #expect(checked > 4000)
    }

    /// The prefilter and words of an alternation, made from its alternatives', are the alternation's own
    /// (the alternation's prefilter may be stricter: it also reads the literals its matches hold further on).
    @Test func alternativesCombineAsTheirAlternation() throws {
        let texts = try sampleSentences()
        for (name, patterns) in builtInLibrary.concepts.sorted(by: { $0.key < $1.key }) {
            let alternatives = patterns.map { Lexicon.expandForValidation("(?:\($0))") }
            let joined = alternatives.joined(separator: "|")
            let whole = LiteralPrefilter(pattern: joined, wordStart: true)
            let combined = LiteralPrefilter(anyOf: alternatives.map { LiteralPrefilter(pattern: $0, wordStart: true) }, wordStart: true)
            #expect((whole == nil) == (combined == nil), "concept \(name)")
            let words = alternatives.map { WordLiterals(pattern: $0) }
            let allWords = words.allSatisfy { $0 != nil } ? WordLiterals(anyOf: words.compactMap { $0 }) : nil
            #expect((WordLiterals(pattern: joined) == nil) == (allWords == nil), "concept \(name)")
            for text in texts {
                if let whole, let combined, whole.mayMatch(text) { #expect(combined.mayMatch(text), "concept \(name) on: \(text)") }
                if let allWords, let folded = FoldedText(text) {
                    #expect(allWords.matches(folded) == WordLiterals(pattern: joined)?.matches(folded), "concept \(name) on: \(text)")
                }
            }
        }
    }

    private func sampleSentences() throws -> [String] {
        let samples = matchRepoRoot.appendingPathComponent("samples")
        var texts: [String] = []
        for name in ["acme-scribe-baa.txt", "bluepeak-chat-addendum.md"] {
            let text = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
            texts += text.split(whereSeparator: { $0 == "." || $0 == "\n" }).map(String.init)
        }
        return texts
    }

    /// A search that starts where the prefilter says a match may first begin, seeing the
    /// text before it, finds exactly the matches of a search of the whole text: with
    /// look-behinds that reach before that place, and characters before it that take
    /// more bytes than UTF-16 units.
    @Test func searchingFromTheEarliestStartFindsEveryMatch() throws {
        let patterns = [
            "notif(?:y|ication)", "business associate|vendor", "(?<!not )train(?:s|ed|ing)?", "(?<!cure )(?:material )?breach",
            "\\b(?:sections?|clauses?)\\s*\\d", "third part(?:y|ies)", "data(?= use)",
        ]
        let texts = [
            "Vendor shall notify", "do not train on data, and may train models", "not trained, but training is allowed",
            "caf\u{E9} vendor shall notify the caf\u{E9}", "\u{1F600} vendor \u{1F600} vendor", "\u{201C}Vendor\u{201D} may train",
            "cure breach, then a material breach", "a cure material breach", "see Section 4 and clause 5", "sections4",
            "third-party and third parties", "x-vendor vendor", "data and data use", "prenotification, notification",
            "\u{FB01}ne vendor", "r\u{E9}sum\u{E9} not train train",
        ]
        var searched = 0
        for pattern in patterns {
            for wordStart in [false, true] {
                let regex = wordStart
                    ? try regex(pattern)
                    : try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                let filter = try #require(LiteralPrefilter(pattern: pattern, wordStart: wordStart))
                for text in texts {
                    let length = text.utf16.count
                    let whole = regex.matches(in: text, range: NSRange(location: 0, length: length)).map(\.range)
                    guard let start = filter.earliestStart(in: text) else {
                        #expect(whole.isEmpty, "\(pattern) ruled out \(text.debugDescription)")
                        continue
                    }
                    if let folded = FoldedText(text) { #expect(filter.earliestStart(in: folded) == start) }
                    let from = regex.matches(in: text, from: start, length: length).map(\.range)
                    #expect(from == whole, "\(pattern) from \(start) in \(text.debugDescription)")
                    #expect(regex.firstMatch(in: text, from: start, length: length)?.range == whole.first)
                    if start > 0 { searched += 1 }
                }
            }
            // `Pattern` searches from there too
            let compiled = Pattern(pattern, caseInsensitive: true)
            let plain = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            for text in texts {
                let whole = plain.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map(\.range)
                #expect(compiled.matches(in: text).map { NSRange($0.range, in: text) } == whole, "\(pattern) in \(text.debugDescription)")
                #expect(compiled.firstRange(in: text).map { NSRange($0, in: text) } == whole.first)
                #expect(compiled.lastRange(in: text).map { NSRange($0, in: text) } == whole.last)
                #expect(compiled.matches(text) == !whole.isEmpty)
            }
        }
        #expect(searched > 25)
    }

    @Test func neverRulesOutAMatchOfTheLibrarysConcepts() throws {
        let texts = try sampleSentences()
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
