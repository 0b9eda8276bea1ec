/// The outcome of checking one provision of the playbook against a contract.
public struct Finding: Sendable, Codable, Equatable {
    /// The playbook's provision id, e.g. "ai.breach-notification".
    public var provision: String
    public var title: String
    public var severity: Severity
    public var status: Status
    /// The clauses and sentences that decided the status; empty when missing.
    public var evidence: [Evidence]
    /// Values read from the contract, by the playbook's names ("notice_hours", "regions").
    public var parameters: [String: ParameterValue]
    /// One or two sentences a lawyer can check against the evidence.
    public var reason: String
    /// The rules of the provision that fired, by id, for tracing a decision.
    public var rules: [String]

    public init(
        provision: String, title: String, severity: Severity, status: Status, evidence: [Evidence],
        parameters: [String: ParameterValue], reason: String, rules: [String]
    ) {
        self.provision = provision
        self.title = title
        self.severity = severity
        self.status = status
        self.evidence = evidence
        self.parameters = parameters
        self.reason = reason
        self.rules = rules
    }

    /// Whether a provision is satisfied, weakened, defeated or absent.
    public enum Status: String, Sendable, Codable, Equatable, CaseIterable, Comparable {
        case met, partial, conflict, missing

        /// How bad a gap is, for `--fail-on`: conflict > missing > partial > met.
        public var rank: Int {
            switch self {
            case .met: 0
            case .partial: 1
            case .missing: 2
            case .conflict: 3
            }
        }

        public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }
    }

    /// How much a gap matters.
    public enum Severity: String, Sendable, Codable, Equatable, CaseIterable, Comparable {
        case critical, high, medium, low

        public var rank: Int {
            switch self {
            case .critical: 3
            case .high: 2
            case .medium: 1
            case .low: 0
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }
}

/// A clause that decided a finding, with the sentences quoted.
public struct Evidence: Sendable, Codable, Equatable {
    /// The clause as cited: "4.2(b)", "Section 4.02", or its heading when unnumbered.
    public var clause: String
    /// The page it is on (PDF).
    public var page: Int?
    /// The deciding sentence(s), exactly as in the contract.
    public var text: String
    /// What this clause showed: the rule or element id it satisfied.
    public var role: String
    /// The deciding words: phrases of `text`, exactly as they appear there, that made
    /// the rules in `role` hold (the concepts, modal verbs, deadlines and places they
    /// read), in order of first appearance. Reports highlight them. `nil` when unknown.
    public var highlights: [String]?

    public init(clause: String, page: Int?, text: String, role: String, highlights: [String]? = nil) {
        self.clause = clause
        self.page = page
        self.text = text
        self.role = role
        self.highlights = highlights
    }
}

/// A parameter read from a contract: a number (hours, days) or a list (regions).
public enum ParameterValue: Sendable, Codable, Equatable, CustomStringConvertible {
    case number(Double)
    case list([String])

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { try container.encode(Int(n)) } else { try container.encode(n) }
        case .list(let l): try container.encode(l)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else {
            self = .list(try container.decode([String].self))
        }
    }

    public var description: String {
        switch self {
        case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
        case .list(let l): l.joined(separator: ", ")
        }
    }
}
