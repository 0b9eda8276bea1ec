import Foundation

/// Who and when tracked changes and comments are attributed to, and the
/// w:id numbers they get: unique across the package, above every id already
/// used (by anyone's revisions, comments or bookmarks).
struct RevisionMarks {
    let author: String
    /// ISO 8601, "2026-11-02T00:00:00Z".
    let date: String
    let initials: String
    private var next: Int
    private let used: Set<Int>

    init(author: String, date: String, used: Set<Int>) {
        self.author = author
        self.date = date
        self.used = used
        let initials = author.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." || $0 == "_" })
            .compactMap(\.first).map { String($0).uppercased() }.joined()
        self.initials = initials.isEmpty ? "BR" : String(initials.prefix(4))
        let top = used.max() ?? 0
        // w:id is a 32-bit number: past its end, fill the gaps from 1 instead
        next = top < Int(Int32.max) - 1_000_000 ? top + 1 : 1
    }

    /// A fresh id.
    mutating func id() -> String {
        while used.contains(next) { next += 1 }
        defer { next += 1 }
        return String(next)
    }

    /// The attributes of a w:ins or w:del.
    mutating func revision() -> [(String, String)] {
        [("id", id()), ("author", author), ("date", date)]
    }

    /// Every number in an `id="..."` attribute of the given XML parts (w:id, and anything else called id).
    static func usedIDs(in parts: [Data]) -> Set<Int> {
        var out = Set<Int>()
        let pattern = Array("id=\"".utf8)
        for data in parts {
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let b = raw.bindMemory(to: UInt8.self)
                var i = 0
                while i + pattern.count < b.count {
                    if b[i] == pattern[0], b[i + 1] == pattern[1], b[i + 2] == pattern[2], b[i + 3] == pattern[3] {
                        var j = i + 4
                        var value = 0
                        var digits = 0
                        while j < b.count, b[j] >= 48, b[j] <= 57, digits < 12 {
                            value = value * 10 + Int(b[j] - 48)
                            digits += 1
                            j += 1
                        }
                        if digits > 0, j < b.count, b[j] == UInt8(ascii: "\"") { out.insert(value) }
                        i = j
                    } else {
                        i += 1
                    }
                }
            }
        }
        return out
    }
}
