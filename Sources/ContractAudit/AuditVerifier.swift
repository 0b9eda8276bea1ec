/// Checks an audit log's hash chain and names each entry that was edited,
/// removed, inserted or moved, by line number.
///
/// - edited: the line's content no longer matches its own hash.
/// - removed: the line chains to no entry in the log; the gap in `seq` says which entries are gone.
/// - inserted: the line is chained to by no entry, while the line after it chains past it.
/// - reordered: the line chains to an entry that comes later in the file, or its `seq` goes backwards.
/// - replaced: the line before it was rewritten with a fresh hash, so this line's `prev` no longer matches.
///
/// Entries removed from the end cannot be told from a log that simply stopped
/// there; keep the head hash that `audit verify` prints elsewhere and pass it
/// back as `anchor` to check that the log still reaches it.
public enum AuditVerifier {
    /// One problem, at a line of the file (1-based).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable { case edited, removed, inserted, reordered, replaced, unreadable, anchor }
        public var line: Int
        public var kind: Kind
        public var message: String
        public var description: String { "line \(line): \(kind.rawValue): \(message)" }
    }

    /// What a verification found.
    public struct Report: Sendable {
        public var entries: Int
        /// The last line's hash: keep it elsewhere to detect a truncated or rewritten log later.
        public var head: String?
        public var problems: [Problem]
        public var isIntact: Bool { problems.isEmpty }
    }

    private struct Line {
        var number: Int
        var seq: Int?
        var prev: String?
        var hash: String?
    }

    public static func verify(_ lines: [Substring], anchor: String? = nil) -> Report {
        var problems: [Problem] = []
        var parsed: [Line] = []
        for (index, text) in lines.enumerated() {
            let number = index + 1
            guard let (body, claimed) = AuditLine.split(text), let link = AuditLink.decode(body) else {
                problems.append(Problem(line: number, kind: .unreadable, message: "not an audit entry (damaged or edited)"))
                parsed.append(Line(number: number))
                continue
            }
            if AuditLine.sha256(body) != claimed {
                problems.append(
                    Problem(line: number, kind: .edited, message: "entry #\(link.seq) was edited: its content does not match its hash"))
            }
            parsed.append(Line(number: number, seq: link.seq, prev: link.prev, hash: claimed))
        }
        var lineOfHash: [String: Int] = [:]
        for l in parsed { if let h = l.hash, lineOfHash[h] == nil { lineOfHash[h] = l.number } }
        var referenced = Set<String>()
        for l in parsed { if let p = l.prev { referenced.insert(p) } }

        var previous: Line? = nil  // the last line that belongs to the chain
        for (i, l) in parsed.enumerated() {
            guard let prev = l.prev, let seq = l.seq, let hash = l.hash else { continue }
            let expected = previous?.hash ?? AuditEntry.genesis
            if let first = lineOfHash[hash], first != l.number {
                problems.append(
                    Problem(line: l.number, kind: .inserted, message: "entry #\(seq) is a copy of the entry on line \(first)"))
                continue
            }
            // a stray line: nothing chains to it, the next line chains to the entry before it, and its own
            // predecessor is not further down (that would be a move)
            if !referenced.contains(hash), let next = parsed.dropFirst(i + 1).first(where: { $0.prev != nil }),
                next.prev == expected, (lineOfHash[prev] ?? 0) < l.number
            {
                problems.append(
                    Problem(line: l.number, kind: .inserted, message: "entry #\(seq) was inserted: no entry chains to it"))
                continue
            }
            defer { previous = l }
            if prev == expected { continue }
            if let target = lineOfHash[prev] {
                if target > l.number || (previous?.seq).map({ seq < $0 }) == true {
                    problems.append(
                        Problem(
                            line: l.number, kind: .reordered,
                            message: "entry #\(seq) is out of order: it was written right after the entry on line \(target)"))
                }
                continue
            }
            let before = previous?.seq ?? 0
            if seq > before + 1 {
                let gone = seq - 1 == before + 1 ? "entry #\(before + 1) was" : "entries #\(before + 1) to #\(seq - 1) were"
                problems.append(Problem(line: l.number, kind: .removed, message: "\(gone) removed before this line"))
            } else if let previous {
                problems.append(
                    Problem(
                        line: previous.number, kind: .replaced,
                        message: "entry #\(previous.seq ?? 0) was rewritten: the entry on line \(l.number) was chained to a different one"))
            } else {
                problems.append(Problem(line: l.number, kind: .edited, message: "entry #\(seq) does not start the chain"))
            }
        }
        if let anchor, !anchor.isEmpty, lineOfHash[anchor.lowercased()] == nil {
            problems.append(
                Problem(
                    line: lines.count, kind: .anchor,
                    message: "no entry has the hash \(anchor): entries were removed from the end, or the log was rewritten"))
        }
        problems.sort { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }
        return Report(entries: lines.count, head: parsed.last?.hash, problems: problems)
    }
}
