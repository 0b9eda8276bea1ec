import Foundation
import ContractMatch

/// What the clause library asks for on one provision, as a redline needs it:
/// the language to insert or request, the heading of an inserted section,
/// the replacement for a conflicting sentence (when the library defines one)
/// and which of the provision's rules are conflicts or qualifiers, so that a
/// comment lands on the clause that decided the gap.
public struct RedlineAsk: Sendable, Equatable {
    public var provision: String
    public var title: String
    /// The heading of the section when the model clause is inserted.
    public var heading: String
    public var modelClause: String
    /// `ask.replace`: language that replaces a conflicting sentence; `nil` when the library has none.
    public var replacement: String?
    public var authority: String
    public var conflictRules: Set<String>
    public var qualifierRules: Set<String>
    /// For each parameter (by report name), the element whose clause states it ("notice_days" -> "change-control").
    public var parameterSources: [String: String]

    public init(
        provision: String, title: String, heading: String, modelClause: String, replacement: String?,
        authority: String, conflictRules: Set<String>, qualifierRules: Set<String>, parameterSources: [String: String] = [:]
    ) {
        self.provision = provision
        self.title = title
        self.heading = heading
        self.modelClause = modelClause
        self.replacement = replacement
        self.authority = authority
        self.conflictRules = conflictRules
        self.qualifierRules = qualifierRules
        self.parameterSources = parameterSources
    }

    /// The ask of a library provision.
    public init(_ p: Provision) {
        self.init(
            provision: p.id, title: p.title, heading: p.ask.heading ?? Self.headingCase(p.title),
            modelClause: p.ask.modelClause, replacement: p.ask.replacement, authority: p.authority,
            conflictRules: Set(p.conflicts.map(\.id)), qualifierRules: Set(p.qualifiers.map(\.id)),
            parameterSources: Dictionary(p.parameters.map { ($0.name, $0.from) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Every provision of a library, by id.
    public static func all(_ library: ClauseLibrary) -> [String: RedlineAsk] {
        Dictionary(uniqueKeysWithValues: library.provisions.map { ($0.id, RedlineAsk($0)) })
    }

    /// "No training on PHI or customer data" -> "No Training on PHI or Customer Data".
    static func headingCase(_ title: String) -> String {
        let small: Set<String> = ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]
        return title.split(separator: " ").enumerated().map { i, word in
            let w = String(word)
            if i > 0 && small.contains(w.lowercased()) { return w.lowercased() }
            return w.prefix(1).uppercased() + w.dropFirst()
        }.joined(separator: " ")
    }
}
