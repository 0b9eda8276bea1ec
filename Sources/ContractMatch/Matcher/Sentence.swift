import ContractModel
import Foundation

/// One sentence of an operative clause, with what the readers found in it
/// (computed once, on first use).
final class Sentence {
    let clause: Clause
    let text: String
    let position: Int
    private let lexicon: Lexicon
    /// The contract's defined terms and their definitions.
    private let definitions: [(String, String)]
    private let statements: StatementReader
    private var conceptCache: [String: Bool] = [:]
    private(set) lazy var predicates: [Predicate] = statements.predicates(in: text)
    private(set) lazy var durations: [Duration] = DurationReader.durations(in: text)
    private(set) lazy var softDeadlines: [String] = DurationReader.softDeadlines(in: text)
    private(set) lazy var regions: [String] = RegionReader.regions(in: text)

    init(
        clause: Clause, text: String, position: Int, lexicon: Lexicon, statements: StatementReader,
        definitions: [(String, String)]
    ) {
        self.clause = clause
        self.definitions = definitions
        self.text = text
        self.position = position
        self.lexicon = lexicon
        self.statements = statements
    }

    func mentions(_ concept: String) -> Bool {
        if let hit = conceptCache[concept] { return hit }
        let hit = lexicon.mentions(concept, in: text)
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
        let text = (clause.heading ?? "") + " " + clause.text
        if lexicon.mentions(concept, in: text) { return true }
        return definitions.contains { term, definition in
            text.contains(term) && lexicon.mentions(concept, in: definition)
        }
    }

    func mentions(_ concept: String, inText other: String) -> Bool {
        lexicon.mentions(concept, in: other)
    }

    func offsets(of concept: String) -> [Int] {
        lexicon.occurrences(of: concept, in: text).map(\.location)
    }
}
