import ContractMatch
import ContractModel

/// Whether one sentence of a contract, read on its own (with the contract's
/// title, preamble and definitions, so its party names mean what they mean
/// there), is a conflict for a provision. The planner uses it to delete only
/// the conflicting sentences of a clause that also says other things.
public struct SentenceConflictTest: Sendable {
    private let reviewer: Reviewer
    private let context: [Block]
    private let metadata: DocumentMetadata

    public init(library: ClauseLibrary, policy: Policy, document: Document) {
        self.reviewer = Reviewer(library: library, policy: policy)
        self.metadata = document.metadata
        // the blocks before the first operative clause: title, preamble and recitals
        let firstBody = document.structure?.clauses.first(where: { $0.part == .body })?.blocks.first ?? 0
        self.context = Array(document.blocks.prefix(firstBody))
    }

    public func isConflict(_ sentence: String, provision: String) -> Bool {
        var single = reviewer
        single.policy.disabled = reviewer.library.provisions.map(\.id).filter { $0 != provision }
        let block = Block(kind: .paragraph, label: "1.", text: sentence, source: SourcePosition(line: 1))
        let document = Document(metadata: metadata, blocks: context + [block])
        return single.review(document).first?.status == .conflict
    }
}
