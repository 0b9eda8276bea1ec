import ContractModel

/// The footnotes or endnotes part: each note's text, read once in part order
/// (so source indices are paragraph ordinals in the part), then emitted in the
/// order the body references them. Separator notes are skipped.
package struct WordNotes {
    private var notes: [String: (text: String, label: String?, index: Int?)] = [:]
    package private(set) var changes = TrackedChanges.none

    package init() {}

    package init(root: XElement, part: String, styles: WordStyles, numbering: WordNumbering) {
        var walker = WordBodyWalker(part: part, styles: styles, numbering: numbering)
        for note in root.elements where note.ns == .w && (note.name == "footnote" || note.name == "endnote") {
            let type = note.attr("type") ?? "normal"
            let first = walker.blocks.count
            let firstIndex = walker.paragraphIndex
            walker.walk(note)
            guard type == "normal", let id = note.attr("id") else { continue }
            let produced = walker.blocks[first...]
            let text = produced.map(\.renderedText).joined(separator: " ")
            notes[id] = (text, nil, produced.first?.source.index ?? firstIndex)
        }
        changes = walker.changes
    }

    /// The note blocks for the referenced ids, in reference order.
    package func blocks(kind: Block.Kind, ids: [String], part: String) -> [Block] {
        ids.compactMap { id in
            guard let n = notes[id], !n.text.isEmpty else { return nil }
            return Block(kind: kind, text: n.text, source: SourcePosition(part: part, index: n.index), note: id)
        }
    }
}
