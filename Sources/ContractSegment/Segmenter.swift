import ContractModel

/// The segment stage: rebuilds a contract's own structure from the reading
/// stage's ``Document``: its clause tree, definitions, parties and
/// cross-references. A pure function of the document.
public struct Segmenter: Sendable {
    public init() {}

    /// Returns `document` with ``Document/structure`` filled in.
    public func segment(_ document: Document) -> Document {
        var builder = ClauseTreeBuilder()
        let clauses = builder.build(document)
        var definitions: [DefinedTerm] = []
        for paragraph in builder.preamble {
            definitions += DefinitionReader.definitions(in: paragraph, clause: nil)
        }
        for clause in clauses where clause.part == .body || clause.part == .exhibit {
            let text = [clause.heading.map { $0 + "." }, clause.text].compactMap { $0 }.joined(separator: " ")
            definitions += DefinitionReader.definitions(in: text, clause: clause.index)
        }
        definitions = Self.firstOfEach(definitions)
        let parties = PartyReader.parties(preamble: builder.preamble + clauses.prefix(3).map(\.text), definitions: definitions)
        let structure = ContractStructure(
            title: builder.title, clauses: clauses, definitions: definitions, parties: parties,
            crossReferences: CrossReferenceReader.references(in: clauses))
        var result = document
        result.structure = structure
        return result
    }

    /// Keeps the first definition of each term (later mentions in quotes are uses).
    private static func firstOfEach(_ terms: [DefinedTerm]) -> [DefinedTerm] {
        var seen = Set<String>()
        return terms.filter { seen.insert($0.term.lowercased()).inserted }
    }
}
