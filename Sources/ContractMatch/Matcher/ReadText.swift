import ContractModel

/// A text of the contract the matcher asks about again and again (a sentence,
/// a clause heading, a clause with its context, a definition): folded for the
/// prefilters once, and each concept's answer kept in a slot of its own, so a
/// question already answered costs an array read instead of hashing the text.
/// One is shared by every place the contract repeats the text, and so is what
/// the readers found in it.
final class ReadText {
    let text: String
    /// The text's bytes folded for the prefilters (nil when it must go to the regex).
    private(set) lazy var folded: FoldedText? = FoldedText(text)
    /// Per concept slot of the lexicon: 0 not asked yet, 1 no, 2 yes.
    var answers: [UInt8] = []
    /// The text's predicates, durations and soft deadlines, once a reader found them.
    var predicates: [Predicate]?
    var durations: [Duration]?
    var softDeadlines: [String]?

    init(_ text: String) {
        self.text = text
    }

    /// What is kept at `path`, found by `find` the first time it is asked for.
    func remembered<T>(_ path: ReferenceWritableKeyPath<ReadText, T?>, _ find: (String) -> T) -> T {
        if let known = self[keyPath: path] { return known }
        let found = find(text)
        self[keyPath: path] = found
        return found
    }
}
