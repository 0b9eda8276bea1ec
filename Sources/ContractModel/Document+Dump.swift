extension Document {
    /// A stable, line-per-block text dump of the document for golden tests and
    /// `extract --format dump`: one line per block with kind, level, page,
    /// label and text, then the metadata that is not the file's identity.
    public func dump() -> String {
        var lines: [String] = []
        lines.append("format: \(metadata.format.rawValue)")
        if let pages = metadata.pages { lines.append("pages: \(pages)") }
        let tc = metadata.trackedChanges
        if tc.pending {
            lines.append("tracked changes: \(tc.insertions) insertions, \(tc.deletions) deletions, \(tc.moves) moves, \(tc.other) other")
        }
        for f in metadata.furniture {
            lines.append("furniture \(f.place.rawValue): \(f.text)" + (f.pages.isEmpty ? "" : " (pages \(f.pages.count))"))
        }
        for w in metadata.warnings { lines.append("warning: \(w)") }
        for b in blocks {
            var head = b.kind.rawValue
            if let level = b.level { head += " L\(level)" }
            if let page = b.page { head += " p\(page)" }
            if let cell = b.cell { head += " t\(cell.table)r\(cell.row)c\(cell.column)" }
            if let note = b.note { head += " note=\(note)" }
            if let label = b.label { head += " [\(label)]" }
            lines.append(head + " " + b.text)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
