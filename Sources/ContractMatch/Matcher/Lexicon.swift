import ContractModel
import Foundation

/// The library's concepts compiled for one contract. Patterns may name the
/// contract's own words: `{vendor}` and `{customer}` (the parties' names and
/// role words), `{data}` (terms the contract defines to include PHI, such as
/// "Client Data") and `{defined:NAME}` (every term the contract defines with
/// words of concept NAME: a "Downstream Processor" defined as a third party
/// that handles PHI reads as a subprocessor).
final class Lexicon: @unchecked Sendable {
    /// Concepts every library has without defining them.
    static let builtIn: Set<String> = ["vendor", "customer", "data"]

    /// Each concept compiled for this contract, by slot (nil until first needed).
    private var compiled: [CompiledConcept?]
    private let concepts: [String: [String]]
    /// What each placeholder becomes: its names as an alternation.
    private let placeholders: [String: String]
    /// The names each of `{vendor}`, `{customer}` and `{data}` stands for.
    private let names: [String: [String]]
    /// The contract's definitions in its body (for `{defined:NAME}`, and for the
    /// sentences that use a defined term), each definition read once.
    let definitions: [(term: String, definition: ReadText)]
    private var expanding: Set<String> = []

    /// Each concept's slot in a `ReadText`'s answers.
    private let slots: [String: Int]

    init(concepts: [String: [String]], parties: PartyLexicon, dataTerms: [String], definitions: [(String, String)] = []) {
        self.concepts = concepts
        self.definitions = definitions.map { (term: $0.0, definition: ReadText($0.1)) }
        slots = Dictionary(uniqueKeysWithValues: Set(concepts.keys).union(Self.builtIn).sorted().enumerated().map { ($1, $0) })
        compiled = Array(repeating: nil, count: slots.count)
        let dataNames = PartyLexicon.longestFirst(dataTerms + ["protected health information", "phi", "ephi", "electronic protected health information"])
        names = ["{vendor}": parties.vendorNames, "{customer}": parties.customerNames, "{data}": dataNames]
        placeholders = names.mapValues(PartyLexicon.alternation)
    }

    /// Substitutes harmless stand-ins for placeholders, to check a pattern compiles.
    static func expandForValidation(_ pattern: String) -> String {
        guard pattern.utf8.contains(UInt8(ascii: "{")) else { return pattern }
        var expanded = pattern
        for name in builtIn { expanded = expanded.replacingOccurrences(of: "{\(name)}", with: name) }
        return expanded.replacingOccurrences(of: #"\{defined:[a-z0-9-]+\}"#, with: "defined", options: .regularExpression)
    }

    /// Concept `name` for this contract: its patterns, placeholders filled in, with
    /// their prefilters (the regexes are compiled when a text first needs them).
    private func concept(_ name: String) -> CompiledConcept? {
        key(name).flatMap(concept)
    }

    private func concept(_ key: Key) -> CompiledConcept? {
        if let cached = compiled[key.slot] { return cached }
        let name = key.name
        let patterns = Self.builtIn.contains(name) ? ["{\(name)}"] : concepts[name] ?? []
        guard !patterns.isEmpty else { return nil }
        let template = Self.shared.template(name, patterns, hasPlaceholder: Self.hasPlaceholder)
        let concept: CompiledConcept
        if template.isShared, let base = template.base {
            concept = base
        } else {
            let own = template.patterns.indices.compactMap { i -> ConceptPattern? in
                guard template.shared[i] == nil else { return nil }
                let expanded = expand(template.patterns[i])
                return Self.shared.contractPattern(expanded) {
                    // a prefilter that holds for every contract, else the names the pattern begins with
                    let known = template.prefilters[i] ?? template.leading[i].flatMap { names[$0] }.flatMap {
                        LiteralPrefilter(literals: $0, wordStart: true)
                    }
                    return ConceptPattern(expanded, prefilter: known, mayBeWords: template.mayBeWords(i, names: names))
                }
            }
            concept = Self.shared.concept(template, own: own)
        }
        compiled[key.slot] = concept
        return concept
    }

    /// Whether `pattern` has a placeholder: a `{` before a letter (`{0,3}` is a repetition).
    private static func hasPlaceholder(_ pattern: String) -> Bool {
        var afterBrace = false
        for byte in pattern.utf8 {
            if afterBrace, byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") { return true }
            afterBrace = byte == UInt8(ascii: "{")
        }
        return false
    }

    /// `pattern` with this contract's names and defined terms for its placeholders.
    private func expand(_ pattern: String) -> String {
        var expanded = pattern
        for (key, value) in placeholders { expanded = expanded.replacingLiteral(key, with: value) }
        while Self.hasPlaceholder(expanded), let range = Self.definedPlaceholder.firstRange(in: expanded) {
            let inner = String(expanded[range].dropFirst("{defined:".count).dropLast())
            expanded.replaceSubrange(range, with: definedTerms(of: inner))
        }
        return expanded
    }

    /// The compiled regex of `name`.
    func regex(_ name: String) -> NSRegularExpression? {
        concept(name)?.regex
    }

    private static let definedPlaceholder = Pattern(#"\{defined:([a-z0-9-]+)\}"#)
    /// Concept templates, patterns and concepts shared between contracts (and threads):
    /// compiling is the costly part of matching, and most patterns read the same in
    /// every contract.
    private static let shared = ConceptCache()

    /// An alternation of the terms whose definitions mention `concept` (never matching when none do).
    private func definedTerms(of concept: String) -> String {
        guard !expanding.contains(concept) else { return "(?!)" }
        expanding.insert(concept)
        defer { expanding.remove(concept) }
        let terms = definitions.filter { mentions(concept, in: $0.definition) }.map(\.term)
        guard !terms.isEmpty else { return "(?!)" }
        return "(?:" + terms.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")"
    }

    /// The last text folded: the readers ask about one sentence many times in a row.
    private var folded: (text: String, folded: FoldedText?) = ("", nil)

    private func fold(_ text: String) -> FoldedText? {
        if folded.text != text || folded.folded == nil { folded = (text, FoldedText(text)) }
        return folded.folded
    }

    /// Where concept `name` occurs in `text` (UTF-16 offsets).
    ///
    /// The regex that finds them is the alternation of the concept's patterns that
    /// occur in the text, in the library's order: a pattern that matches nowhere in
    /// it changes no match of the whole alternation. Often that is one pattern, or
    /// patterns that read the same in every contract, already compiled.
    func occurrences(of name: String, in text: String) -> [NSRange] {
        let question = Question(concept: name, text: text)
        if let known = found[question] { return known }
        let ranges = findOccurrences(of: name, in: text)
        found[question] = ranges
        return ranges
    }

    /// Occurrences already found: a sentence quoted as evidence is highlighted for every rule it decided.
    private var found: [Question: [NSRange]] = [:]

    private func findOccurrences(of name: String, in text: String) -> [NSRange] {
        guard mentions(name, in: text), let concept = concept(name) else { return [] }
        let length = NSRange(location: 0, length: (text as NSString).length)
        func all(_ regex: NSRegularExpression?) -> [NSRange] {
            regex?.matches(in: text, range: length).map(\.range) ?? []
        }
        guard let folded = fold(text) else { return all(concept.regex) }
        var present: [ConceptPattern] = []
        // no occurrence begins before the first place a present pattern's prefilter allows
        var earliest = length.length
        for pattern in concept.patterns {
            guard let start = pattern.earliestStart(in: folded) else { continue }
            let found: Bool
            if let words = pattern.words, let decided = words.matches(folded) {
                found = decided
            } else {
                guard let regex = pattern.regex else { return all(concept.regex) }
                found = regex.firstMatch(in: text, from: start, length: length.length) != nil
            }
            if found {
                present.append(pattern)
                earliest = min(earliest, start)
            }
        }
        guard !present.isEmpty else { return [] }
        return Self.shared.alternation(present)?.matches(in: text, from: earliest, length: length.length).map(\.range) ?? []
    }

    /// Answers already given for this contract: the rules ask about the same
    /// words (a predicate's subject and action, a definition) again and again.
    private var answers: [Question: Bool] = [:]

    private struct Question: Hashable {
        var concept: String
        var text: TextKey

        init(concept: String, text: String) {
            self.concept = concept
            self.text = TextKey(text)
        }
    }

    func mentions(_ name: String, in text: String) -> Bool {
        let question = Question(concept: name, text: text)
        if let known = answers[question] { return known }
        let answer = answer(name, in: text)
        answers[question] = answer
        return answer
    }

    /// The contract's texts already read, by their words: a contract repeats
    /// sentences and headings, and each is read once.
    private var texts: [TextKey: ReadText] = [:]

    /// `text` as the matcher reads it, shared by every place the contract repeats it.
    func read(_ text: String) -> ReadText {
        let key = TextKey(text)
        if let known = texts[key] { return known }
        let read = ReadText(text)
        texts[key] = read
        return read
    }

    /// A concept looked up once: its name and its slot in a `ReadText`'s answers.
    struct Key {
        let name: String
        fileprivate let slot: Int
    }

    /// The key of concept `name`; nil for a name that is no concept (it mentions nothing,
    /// as `concept(_:)` finds no pattern for it).
    func key(_ name: String) -> Key? {
        slots[name].map { Key(name: name, slot: $0) }
    }

    /// Whether `text` mentions concept `name`, answered once per text and concept.
    func mentions(_ name: String, in text: ReadText) -> Bool {
        guard let key = key(name) else { return false }
        return mentions(key, in: text)
    }

    /// Whether `text` mentions the concept of `key`: a caller asking about many texts
    /// looks the concept up once.
    func mentions(_ key: Key, in text: ReadText) -> Bool {
        if text.answers.isEmpty { text.answers = [UInt8](repeating: 0, count: slots.count) }
        switch text.answers[key.slot] {
        case 1: return false
        case 2: return true
        default:
            let answer = answer(key, in: text.text, folded: text.folded)
            text.answers[key.slot] = answer ? 2 : 1
            return answer
        }
    }

    private func answer(_ name: String, in text: String) -> Bool {
        guard let key = key(name) else { return false }
        return answer(key, in: text, folded: fold(text))
    }

    /// The answer for `text`, whose folded bytes (`FoldedText(text)`) are `folded`:
    /// the concept's plain words are looked up in the bytes, and only the patterns
    /// that are more than words, and whose own prefilters pass, go to their regexes.
    /// The same answer as the whole concept's regex, which decides alone for a text
    /// that cannot be folded.
    private func answer(_ key: Key, in text: String, folded: @autoclosure () -> FoldedText?) -> Bool {
        guard let concept = concept(key) else { return false }
        // most texts are ruled out by the prefilter: the UTF-16 length only when a regex runs
        lazy var whole = NSRange(location: 0, length: (text as NSString).length)
        func wholeRegex() -> Bool { concept.regex?.firstMatch(in: text, range: whole) != nil }
        guard let folded = folded() else { return wholeRegex() }
        if !concept.mayMatch(folded) { return false }
        let parts = concept.parts
        for words in parts.words {
            guard let found = words.matches(folded) else { return wholeRegex() }
            if found { return true }
        }
        for pattern in parts.others {
            guard let start = pattern.earliestStart(in: folded) else { continue }
            guard let regex = pattern.regex else { return wholeRegex() }
            if regex.firstMatch(in: text, from: start, length: whole.length) != nil { return true }
        }
        return false
    }
}
