import ContractModel
import ContractSegment
import Foundation

/// The match stage: checks a segmented contract against every enabled
/// provision of the library, under a policy. Deterministic: the same
/// document, library and policy give the same findings.
public struct Reviewer: Sendable {
    public var library: ClauseLibrary
    public var policy: Policy

    public init(library: ClauseLibrary, policy: Policy) {
        self.library = library
        self.policy = policy
    }

    /// The provisions checked, in library order.
    public var enabledProvisions: [Provision] {
        library.provisions.filter { !policy.disabled.contains($0.id) }
    }

    /// Findings for every enabled provision, in library order. Segments the
    /// document first if the segment stage has not run.
    public func review(_ document: Document) -> [Finding] {
        let structure = (document.structure ?? Segmenter().segment(document).structure)!
        let parties = PartyLexicon(parties: structure.parties)
        let dataTerms = structure.definitions.filter { !$0.includes.isEmpty }.map(\.term)
        // definitions in the body ("Security Incident" includes ...), not the preamble's party names
        let lexicon = Lexicon(
            concepts: library.concepts, parties: parties, dataTerms: dataTerms,
            definitions: structure.definitions.filter { $0.clause != nil }.map { ($0.term, $0.definition) })
        let statements = StatementReader(parties: parties)
        // a party's own name ("Acme Clinical AI LLC") must not read as words of the contract ("AI")
        let masks = structure.parties.filter { !$0.aliases.isEmpty }.map { ($0.name, $0.aliases[0]) }
        // a clause referred to is read once, its heading with its text, however many refer to it
        var targets: [Int: ReadText] = [:]
        var references: [Int: [(reference: String, clause: ReadText)]] = [:]
        for ref in structure.crossReferences {
            guard let target = ref.target else { continue }
            if targets[target] == nil {
                let clause = structure.clauses[target]
                targets[target] = lexicon.read((clause.heading ?? "") + " " + clause.text)
            }
            references[ref.from, default: []].append((ref.text, targets[target]!))
        }
        var sentences: [Sentence] = []
        var readings: [ClauseReading] = []
        // each clause split once, though every item under a lead-in asks for the lead-in's sentences
        var split: [Int: [String]] = [:]
        func sentencesOf(_ index: Int) -> [String] {
            if let known = split[index] { return known }
            let texts = SentenceSplitter.split(structure.clauses[index].text)
            split[index] = texts
            return texts
        }
        for clause in structure.clauses where clause.part == .body || clause.part == .exhibit {
            var texts = sentencesOf(clause.index)
            var context = ""
            // an item under a lead-in ("Business Associate shall report each of the following:") is read
            // with the lead-in, which supplies its subject and modal verb
            if let parent = clause.parent, let leadIn = sentencesOf(parent).last,
                leadIn.hasSuffix(":") || leadIn.hasSuffix("\u{2014}"), !texts.isEmpty
            {
                texts[0] = leadIn + " " + texts[0]
                context = ([structure.clauses[parent].text] + structure.children(of: parent).map(\.text)).joined(separator: " ")
            }
            let reading = ClauseReading(clause: clause, context: context, masks: masks, lexicon: lexicon)
            readings.append(reading)
            for text in texts where !library.ignore.contains(where: { lexicon.mentions($0, in: text) }) {
                let sentence = Sentence(
                    clause: clause, text: text, position: sentences.count, lexicon: lexicon, statements: statements,
                    masks: masks, referenced: references[clause.index] ?? [])
                sentence.siblings = reading
                reading.members.append(sentence)
                sentences.append(sentence)
            }
        }
        let evaluator = ConditionEvaluator(policy: policy)
        let findings = enabledProvisions.map { provision in
            ProvisionMatcher(provision: provision, policy: policy, evaluator: evaluator).decide(sentences)
        }
        withExtendedLifetime(readings) {}  // sentences refer to their clause weakly
        return findings
    }

    private static let numberLabel = Pattern(#"^\d+\.\s+"#)

    /// Reviews a clause text for the library's examples: one clause, or one per line
    /// when it has several ("1. ...", "2. ...", numbered by their labels or in order).
    public func review(clauseText: String, provision id: String) -> Finding? {
        guard let provision = library.provisions.first(where: { $0.id == id }) else { return nil }
        let lines = clauseText.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        let blocks = lines.enumerated().map { i, line in
            var label = "\(i + 1).", text = line
            if let r = Self.numberLabel.firstRange(in: line) {
                label = line[r].trimmingWhitespace()
                text = String(line[r.upperBound...])
            }
            return Block(kind: .paragraph, label: label, text: text, source: SourcePosition(line: i + 1))
        }
        let document = Document(
            metadata: DocumentMetadata(path: "example", sha256: "", format: .text, byteCount: clauseText.utf8.count),
            blocks: blocks)
        var single = self
        single.policy.disabled = library.provisions.map(\.id).filter { $0 != provision.id }
        return single.review(document).first
    }
}
