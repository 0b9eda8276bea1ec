import Foundation
import ContractModel

/// One provision of the playbook, as read from `clause-library/<id>.yaml`.
public struct Provision: Sendable, Equatable {
    public var id: String
    public var title: String
    public var severity: Finding.Severity
    /// The rule or guidance it rests on: "45 CFR 164.504(e)(2)(ii)(D)".
    public var authority: String
    /// What it requires, in plain words.
    public var requirement: String
    /// Why it matters, for the memo.
    public var rationale: String
    /// Concepts that make a clause a candidate.
    public var find: [String]
    /// Everything that must be present for `met`.
    public var elements: [Rule]
    /// Qualifiers that make it `partial` when present.
    public var qualifiers: [Rule]
    /// Language that makes it a `conflict`.
    public var conflicts: [Rule]
    /// Language that shows the provision is addressed at all (`partial` without any element).
    public var addressed: [Rule]
    /// Parameters to extract and compare with the policy.
    public var parameters: [ParameterRule]
    /// The language to ask for.
    public var ask: Ask
    /// Examples with their expected outcome; `library test` runs them.
    public var examples: [Example]
    /// The YAML file it came from.
    public var file: String

    /// A named condition with the reason shown when it decides.
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var reason: String
        /// For elements: what the reason says when nothing satisfies it.
        public var absent: String?
        public var when: Condition
        /// For qualifiers: whether it spoils `met` wherever it appears (`document`) or only in the clause with the element (`clause`).
        public var scope: Scope

        public enum Scope: String, Sendable, Equatable { case clause, document }
    }

    /// A parameter read from the sentences that satisfied an element.
    public struct ParameterRule: Sendable, Equatable {
        /// The report's name: "notice_hours", "regions", "notice_days".
        public var name: String
        /// `hours`, `days` or `regions`.
        public var kind: Kind
        /// The element whose sentences it is read from.
        public var from: String
        /// Concepts the value should sit nearest to, when a sentence has several.
        public var near: [String]
        /// Kinds of event, by concept, that each need the value: for each kind the best value
        /// among the sentences that name it counts (a 48-hour clause for breaches beats a general
        /// 10-day one), and the parameter is the worst of those ("AI incidents in 72 hours, but
        /// breaches in 10 business days" reads 10 business days). Empty: the worst of all sentences.
        public var per: [String]
        /// Another element whose clauses, where they give a value (for a kind), give it alone:
        /// the deadline the AI-incident clause sets governs AI incidents, not a general clause's.
        public var prefer: String?
        /// A policy threshold: hours or days at most, or the allowed regions.
        public var atMostPolicy: String?
        public var atLeastPolicy: String?
        /// The reason shown when the threshold is not met (`{value}` and `{policy}` are filled in).
        public var reason: String

        public enum Kind: String, Sendable, Equatable { case hours, days, regions }
    }

    /// The language to request in a negotiation.
    public struct Ask: Sendable, Equatable {
        public var modelClause: String
        public var fallback: String
        /// A short clause heading for the model clause when it is inserted as a
        /// new section ("No Training on Customer Data"); `nil`: the title is used.
        public var heading: String?
        /// Language that replaces a conflicting sentence as a tracked change in a
        /// redline; `nil` when the library defines none (the redline then only comments).
        public var replacement: String?

        public init(modelClause: String, fallback: String, heading: String? = nil, replacement: String? = nil) {
            self.modelClause = modelClause
            self.fallback = fallback
            self.heading = heading
            self.replacement = replacement
        }
    }

    /// A short clause with the status (and parameters) it must produce.
    public struct Example: Sendable, Equatable {
        public var text: String
        public var status: Finding.Status
        public var parameters: [String: ParameterValue]
        public var line: Int
    }
}
