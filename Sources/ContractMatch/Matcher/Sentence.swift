import ContractModel
import Foundation

/// One sentence of an operative clause, with what the readers found in it
/// (computed once, on first use).
final class Sentence {
    let clause: Clause
    /// The sentence as the contract has it (quoted as evidence).
    let text: String
    /// The text the readers see: party names replaced by their short names.
    let reading: String
    let position: Int
    private let lexicon: Lexicon
    /// The clauses this sentence's clause refers to, with the words of the reference.
    private let referenced: [(reference: String, clause: Clause)]
    /// The contract's defined terms and their definitions.
    private let definitions: [(String, String)]
    private let statements: StatementReader
    private var conceptCache: [String: Bool] = [:]
    private(set) lazy var predicates: [Predicate] = statements.predicates(in: reading)
    private(set) lazy var durations: [Duration] = DurationReader.durations(in: reading)
    private(set) lazy var softDeadlines: [String] = DurationReader.softDeadlines(in: reading)
    /// Regions named in the sentence, or in the definitions of terms it uses ("Approved Territory").
    private(set) lazy var regions: [String] = {
        var found = Set(RegionReader.regions(in: reading))
        for (term, definition) in definitions where reading.containsLiteral(term) {
            found.formUnion(RegionReader.regions(in: definition))
        }
        return found.sorted()
    }()

    init(
        clause: Clause, text: String, position: Int, lexicon: Lexicon, statements: StatementReader,
        definitions: [(String, String)], masks: [(String, String)] = [],
        referenced: [(reference: String, clause: Clause)] = []
    ) {
        self.referenced = referenced
        var reading = text
        for (name, alias) in masks { reading = reading.replacingLiteral(name, with: alias) }
        self.reading = reading
        self.clause = clause
        self.definitions = definitions
        self.text = text
        self.position = position
        self.lexicon = lexicon
        self.statements = statements
    }

    func mentions(_ concept: String) -> Bool {
        if let hit = conceptCache[concept] { return hit }
        let hit = lexicon.mentions(concept, in: reading)
        conceptCache[concept] = hit
        return hit
    }

    func headingMentions(_ concept: String) -> Bool {
        guard let heading = clause.heading else { return false }
        return lexicon.mentions(concept, in: heading)
    }

    /// Whether the clause mentions `concept`, directly or through a term it uses
    /// whose definition does ("Security Incident" defined to include AI incidents).
    func clauseMentions(_ concept: String) -> Bool {
        siblings?.mentions(concept, lexicon: lexicon, definitions: definitions) ?? mentions(concept)
    }

    /// Whether a term this sentence uses is defined with words of `concept`.
    func definitionsMention(_ concept: String) -> Bool {
        definitions.contains { term, definition in
            reading.containsLiteral(term) && !definition.containsLiteral(text) && lexicon.mentions(concept, in: definition)
        }
    }

    /// The sentences of this sentence's clause (set by the reviewer once all are made).
    weak var siblings: ClauseReading?

    func clauseSentences() -> [Sentence] {
        siblings?.members ?? [self]
    }

    /// Whether a clause this sentence refers to ("under Section 7.1") mentions `concept`.
    func referencedClausesMention(_ concept: String) -> Bool {
        referenced.contains { target in
            self.text.containsLiteral(target.reference) && lexicon.mentions(concept, in: (target.clause.heading ?? "") + " " + target.clause.text)
        }
    }

    func mentions(_ concept: String, inText other: String) -> Bool {
        lexicon.mentions(concept, in: other)
    }

    /// Where `concept` occurs in `other` (UTF-16 ranges), for highlighting the deciding words.
    func occurrences(of concept: String, inText other: String) -> [NSRange] {
        lexicon.occurrences(of: concept, in: other)
    }

    func offsets(of concept: String) -> [Int] {
        lexicon.occurrences(of: concept, in: reading).map(\.location)
    }
}

/// One clause as the matcher reads it: its sentences and, computed once for
/// all of them, the concepts its whole text mentions.
final class ClauseReading {
    var members: [Sentence] = []
    /// Heading, text and (for an item under a lead-in) the lead-in and its other
    /// items, with party names replaced by their short names.
    private let text: String
    private var cache: [String: Bool] = [:]

    init(clause: Clause, context: String, masks: [(String, String)]) {
        var text = (clause.heading ?? "") + " " + clause.text + " " + context
        for (name, alias) in masks { text = text.replacingLiteral(name, with: alias) }
        self.text = text
    }

    /// Whether the clause mentions `concept`, directly or through a term it uses
    /// whose definition does.
    func mentions(_ concept: String, lexicon: Lexicon, definitions: [(String, String)]) -> Bool {
        if let hit = cache[concept] { return hit }
        let hit = lexicon.mentions(concept, in: text)
            || definitions.contains { term, definition in text.containsLiteral(term) && lexicon.mentions(concept, in: definition) }
        cache[concept] = hit
        return hit
    }
}
