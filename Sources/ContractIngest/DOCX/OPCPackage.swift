import ContractModel
import Foundation

/// An OPC package (the ZIP inside a .docx) read in memory with caps: the
/// number of entries, the total of decompressed bytes read (counted while
/// inflating, because ZIP headers can lie) and the XML tags of the parts read.
/// Nothing is ever written to disk; entry names such as "../x" are only names.
package final class OPCPackage {
    package struct Relationship: Sendable {
        package var id: String
        /// The last path segment of the type URI ("officeDocument", "styles", ...),
        /// so transitional and Strict URIs compare equal.
        package var type: String
        /// The resolved part name, without a leading "/"; `nil` for external targets.
        package var target: String?
    }

    private let archive: ZipDirectory
    private var entries: [String: ZipDirectory.Entry] = [:]
    private let file: String
    private let maxBytes: Int
    private var bytesRead = 0
    private let maxTags: Int
    private var tagsRead = 0

    package init(data: Data, file: String, options: ReadOptions) throws(ReadError) {
        self.file = file
        self.maxBytes = options.maxDecompressedBytes
        self.maxTags = options.maxXMLElements
        do {
            archive = try ZipDirectory(data, maxEntries: options.maxZipEntries)
        } catch {
            switch error {
            case .tooManyEntries:
                throw ReadError(
                    file: file,
                    reason: .limitExceeded(
                        what: "the number of entries in the ZIP archive", limit: "\(options.maxZipEntries) entries",
                        flag: "--max-zip-entries"))
            case .damaged(let why):
                throw ReadError(file: file, reason: .corrupt("not a valid ZIP archive: \(why)"))
            case .capExceeded:
                throw ReadError(file: file, reason: .corrupt("not a valid ZIP archive"))
            }
        }
        for entry in archive.entries where !entry.isDirectory {
            let key = Self.normalize(entry.name)
            if entries[key] == nil { entries[key] = entry }
        }
        if archive.entries.isEmpty {
            throw ReadError(file: file, reason: .corrupt("the ZIP archive is empty or its directory is damaged"))
        }
    }

    /// Part names compare case-insensitively, without a leading "/".
    static func normalize(_ name: String) -> String {
        var n = name.replacingOccurrences(of: "\\", with: "/")
        while n.hasPrefix("/") { n.removeFirst() }
        return n.lowercased()
    }

    package func contains(_ part: String) -> Bool { entries[Self.normalize(part)] != nil }

    /// The actual spelling of a part's name in the archive.
    package func actualName(_ part: String) -> String {
        guard let e = entries[Self.normalize(part)] else { return part }
        var n = e.name
        while n.hasPrefix("/") { n.removeFirst() }
        return n
    }

    /// The bytes of `part`, or `nil` when there is no such part. Throws when the
    /// running total of decompressed bytes passes the cap, or the entry is damaged.
    package func read(_ part: String) throws(ReadError) -> Data? {
        guard let entry = entries[Self.normalize(part)] else { return nil }
        let cap = maxBytes
        let limitError = ReadError(
            file: file,
            reason: .limitExceeded(
                what: "the decompressed size of the Word document's parts", limit: "\(cap) bytes",
                flag: "--max-unzipped-bytes"))
        // honest headers: refuse before inflating anything
        if entry.uncompressedSize > UInt64(max(0, cap - bytesRead)) { throw limitError }
        var out = Data()
        out.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
        let room = cap - bytesRead
        do {
            try archive.extract(entry) { chunk in
                guard out.count + chunk.count <= room else { return false }
                out.append(contentsOf: chunk)
                return true
            }
        } catch {
            switch error {
            case .capExceeded, .tooManyEntries: throw limitError
            case .damaged(let why): throw ReadError(file: file, reason: .corrupt(why))
            }
        }
        bytesRead += out.count
        tagsRead += Self.tags(in: out)
        if tagsRead > maxTags {
            throw ReadError(
                file: file,
                reason: .limitExceeded(
                    what: "the number of XML elements in the Word document's parts", limit: "\(maxTags) tags",
                    flag: "--max-xml-elements"))
        }
        return out
    }

    /// The number of `<` bytes: an upper bound on the elements a part can hold, counted before it is parsed.
    static func tags(in data: Data) -> Int {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int in
            guard var p = raw.baseAddress else { return 0 }
            let end = p + raw.count
            var n = 0
            while p < end, let hit = memchr(p, 0x3C, end - p) {
                n += 1
                p = UnsafeRawPointer(hit) + 1
            }
            return n
        }
    }

    /// The relationships of `source` ("" for the package), read from its .rels part.
    package func relationships(of source: String, parse: (Data, String) throws(ReadError) -> XElement) throws(ReadError)
        -> [Relationship]
    {
        let dir: String
        let relsPart: String
        if source.isEmpty {
            dir = ""
            relsPart = "_rels/.rels"
        } else {
            let slash = source.lastIndex(of: "/")
            dir = slash.map { String(source[..<$0]) } ?? ""
            let name = slash.map { String(source[source.index(after: $0)...]) } ?? source
            relsPart = (dir.isEmpty ? "" : dir + "/") + "_rels/" + name + ".rels"
        }
        guard let data = try read(relsPart) else { return [] }
        let root = try parse(data, actualName(relsPart))
        var result: [Relationship] = []
        for e in root.elements where e.name == "Relationship" {
            guard let id = e.attr("Id", .none), let type = e.attr("Type", .none), let target = e.attr("Target", .none)
            else { continue }
            let shortType = type.split(separator: "/").last.map(String.init) ?? type
            let external = e.attr("TargetMode", .none)?.lowercased() == "external"
            result.append(
                Relationship(id: id, type: shortType, target: external ? nil : Self.resolve(target, from: dir)))
        }
        return result
    }

    /// Resolves a relationship target against the source part's folder.
    package static func resolve(_ target: String, from dir: String) -> String {
        let raw = target.removingPercentEncoding ?? target
        var segments: [Substring] = raw.hasPrefix("/") ? [] : dir.split(separator: "/")
        for seg in raw.split(separator: "/") {
            if seg == "." { continue }
            if seg == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(seg)
        }
        return segments.joined(separator: "/")
    }
}
