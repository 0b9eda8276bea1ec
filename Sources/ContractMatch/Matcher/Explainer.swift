import ContractModel

/// Shows how the readers see a sentence: its predicates and the concepts it
/// mentions. For library authors (`baa-review library explain`).
public enum Explainer {
    public static func explain(_ text: String, library: ClauseLibrary) -> String {
        let parties = PartyLexicon()
        let lexicon = Lexicon(concepts: library.concepts, parties: parties, dataTerms: ["customer data", "client data"])
        let reader = StatementReader(parties: parties)
        var lines: [String] = []
        for p in reader.predicates(in: text) {
            lines.append("predicate \(p.modality.rawValue) actor=\(p.actor.rawValue) modal='\(p.modal)' subject='\(p.subject)'")
            lines.append("  action: \(p.action)")
            if let e = p.exception { lines.append("  exception: \(e)") }
        }
        let concepts = (library.concepts.keys.sorted() + Lexicon.builtIn.sorted()).filter { lexicon.mentions($0, in: text) }
        lines.append("concepts: " + concepts.joined(separator: ", "))
        let durations = DurationReader.durations(in: text).map { "\($0.text) = \($0.hours) h" }
        if !durations.isEmpty { lines.append("durations: " + durations.joined(separator: "; ")) }
        let regions = RegionReader.regions(in: text)
        if !regions.isEmpty { lines.append("regions: " + regions.joined(separator: ", ")) }
        return lines.joined(separator: "\n") + "\n"
    }
}
