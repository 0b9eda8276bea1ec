/// Plain-text rendering of a ``Document`` for `extract --format text`: one
/// block per line group, numbered blocks starting with their number, table rows
/// as cells joined by " | ", and notes marked with their number.
public enum TextRendering {
    public static func render(_ document: Document) -> String {
        var groups: [String] = []
        var row: [String] = []
        var rowKey: (Int, Int)? = nil

        func flushRow() {
            if !row.isEmpty { groups.append(row.joined(separator: " | ")) }
            row = []
            rowKey = nil
        }
        for block in document.blocks {
            if let cell = block.cell {
                if let key = rowKey, key != (cell.table, cell.row) { flushRow() }
                rowKey = (cell.table, cell.row)
                row.append(block.renderedText)
                continue
            }
            flushRow()
            switch block.kind {
            case .footnote, .endnote:
                groups.append("[^\(block.note ?? "?")] " + block.renderedText)
            default:
                groups.append(block.renderedText)
            }
        }
        flushRow()
        return groups.joined(separator: "\n\n") + (groups.isEmpty ? "" : "\n")
    }
}
