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

    private var regexes: [String: NSRegularExpression] = [:]
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

    /// The compiled regex of `name`.
    func regex(_ name: String) -> NSRegularExpression? {
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
        for (key, value) in placeholders { expanded = expanded.replacingOccurrences(of: key, with: value) }
        while let range = Self.definedPlaceholder.firstRange(in: expanded) {
            let inner = String(expanded[range].dropFirst("{defined:".count).dropLast())
            expanded.replaceSubrange(range, with: definedTerms(of: inner))
        }
        // whole words, inflections allowed: "train" also reads "trains", "trained", "training"
        let regex = Self.compiled.regex(#"(?<![\w-])(?:"# + expanded + #")(?:s|es|ed|d|ing)?(?!\w)"#)
        regexes[name] = regex
        return regex
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

    /// Where concept `name` occurs in `text` (UTF-16 offsets).
    func occurrences(of name: String, in text: String) -> [NSRange] {
        guard let regex = regex(name) else { return [] }
        return regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map(\.range)
    }

    func mentions(_ name: String, in text: String) -> Bool {
        guard let regex = regex(name) else { return false }
        return regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}

/// Compiled case-insensitive regular expressions by pattern, shared between
/// contracts and threads; bounded so that contracts with their own party names
/// cannot grow it without end.
private final class RegexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: NSRegularExpression] = [:]
    private let limit = 4096

    func regex(_ pattern: String) -> NSRegularExpression? {
        if let hit = lock.withLock({ entries[pattern] }) { return hit }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        lock.withLock {
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[pattern] = regex
        }
        return regex
    }
}
