import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the contracts under the folders (and files) named on the command line.
struct ContractFinder {
    /// A file to review.
    struct Found: Equatable {
        /// Absolute, for the store.
        var absolutePath: String
        /// As the user would name it: the folder as given, then the path below it.
        var displayPath: String
        /// Below the folder it was found in, for the report's name.
        var relativePath: String
    }

    /// Extensions of the contracts reviewed (PDF, DOCX, text, Markdown).
    static let contractExtensions: Set<String> = ["pdf", "docx", "txt", "text", "md", "markdown"]
    /// Documents that are not read but are reported with advice (save as DOCX or PDF).
    static let documentExtensions: Set<String> = ["doc", "docm", "dotx", "rtf", "odt", "pages", "wpd"]

    /// Folders and files never entered: the batch's own output and store.
    var excluded: Set<String>

    /// The contracts, sorted by path, and the other files skipped.
    func find(_ inputs: [String]) throws -> (files: [Found], skipped: [String]) {
        var files: [Found] = []
        var skipped: [String] = []
        let fm = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw CLIError("\(input): no such file or folder")
            }
            let absolute = Self.absolute(input)
            if !isDirectory.boolValue {
                files.append(Found(absolutePath: absolute, displayPath: input, relativePath: (input as NSString).lastPathComponent))
                continue
            }
            let display = input.hasSuffix("/") ? String(input.dropLast()) : input
            walk(absolute, relative: "", into: &files, skipped: &skipped) { relative in
                (display == "." ? relative : display + "/" + relative, relative)
            }
        }
        var seen: Set<String> = []
        files = files.filter { seen.insert($0.absolutePath).inserted }
        return (files.sorted { $0.displayPath < $1.displayPath }, skipped.sorted())
    }

    private func walk(
        _ directory: String, relative: String, into files: inout [Found], skipped: inout [String],
        names: (String) -> (display: String, relative: String)
    ) {
        guard !excluded.contains(directory),
            let entries = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return }
        for entry in entries.sorted() where !entry.hasPrefix(".") && !entry.hasPrefix("~$") {
            let path = directory + "/" + entry
            let rel = relative.isEmpty ? entry : relative + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0, !excluded.contains(path) else { continue }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                walk(path, relative: rel, into: &files, skipped: &skipped, names: names)
                continue
            }
            if kind == S_IFLNK {
                // a link to a file is followed; a link to a folder is not (it could loop)
                var target = stat()
                guard stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG else {
                    skipped.append(names(rel).display)
                    continue
                }
            } else if kind != S_IFREG {
                continue
            }
            let ext = (entry as NSString).pathExtension.lowercased()
            if Self.contractExtensions.contains(ext) || Self.documentExtensions.contains(ext) {
                let (display, relativeName) = names(rel)
                files.append(Found(absolutePath: path, displayPath: display, relativePath: relativeName))
            } else {
                skipped.append(names(rel).display)
            }
        }
    }

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var p = url.path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
