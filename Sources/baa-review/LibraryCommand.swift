import ArgumentParser
import ContractMatch
import ContractModel
import Foundation

/// `baa-review library`: list, show, test and lint the clause library.
struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Inspect, test and validate the clause library (the playbook).",
        subcommands: [List.self, Show.self, Test.self, Lint.self, Explain.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the provisions: id, severity, title.")
        @OptionGroup var options: LibraryOptions

        func run() throws {
            let (library, policy, _) = try options.load()
            Terminal.out("clause library \(library.version) (\(library.provisions.count) provisions) at \(library.directory)\n")
            for p in library.provisions {
                let off = policy.disabled.contains(p.id) ? "  [disabled by policy]" : ""
                let severity = (policy.severity[p.id] ?? p.severity).rawValue
                Terminal.out("\(p.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(severity.padding(toLength: 9, withPad: " ", startingAt: 0)) \(p.title)\(off)\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one provision: requirement, authority, rules and the language to ask for.")
        @Argument(help: "The provision id, e.g. ai.training-opt-out.") var id: String
        @OptionGroup var options: LibraryOptions

        func run() throws {
            let (library, _, _) = try options.load()
            guard let p = library.provisions.first(where: { $0.id == id }) else {
                throw ValidationError("no provision '\(id)'; `baa-review library list` shows them")
            }
            var out = "\(p.id): \(p.title)\nseverity: \(p.severity.rawValue)\nauthority: \(p.authority)\nfile: \(p.file)\n\n"
            out += "Requirement: \(p.requirement)\n"
            if !p.rationale.isEmpty { out += "Why it matters: \(p.rationale)\n" }
            out += "\nElements (all needed for met):\n" + p.elements.map { "  - \($0.id): \($0.reason)\n" }.joined()
            out += "Qualifiers (make it partial):\n" + p.qualifiers.map { "  - \($0.id): \($0.reason)\n" }.joined()
            out += "Conflicts:\n" + p.conflicts.map { "  - \($0.id): \($0.reason)\n" }.joined()
            out += "\nAsk for:\n  \(p.ask.modelClause)\nFallback:\n  \(p.ask.fallback)\n"
            if let heading = p.ask.heading { out += "Heading of an inserted section: \(heading)\n" }
            if let replacement = p.ask.replacement {
                out += "Replaces a conflicting sentence in a redline with: "
                    + (replacement == p.ask.modelClause ? "the model clause\n" : "\n  \(replacement)\n")
            }
            out += "\n\(p.examples.count) examples (`baa-review library test`).\n"
            Terminal.out(out)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run every provision's examples and report any that do not give their expected status.")
        @OptionGroup var options: LibraryOptions

        func run() throws {
            let (library, policy, _) = try options.load()
            let results = ExampleRunner(library: library, policy: policy).run()
            for failure in results.failures { Terminal.out("FAIL \(failure)\n") }
            Terminal.out("\(results.passed) passed, \(results.failures.count) failed\n")
            if !results.failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Validate the library files; problems are reported with file, line and column.")
        @OptionGroup var options: LibraryOptions

        func run() throws {
            let (library, _, _) = try options.load()
            let problems = LibraryLinter.lint(library)
            for problem in problems { Terminal.out("\(problem)\n") }
            if problems.isEmpty {
                Terminal.out("\(library.provisions.count) provisions, \(library.concepts.count) concepts: no problems\n")
            } else {
                throw ExitCode(1)
            }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Show how a sentence is read: its predicates (who must, must not or may do what), concepts, durations and regions.")
        @Argument(help: "A sentence or clause.") var text: String
        @OptionGroup var options: LibraryOptions

        func run() throws {
            let (library, _, _) = try options.load()
            Terminal.out(Explainer.explain(text, library: library))
        }
    }
}
