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

    private var regexes: [String: CompiledConcept] = [:]
    private let concepts: [String: [String]]
    private let placeholders: [String: String]
    /// The contract's definitions, for `{defined:NAME}`.
    private let definitions: [(term: String, definition: String)]
    private var expanding: Set<String> = []

    init(concepts: [String: [String]], parties: PartyLexicon, dataTerms: [String], definitions: [(String, String)] = []) {
        self.concepts = concepts
        self.definitions = definitions.map { (term: $0.0, definition: $0.1) }
        let data = (dataTerms + ["protected health information", "phi", "ephi", "electronic protected health information"])
            .sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        placeholders = ["{vendor}": parties.vendorPattern, "{customer}": parties.customerPattern, "{data}": "(?:\(data))"]
    }

    /// Substitutes harmless stand-ins for placeholders, to check a pattern compiles.
    static func expandForValidation(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: "{vendor}", with: "vendor").replacingOccurrences(of: "{customer}", with: "customer")
            .replacingOccurrences(of: "{data}", with: "data")
            .replacingOccurrences(of: #"\{defined:[a-z0-9-]+\}"#, with: "defined", options: .regularExpression)
    }

    /// Concept `name` for this contract: its pattern, prefilter and (once a text passes the prefilter) regex.
    private func concept(_ name: String) -> CompiledConcept? {
        if let cached = regexes[name] { return cached }
        let patterns: [String]
        switch name {
        case "vendor": patterns = ["{vendor}"]
        case "customer": patterns = ["{customer}"]
        case "data": patterns = ["{data}"]
        default: patterns = concepts[name] ?? []
        }
        guard !patterns.isEmpty else { return nil }
        var expanded = patterns.map { "(?:\($0))" }.joined(separator: "|")
        if expanded.contains("{") {
            for (key, value) in placeholders { expanded = expanded.replacingLiteral(key, with: value) }
            while let range = Self.definedPlaceholder.firstRange(in: expanded) {
                let inner = String(expanded[range].dropFirst("{defined:".count).dropLast())
                expanded.replaceSubrange(range, with: definedTerms(of: inner))
            }
        }
        let concept = Self.compiled.concept(expanded)
        regexes[name] = concept
        return concept
    }

    /// The compiled regex of `name`.
    func regex(_ name: String) -> NSRegularExpression? {
        concept(name)?.regex
    }

    private static let definedPlaceholder = Pattern(#"\{defined:([a-z0-9-]+)\}"#)
    /// Compiled patterns shared by every contract: most concepts expand the same way
    /// for all of them, and compiling is the costly part of matching.
    private static let compiled = RegexCache()

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

    private func mayMatch(_ concept: CompiledConcept, _ text: String) -> Bool {
        guard let prefilter = concept.prefilter, let folded = fold(text) else { return true }
        return prefilter.mayMatch(folded)
    }

    /// Where concept `name` occurs in `text` (UTF-16 offsets).
    func occurrences(of name: String, in text: String) -> [NSRange] {
        guard let concept = concept(name), mayMatch(concept, text), let regex = concept.regex else { return [] }
        return regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map(\.range)
    }

    /// Answers already given for this contract: the rules ask about the same
    /// words (a predicate's subject and action, a definition) again and again.
    private var answers: [Question: Bool] = [:]

    private struct Question: Hashable {
        var concept: String
        var text: String
    }

    func mentions(_ name: String, in text: String) -> Bool {
        let question = Question(concept: name, text: text)
        if let known = answers[question] { return known }
        let answer = answer(name, in: text)
        answers[question] = answer
        return answer
    }

    private func answer(_ name: String, in text: String) -> Bool {
        guard let concept = concept(name), mayMatch(concept, text) else { return false }
        // a concept of plain words is answered from the bytes
        if let words = concept.words, let folded = fold(text), let answer = words.matches(folded) { return answer }
        guard let regex = concept.regex else { return false }
        return regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}

/// A concept's expanded pattern with its prefilter; the regex is compiled on
/// first use, since most contract-specific patterns are ruled out by the prefilter.
private final class CompiledConcept: @unchecked Sendable {
    let prefilter: LiteralPrefilter?
    private let expanded: String
    private let pattern: String
    private let lock = NSLock()
    private var compiled: NSRegularExpression??
    private var literalWords: WordLiterals??

    init(expanded: String) {
        self.expanded = expanded
        prefilter = LiteralPrefilter(pattern: expanded, wordStart: true)
        // whole words, inflections allowed: "train" also reads "trains", "trained", "training"
        pattern = #"(?<![\w-])(?:"# + expanded + #")(?:s|es|ed|d|ing)?(?!\w)"#
    }

    /// The concept's words when it is nothing else, matched without the regex; read on
    /// first use (after a text passed the prefilter), since listing them can be costly.
    var words: WordLiterals? {
        lock.withLock {
            if let literalWords { return literalWords }
            let words = WordLiterals(pattern: expanded)
            literalWords = .some(words)
            return words
        }
    }

    var regex: NSRegularExpression? {
        lock.withLock {
            if let compiled { return compiled }
            let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            compiled = .some(regex)
            return regex
        }
    }
}

/// Compiled concepts by expanded pattern, shared between contracts and threads;
/// bounded so that contracts with their own party names cannot grow it without end.
private final class RegexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: CompiledConcept] = [:]
    private let limit = 4096

    func concept(_ expanded: String) -> CompiledConcept {
        lock.withLock {
            if let hit = entries[expanded] { return hit }
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            let concept = CompiledConcept(expanded: expanded)
            entries[expanded] = concept
            return concept
        }
    }
}
