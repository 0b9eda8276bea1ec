/// File names for the per-contract reports of a batch: one name per contract,
/// readable, safe on every file system, and unique within the batch.
public enum ReportNames {
    /// Names for `files`, by `path`. A name comes from the file's path below the folder it was
    /// found in (`relative`): folders become part of the name ("q3/acme/baa.pdf" -> "q3-acme-baa.pdf"),
    /// characters other than letters, digits, '.', '-' and '_' become '-', and names that collide
    /// (ignoring case) get "-2", "-3" in order of (relative, path). The result does not depend on the input order.
    public static func assign(_ files: [(path: String, relative: String)]) -> [String: String] {
        var result: [String: String] = [:]
        var taken: Set<String> = []
        for file in files.sorted(by: { ($0.relative, $0.path) < ($1.relative, $1.path) }) where result[file.path] == nil {
            let base = sanitize(file.relative)
            var name = base
            var n = 2
            while taken.contains(name.lowercased()) {
                name = "\(base)-\(n)"
                n += 1
            }
            taken.insert(name.lowercased())
            result[file.path] = name
        }
        return result
    }

    /// Names for paths that are their own relative paths.
    public static func assign(_ paths: [String]) -> [String: String] {
        assign(paths.map { ($0, $0) })
    }

    static func sanitize(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." && $0 != ".." }
        var out = ""
        for scalar in parts.joined(separator: "-").unicodeScalars {
            let ok = (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) && scalar.isASCII
                || scalar == "." || scalar == "-" || scalar == "_"
            out.unicodeScalars.append(ok ? scalar : "-")
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        if out.isEmpty { out = "contract" }
        if out.utf8.count > 180 { out = String(out.prefix(180)) }
        return out
    }
}
