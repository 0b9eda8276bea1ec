/// One unit of text as the document presents it: a heading, a paragraph, a
/// numbered list item, a table cell or a note.
public struct Block: Sendable, Codable, Equatable {
    /// What kind of block this is.
    public enum Kind: String, Sendable, Codable, Equatable, CaseIterable {
        case heading
        case paragraph
        case listItem = "list-item"
        case tableCell = "table-cell"
        case footnote
        case endnote
    }

    public var kind: Kind
    /// The number or label exactly as the reader sees it rendered: "4.2",
    /// "Section 4.02", "ARTICLE IV", "7.", "(b)". `nil` when the block has none.
    public var label: String?
    /// The text without the label, whitespace normalised (tabs and runs of
    /// spaces become one space; line breaks inside a paragraph become spaces).
    public var text: String
    /// Outline level, 0 for the top: a heading's level or a list item's
    /// numbering level. `nil` when unknown.
    public var level: Int?
    /// The 1-based page the block starts on, where the format has pages.
    public var page: Int?
    /// Where in the file the block came from.
    public var source: SourcePosition
    /// For a table cell: which table, row and column.
    public var cell: TableCell?
    /// For a footnote or endnote: its number or id as referenced from the body.
    public var note: String?

    public init(
        kind: Kind, label: String? = nil, text: String, level: Int? = nil, page: Int? = nil,
        source: SourcePosition, cell: TableCell? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.label = label
        self.text = text
        self.level = level
        self.page = page
        self.source = source
        self.cell = cell
        self.note = note
    }

    /// The block as a reader sees it: label, a space, text.
    public var renderedText: String {
        guard let label, !label.isEmpty else { return text }
        return text.isEmpty ? label : label + " " + text
    }
}

/// The table coordinates of a table-cell block (0-based).
public struct TableCell: Sendable, Codable, Equatable {
    public var table: Int
    public var row: Int
    public var column: Int

    public init(table: Int, row: Int, column: Int) {
        self.table = table
        self.row = row
        self.column = column
    }
}

/// Where a block came from in its file, precise enough to find it again.
///
/// - PDF: `page` and `box` (points, origin top left).
/// - DOCX: `part` (e.g. "word/document.xml") and `index`, the 0-based
///   ordinal of the paragraph within that part.
/// - Text and Markdown: `line` and `endLine` (1-based, inclusive).
public struct SourcePosition: Sendable, Codable, Equatable {
    public var part: String?
    public var index: Int?
    public var line: Int?
    public var endLine: Int?
    public var page: Int?
    public var box: Box?

    public init(
        part: String? = nil, index: Int? = nil, line: Int? = nil, endLine: Int? = nil,
        page: Int? = nil, box: Box? = nil
    ) {
        self.part = part
        self.index = index
        self.line = line
        self.endLine = endLine
        self.page = page
        self.box = box
    }

    /// A short human form: "page 3", "word/document.xml #12", "lines 4-7".
    public var description: String {
        if let page { return "page \(page)" }
        if let part, let index { return "\(part) #\(index)" }
        if let line {
            if let endLine, endLine != line { return "lines \(line)-\(endLine)" }
            return "line \(line)"
        }
        return "unknown position"
    }
}

/// A rectangle on a PDF page in points, origin at the top left.
public struct Box: Sendable, Codable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
