import ContractModel
import Crypto
import Foundation
import Yams

/// The playbook: every provision, the shared concepts they use, and the
/// default policy. Loaded from a directory (`clause-library/`):
///
/// - `library.yaml`: `version` of the library.
/// - `concepts.yaml`: named concepts, each a list of patterns.
/// - `policy.yaml`: the default policy.
/// - `provisions/*.yaml`: one file per provision.
public struct ClauseLibrary: Sendable {
    public var version: String
    /// SHA-256 over every file of the library, in name order.
    public var hash: String
    public var provisions: [Provision]
    public var concepts: [String: [String]]
    public var defaultPolicy: Policy
    public var directory: String
    /// Concepts whose sentences are never read (`ignore:` in library.yaml).
    public var ignore: [String] = []

    /// Loads and validates the library in `directory`.
    public static func load(from directory: URL) throws(LibraryError) -> ClauseLibrary {
        let fm = FileManager.default
        let dirPath = directory.path
        guard fm.fileExists(atPath: directory.appendingPathComponent("library.yaml").path) else {
            throw LibraryError(file: dirPath, message: "not a clause library (no library.yaml); pass --library DIR")
        }
        func read(_ relative: String) throws(LibraryError) -> String {
            let url = directory.appendingPathComponent(relative)
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw LibraryError(file: url.path, message: "cannot read the file")
            }
            return text
        }
        var hasher = SHA256()
        func hashing(_ name: String, _ text: String) {
            hasher.update(data: Data(name.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: Data(text.utf8))
        }
        let libraryText = try read("library.yaml")
        hashing("library.yaml", libraryText)
        let libraryFile = directory.appendingPathComponent("library.yaml").path
        var version = "unversioned"
        var ignore: [String] = []
        if let node = try? YAMLNode.compose(libraryText) {
            let map = try YAMLNode(node: node, file: libraryFile, path: "").mapping(allowed: ["version", "description", "ignore"])
            if let v = map["version"] { version = try v.string() }
            if let i = map["ignore"] { ignore = try i.strings() }
        }
        let conceptsText = try read("concepts.yaml")
        hashing("concepts.yaml", conceptsText)
        var concepts = try readConcepts(conceptsText, file: directory.appendingPathComponent("concepts.yaml").path)
        let policyText = try read("policy.yaml")
        hashing("policy.yaml", policyText)
        let policy = try Policy.read(policyText, file: directory.appendingPathComponent("policy.yaml").path, over: Policy())

        let provisionsDir = directory.appendingPathComponent("provisions")
        let names = ((try? fm.contentsOfDirectory(atPath: provisionsDir.path)) ?? []).filter {
            $0.hasSuffix(".yaml") || $0.hasSuffix(".yml")
        }.sorted()
        var provisions: [Provision] = []
        var uses: [(String, LibraryError)] = []
        for name in names {
            let text = try read("provisions/" + name)
            hashing("provisions/" + name, text)
            let file = provisionsDir.appendingPathComponent(name).path
            let node: Node?
            do { node = try YAMLNode.compose(text) } catch { throw LibraryError(file: file, message: "not valid YAML: \(error)") }
            let provision = try ProvisionReader.read(node, file: file, concepts: &concepts)
            if let existing = provisions.first(where: { $0.id == provision.id }) {
                throw LibraryError(file: file, message: "provision id '\(provision.id)' is also defined in \(existing.file)")
            }
            provisions.append(provision)
            if let node { uses += conceptUses(in: node, file: file) }
        }
        // every concept used is defined
        for (name, location) in uses where concepts[name] == nil && !Lexicon.builtIn.contains(name) {
            throw LibraryError(
                file: location.file, line: location.line, column: location.column,
                message: "unknown concept '\(name)'; define it in concepts.yaml or under this file's concepts:")
        }
        for (name, patterns) in concepts {
            for pattern in patterns where (try? NSRegularExpression(pattern: Lexicon.expandForValidation(pattern))) == nil {
                throw LibraryError(file: directory.appendingPathComponent("concepts.yaml").path, message: "concept '\(name)': invalid pattern \(pattern)")
            }
        }
        for provision in provisions {
            for parameter in provision.parameters where !provision.elements.contains(where: { $0.id == parameter.from }) {
                throw LibraryError(file: provision.file, message: "parameter '\(parameter.name)' reads from unknown element '\(parameter.from)'")
            }
            for parameter in provision.parameters {
                guard let preferred = parameter.prefer, !provision.elements.contains(where: { $0.id == preferred }) else { continue }
                throw LibraryError(file: provision.file, message: "parameter '\(parameter.name)' prefers unknown element '\(preferred)'")
            }
        }
        for name in ignore where concepts[name] == nil {
            throw LibraryError(file: libraryFile, message: "ignore: unknown concept '\(name)'")
        }
        let hash = hasher.finalize().lowercaseHex
        return ClauseLibrary(
            version: version, hash: hash, provisions: provisions, concepts: concepts, defaultPolicy: policy,
            directory: dirPath, ignore: ignore)
    }

    private static func readConcepts(_ text: String, file: String) throws(LibraryError) -> [String: [String]] {
        let node: Node?
        do { node = try YAMLNode.compose(text) } catch { throw LibraryError(file: file, message: "not valid YAML: \(error)") }
        guard let node else { return [:] }
        let root = YAMLNode(node: node, file: file, path: "")
        let map = try root.mapping(allowed: ["concepts"])
        guard let concepts = map["concepts"], case .mapping(let m) = concepts.node else {
            throw root.error("expected 'concepts:' with a mapping of names to pattern lists")
        }
        var result: [String: [String]] = [:]
        for (key, value) in m {
            guard let name = key.string else { continue }
            result[name] = try YAMLNode(node: value, file: file, path: "concepts.\(name)").strings()
        }
        return result
    }

    /// Concept names used in a provision file, with their positions, for validation.
    private static func conceptUses(in node: Node, file: String) -> [(String, LibraryError)] {
        var result: [(String, LibraryError)] = []
        let conceptKeys: Set<String> = ["find", "mentions", "mentions_any", "not_mentions", "heading_mentions_any", "clause_mentions_any", "refers_to_mentions_any", "defined_mentions_any", "not_mentions_any", "near", "per", "verb"]
        func walk(_ n: Node, underExamples: Bool) {
            switch n {
            case .mapping(let m):
                for (k, v) in m {
                    let key = k.string ?? ""
                    if key == "examples" || key == "ask" || key == "concepts" { continue }
                    if conceptKeys.contains(key) {
                        let items: [Node] = { if case .sequence(let s) = v { return Array(s) } else { return [v] } }()
                        for item in items {
                            if let name = item.string {
                                result.append((name, LibraryError(file: file, line: item.mark?.line, column: item.mark?.column, message: "")))
                            }
                        }
                    } else {
                        walk(v, underExamples: underExamples)
                    }
                }
            case .sequence(let s):
                for item in s { walk(item, underExamples: underExamples) }
            default: break
            }
        }
        walk(node, underExamples: false)
        return result
    }

    /// The built-in library: `$BAA_REVIEW_LIBRARY`, else `clause-library/` next to the
    /// executable or in one of its parent directories (a build tree or an install
    /// prefix's `share/baa-review/`), else in the working directory.
    public static func locateBuiltIn(executable: String) -> URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["BAA_REVIEW_LIBRARY"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            for candidate in ["clause-library", "share/baa-review/clause-library"] {
                let url = dir.appendingPathComponent(candidate)
                if fm.fileExists(atPath: url.appendingPathComponent("library.yaml").path) { return url }
            }
            dir = dir.deletingLastPathComponent()
        }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("clause-library")
        return fm.fileExists(atPath: cwd.appendingPathComponent("library.yaml").path) ? cwd : nil
    }
}
