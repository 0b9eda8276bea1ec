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
    /// The contract's concepts, shared by all its sentences.
    let lexicon: Lexicon
    /// `reading`, with the concepts it mentions.
    private let read: ReadText
    /// The clause's heading (one reading for all its sentences: the lexicon reads a text once).
    private let heading: ReadText?
    /// The clauses this sentence's clause refers to, with the words of the reference
    /// and the target's heading and text (read once for every sentence referring to it).
    private let referenced: [(reference: String, clause: ReadText)]
    private let statements: StatementReader
    /// What the readers found in the sentence, read on first use and shared with every
    /// sentence of the contract that reads the same.
    var predicates: [Predicate] { read.remembered(\.predicates, statements.predicates(in:)) }
    var durations: [Duration] { read.remembered(\.durations, DurationReader.durations(in:)) }
    var softDeadlines: [String] { read.remembered(\.softDeadlines, DurationReader.softDeadlines(in:)) }
    /// The definitions of the contract's terms this sentence uses.
    private lazy var usedDefinitions: [ReadText] = lexicon.definitions.filter { reading.containsLiteral($0.term) }.map(\.definition)
    /// Regions named in the sentence, or in the definitions of terms it uses ("Approved Territory").
    private(set) lazy var regions: [String] = {
        var found = Set(RegionReader.regions(in: reading))
        for definition in usedDefinitions {
            found.formUnion(RegionReader.regions(in: definition.text))
        }
        return found.sorted()
    }()

    init(
        clause: Clause, text: String, position: Int, lexicon: Lexicon, statements: StatementReader,
        masks: [(String, String)] = [], referenced: [(reference: String, clause: ReadText)] = []
    ) {
        self.referenced = referenced
        let reading = text.replacingLiterals(masks)
        self.reading = reading
        self.read = lexicon.read(reading)
        self.heading = clause.heading.map(lexicon.read)
        self.clause = clause
        self.text = text
        self.position = position
        self.lexicon = lexicon
        self.statements = statements
    }

    func mentions(_ concept: String) -> Bool {
        lexicon.mentions(concept, in: read)
    }

    func headingMentions(_ concept: String) -> Bool {
        guard let heading else { return false }
        return lexicon.mentions(concept, in: heading)
    }

    /// Whether the sentence or its clause's heading mentions one of `concepts`
    /// (looked up once in the lexicon for every sentence asked).
    func mentionsAny(_ concepts: [Lexicon.Key]) -> Bool {
        concepts.contains { key in
            if lexicon.mentions(key, in: read) { return true }
            guard let heading else { return false }
            return lexicon.mentions(key, in: heading)
        }
    }

    /// Whether the clause mentions `concept`, directly or through a term it uses
    /// whose definition does ("Security Incident" defined to include AI incidents).
    func clauseMentions(_ concept: String) -> Bool {
        siblings?.mentions(concept) ?? mentions(concept)
    }

    /// Whether a term this sentence uses is defined with words of `concept`.
    func definitionsMention(_ concept: String) -> Bool {
        usedDefinitions.contains { definition in
            !definition.text.containsLiteral(text) && lexicon.mentions(concept, in: definition)
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
            self.text.containsLiteral(target.reference) && lexicon.mentions(concept, in: target.clause)
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
    private let read: ReadText
    private let lexicon: Lexicon
    /// The definitions of the contract's terms the clause uses.
    private var usedDefinitions: [ReadText]?

    init(clause: Clause, context: String, masks: [(String, String)], lexicon: Lexicon) {
        let text = ((clause.heading ?? "") + " " + clause.text + " " + context).replacingLiterals(masks)
        read = lexicon.read(text)
        self.lexicon = lexicon
    }

    /// Whether the clause mentions `concept`, directly or through a term it uses
    /// whose definition does.
    func mentions(_ concept: String) -> Bool {
        if lexicon.mentions(concept, in: read) { return true }
        if usedDefinitions == nil {
            usedDefinitions = lexicon.definitions.filter { read.text.containsLiteral($0.term) }.map(\.definition)
        }
        return usedDefinitions!.contains { lexicon.mentions(concept, in: $0) }
    }
}
