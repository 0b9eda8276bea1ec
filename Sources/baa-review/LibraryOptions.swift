import ArgumentParser
import ContractMatch
import Foundation

/// `--library` and `--policy`, shared by the commands that review.
struct LibraryOptions: ParsableArguments {
    @Option(help: "Clause library directory (default: the built-in one).")
    var library: String?

    @Option(help: "Organization policy file (YAML) overriding thresholds, regions, disabled provisions and severities.")
    var policy: String?

    /// Loads the library and the policy, or fails with a message naming the file and line.
    func load() throws -> (ClauseLibrary, Policy, String) {
        let directory: URL
        if let library {
            directory = URL(fileURLWithPath: library)
        } else if let builtIn = ClauseLibrary.locateBuiltIn(executable: CommandLine.arguments[0]) {
            directory = builtIn
        } else {
            throw CLIError("cannot find the built-in clause library; pass --library DIR or set BAA_REVIEW_LIBRARY")
        }
        do {
            let lib = try ClauseLibrary.load(from: directory)
            var policyValue = lib.defaultPolicy
            var policyText = "default"
            if let policy {
                guard let data = FileManager.default.contents(atPath: policy), let text = String(data: data, encoding: .utf8) else {
                    throw CLIError("\(policy): cannot read the policy file")
                }
                policyValue = try Policy.read(text, file: policy, over: lib.defaultPolicy)
                policyText = text
            }
            return (lib, policyValue, policyText)
        } catch let error as LibraryError {
            throw CLIError(error.description)
        }
    }
}

/// A failure the command reports in one line (no usage text), exiting 2.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
