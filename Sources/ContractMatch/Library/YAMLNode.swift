import Foundation
import Yams

/// A thin reader over Yams nodes that remembers where each value is, so every
/// problem in a library file is reported with its line and column.
struct YAMLNode {
    let node: Node
    let file: String
    let path: String

    /// The YAML document in `text`, its scalars left as text: the library reads every value
    /// itself (`string()`, `double()`), so Yams's implicit typing, which runs a set of
    /// regexes on every scalar, would be work for nothing (half of loading a library).
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic)
    }

    var line: Int? { node.mark.map { $0.line } }
    var column: Int? { node.mark.map { $0.column } }

    func error(_ message: String) -> LibraryError {
        LibraryError(file: file, line: line, column: column, message: (path.isEmpty ? "" : "\(path): ") + message)
    }

    /// The mapping's entries, checking that every key is one of `allowed`.
    func mapping(allowed: Set<String>) throws(LibraryError) -> [String: YAMLNode] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping (key: value)") }
        var result: [String: YAMLNode] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw YAMLNode(node: key, file: file, path: path).error("keys must be text") }
            guard allowed.contains(name) else {
                let hint = allowed.min { distance($0, name) < distance($1, name) }.map { " (did you mean '\($0)'?)" } ?? ""
                throw YAMLNode(node: key, file: file, path: path).error(
                    "unknown key '\(name)'\(hint); allowed here: \(allowed.sorted().joined(separator: ", "))")
            }
            if result[name] != nil { throw YAMLNode(node: key, file: file, path: path).error("duplicate key '\(name)'") }
            result[name] = YAMLNode(node: value, file: file, path: path.isEmpty ? name : "\(path).\(name)")
        }
        return result
    }

    func string() throws(LibraryError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected text") }
        return scalar.string
    }

    func double() throws(LibraryError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string) else { throw error("expected a number") }
        return value
    }

    func sequence() throws(LibraryError) -> [YAMLNode] {
        if case .scalar(let s) = node, s.string.isEmpty || (s.style == .plain && Self.nulls.contains(s.string)) { return [] }
        guard case .sequence(let seq) = node else { throw error("expected a list") }
        return seq.enumerated().map { YAMLNode(node: $0.element, file: file, path: "\(path)[\($0.offset)]") }
    }

    /// YAML's spellings of null, when not quoted.
    private static let nulls: Set<String> = ["~", "null", "Null", "NULL"]

    func strings() throws(LibraryError) -> [String] {
        if case .scalar = node { return [try string()] }
        var out: [String] = []
        for item in try sequence() { out.append(try item.string()) }
        return out
    }

    static func required(_ map: [String: YAMLNode], _ key: String, in parent: YAMLNode) throws(LibraryError) -> YAMLNode {
        guard let value = map[key] else { throw parent.error("missing required key '\(key)'") }
        return value
    }
}

/// Edit distance, for "did you mean" hints.
private func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in 1...max(b.count, 1) where !b.isEmpty {
            let old = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = old
        }
    }
    return row[b.count]
}
