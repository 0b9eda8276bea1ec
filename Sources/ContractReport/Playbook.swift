/// What the reports need to know about one provision of the clause library:
/// its title, the rule behind it, why it matters, and the language to ask for.
/// Built by the command line from the library, so every renderer (Markdown,
/// HTML, CSV, the memo in any format) shows the same words.
public struct ProvisionGuide: Sendable, Equatable {
    /// The provision id, e.g. "ai.breach-notification".
    public var id: String
    public var title: String
    /// The rule or guidance it rests on: "45 CFR 164.504(e)(2)(ii)(D)".
    public var authority: String
    /// What it requires, in plain words.
    public var requirement: String
    /// Why it matters, in plain words.
    public var rationale: String
    /// The language to ask for.
    public var modelClause: String
    /// The position to fall back to when the model clause is refused.
    public var fallback: String

    public init(
        id: String, title: String, authority: String, requirement: String, rationale: String, modelClause: String,
        fallback: String
    ) {
        self.id = id
        self.title = title
        self.authority = authority
        self.requirement = requirement
        self.rationale = rationale
        self.modelClause = modelClause
        self.fallback = fallback
    }
}

/// The provisions of the clause library, by id, as the reports use them.
public struct Playbook: Sendable, Equatable {
    /// The guides in library order.
    public var guides: [ProvisionGuide]
    private var index: [String: Int]

    public init(_ guides: [ProvisionGuide]) {
        self.guides = guides
        var index: [String: Int] = [:]
        for (i, g) in guides.enumerated() where index[g.id] == nil { index[g.id] = i }
        self.index = index
    }

    /// The guide of provision `id`, if the library has it.
    public subscript(id: String) -> ProvisionGuide? {
        index[id].map { guides[$0] }
    }
}
