import ContractModel

/// Runs the examples every provision carries and compares status and parameters.
public struct ExampleRunner: Sendable {
    public var library: ClauseLibrary
    public var policy: Policy

    public init(library: ClauseLibrary, policy: Policy) {
        self.library = library
        self.policy = policy
    }

    public struct Results: Sendable {
        public var passed: Int
        /// "file:line: provision: expected met, got partial (reason)".
        public var failures: [String]
    }

    public func run() -> Results {
        let reviewer = Reviewer(library: library, policy: policy)
        var passed = 0
        var failures: [String] = []
        for provision in library.provisions {
            for example in provision.examples {
                guard let finding = reviewer.review(clauseText: example.text, provision: provision.id) else { continue }
                var problems: [String] = []
                if finding.status != example.status {
                    problems.append("expected \(example.status.rawValue), got \(finding.status.rawValue) (\(finding.reason))")
                }
                for (name, value) in example.parameters where finding.parameters[name] != value {
                    problems.append("expected \(name) \(value), got \(finding.parameters[name].map { "\($0)" } ?? "none")")
                }
                if problems.isEmpty {
                    passed += 1
                } else {
                    failures.append("\(provision.file):\(example.line): \(provision.id): " + problems.joined(separator: "; "))
                }
            }
        }
        return Results(passed: passed, failures: failures)
    }
}
