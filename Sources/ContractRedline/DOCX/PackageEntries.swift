import ContractModel
import Foundation
import ZIPFoundation

/// The entries of a ZIP package, read in memory under the reader's limits
/// (entry count, total decompressed bytes), and written back in the same
/// order: each entry keeps its name, bytes, compression method and date;
/// only the parts a redline changes get new bytes, new parts go at the end.
struct PackageEntries {
    struct Entry {
        var path: String
        var data: Data
        var isDirectory: Bool
        var compressed: Bool
        var modified: Date?
    }

    var entries: [Entry]

    init(_ data: Data, options: ReadOptions) throws(RedlineError) {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw RedlineError(.corrupt("not a valid ZIP archive; it may be truncated"))
        }
        var out: [Entry] = []
        var total = 0
        for entry in archive {
            if out.count >= options.maxZipEntries {
                throw RedlineError(
                    .unreadable(
                        ReadError(
                            file: "",
                            reason: .limitExceeded(
                                what: "the number of entries in the ZIP archive", limit: "\(options.maxZipEntries) entries",
                                flag: "--max-zip-entries"))))
            }
            let limit = ReadError(
                file: "",
                reason: .limitExceeded(
                    what: "the decompressed size of the Word document's parts", limit: "\(options.maxDecompressedBytes) bytes",
                    flag: "--max-unzipped-bytes"))
            if entry.type == .symlink { continue }
            var bytes = Data()
            if entry.type == .file {
                if entry.uncompressedSize > UInt64(max(0, options.maxDecompressedBytes - total)) {
                    throw RedlineError(.unreadable(limit))
                }
                struct CapExceeded: Error {}
                let cap = options.maxDecompressedBytes - total
                do {
                    _ = try archive.extract(entry, skipCRC32: false) { chunk in
                        if bytes.count + chunk.count > cap { throw CapExceeded() }
                        bytes.append(chunk)
                    }
                } catch is CapExceeded {
                    throw RedlineError(.unreadable(limit))
                } catch {
                    throw RedlineError(.corrupt("the ZIP entry \(entry.path) is damaged (\(error))"))
                }
                total += bytes.count
            }
            out.append(
                Entry(
                    path: entry.path, data: bytes, isDirectory: entry.type == .directory, compressed: entry.isCompressed,
                    modified: entry.fileAttributes[.modificationDate] as? Date))
        }
        entries = out
    }

    /// The entry for a part name (compared as OPC does: case-insensitive, without a leading "/").
    func index(of part: String) -> Int? {
        let key = Self.normalize(part)
        return entries.firstIndex { Self.normalize($0.path) == key }
    }

    func data(_ part: String) -> Data? { index(of: part).map { entries[$0].data } }

    /// Replaces a part's bytes, or adds the part at the end (dated like `like`).
    mutating func set(_ part: String, _ data: Data, like: String? = nil) {
        if let i = index(of: part) {
            entries[i].data = data
        } else {
            let date = like.flatMap { index(of: $0) }.flatMap { entries[$0].modified }
            entries.append(Entry(path: part, data: data, isDirectory: false, compressed: true, modified: date))
        }
    }

    static func normalize(_ name: String) -> String {
        var n = name.replacingOccurrences(of: "\\", with: "/")
        while n.hasPrefix("/") { n.removeFirst() }
        return n.lowercased()
    }

    /// The package as ZIP bytes.
    func zipped() throws(RedlineError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            // an entry without a date gets a fixed one, never the clock
            let fixed = DateComponents(calendar: Calendar(identifier: .gregorian), year: 1980, month: 1, day: 1).date!
            for e in entries {
                let data = e.data
                try archive.addEntry(
                    with: e.path, type: e.isDirectory ? .directory : .file, uncompressedSize: Int64(data.count),
                    modificationDate: e.modified ?? fixed, compressionMethod: e.compressed && !e.isDirectory ? .deflate : .none,
                    provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
            }
            guard let out = archive.data else { throw RedlineError(.io("the ZIP archive could not be made in memory")) }
            return out
        } catch let error as RedlineError {
            throw error
        } catch {
            throw RedlineError(.io("the ZIP archive could not be made (\(error))"))
        }
    }
}
