import Foundation
/// A Word document to write, as a list of blocks: paragraphs in named styles
/// (title, headings, body, quotes, notes), numbered and bulleted lists, tables
/// and page breaks. `DOCXWriter` turns it into a .docx package.
///
/// It is a general writer, not the memo's: anything that needs a plain,
/// well-formed Word file (a memo, a rider of numbered clauses with a cover
/// note) builds a `WordDocument` and writes it.
///
/// ```swift
/// var doc = WordDocument(title: "Rider", author: "baa-review")
/// doc.append(.paragraph(.init(style: .title, "Rider to the Business Associate Agreement")))
/// doc.append(.paragraph(.init("This rider adds the provisions below.")))
/// doc.append(.list(WordList(.decimal, items: [
///     WordListItem([.bold("Training. "), WordRun("Vendor shall not use PHI to train models.")]),
/// ])))
/// let bytes = try DOCXWriter().write(doc)
/// ```
public struct WordDocument: Sendable, Equatable {
    /// The document's title in its properties (docProps/core.xml).
    public var title: String?
    /// The author in its properties.
    public var author: String?
    /// The subject in its properties.
    public var subject: String?
    public var blocks: [WordBlock]
    /// A footer on every page; `WordRun.pageNumber` shows the page number.
    public var footer: [WordRun]?
    public var pageSize: PageSize

    /// The paper: US Letter or A4, portrait, with one-inch margins.
    public enum PageSize: Sendable, Equatable {
        case letter, a4
    }

    public init(
        title: String? = nil, author: String? = nil, subject: String? = nil, blocks: [WordBlock] = [],
        footer: [WordRun]? = nil, pageSize: PageSize = .letter
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.blocks = blocks
        self.footer = footer
        self.pageSize = pageSize
    }

    public mutating func append(_ block: WordBlock) {
        blocks.append(block)
    }

    public mutating func append(contentsOf blocks: [WordBlock]) {
        self.blocks.append(contentsOf: blocks)
    }
}

/// One block of the body.
public enum WordBlock: Sendable, Equatable {
    case paragraph(WordParagraph)
    /// A numbered or bulleted list; each list restarts its numbering unless it `continuesPrevious`.
    case list(WordList)
    case table(WordTable)
    /// The next block starts a new page.
    case pageBreak
}

/// The paragraph styles `DOCXWriter` defines in styles.xml (Word's built-in
/// names, so Word and LibreOffice show them in their style lists and outline).
public enum WordStyle: Sendable, Equatable {
    case normal
    case title
    case subtitle
    /// Heading 1 to 3 (outline levels 0 to 2).
    case heading(Int)
    /// An indented quotation from another document (a contract clause).
    case quote
    /// Indented body text set apart, such as requested contract language.
    case blockText
    /// Small grey text: notes, provenance.
    case note

    /// The style id in styles.xml.
    public var id: String {
        switch self {
        case .normal: "Normal"
        case .title: "Title"
        case .subtitle: "Subtitle"
        case .heading(let level): "Heading\(min(max(level, 1), 3))"
        case .quote: "Quote"
        case .blockText: "BlockText"
        case .note: "Note"
        }
    }
}

/// A paragraph: runs of text in one style.
public struct WordParagraph: Sendable, Equatable {
    public var style: WordStyle
    public var runs: [WordRun]
    /// Keep on the same page as the next paragraph (headings do so by their style).
    public var keepWithNext: Bool

    public init(style: WordStyle = .normal, _ runs: [WordRun], keepWithNext: Bool = false) {
        self.style = style
        self.runs = runs
        self.keepWithNext = keepWithNext
    }

    /// A paragraph of plain text.
    public init(style: WordStyle = .normal, _ text: String, keepWithNext: Bool = false) {
        self.init(style: style, [WordRun(text)], keepWithNext: keepWithNext)
    }
}

/// A run of text with character formatting. Line breaks (`\n`) and tabs in the
/// text become Word's breaks and tabs.
public struct WordRun: Sendable, Equatable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    /// A yellow highlighter mark, as Word's Text Highlight Color.
    public var highlight: Bool
    /// A field instead of text: the page number or the number of pages.
    public var field: Field?

    public enum Field: String, Sendable, Equatable {
        case page = "PAGE"
        case numberOfPages = "NUMPAGES"
    }

    public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, highlight: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.highlight = highlight
        self.field = nil
    }

    public static func bold(_ text: String) -> WordRun { WordRun(text, bold: true) }
    public static func italic(_ text: String) -> WordRun { WordRun(text, italic: true) }
    public static func highlighted(_ text: String) -> WordRun { WordRun(text, highlight: true) }

    /// The current page number (a PAGE field), for footers.
    public static var pageNumber: WordRun {
        var run = WordRun("1")
        run.field = .page
        return run
    }

    /// The number of pages (a NUMPAGES field), for "Page 2 of 5".
    public static var numberOfPages: WordRun {
        var run = WordRun("1")
        run.field = .numberOfPages
        return run
    }
}

/// A list whose items Word numbers (or bullets) itself, through numbering.xml.
public struct WordList: Sendable, Equatable {
    public var kind: Kind
    public var items: [WordListItem]
    /// Continue the numbering of the previous list of the same kind instead of restarting at 1.
    public var continuesPrevious: Bool

    /// How the levels are numbered.
    public enum Kind: Sendable, Equatable {
        /// 1. / (a) / (i)
        case decimal
        /// 1. / 1.1 / 1.1.1, as contracts number sections.
        case legal
        /// • / – / ·
        case bullet
    }

    public init(_ kind: Kind, items: [WordListItem], continuesPrevious: Bool = false) {
        self.kind = kind
        self.items = items
        self.continuesPrevious = continuesPrevious
    }
}

/// One item of a list: a paragraph at a level (0 is the outermost, up to 2).
public struct WordListItem: Sendable, Equatable {
    public var runs: [WordRun]
    public var level: Int
    public var style: WordStyle

    public init(_ runs: [WordRun], level: Int = 0, style: WordStyle = .normal) {
        self.runs = runs
        self.level = min(max(level, 0), 2)
        self.style = style
    }

    public init(_ text: String, level: Int = 0) {
        self.init([WordRun(text)], level: level)
    }
}

/// A table with an optional header row (repeated on each page), full width.
public struct WordTable: Sendable, Equatable {
    /// Relative column widths (e.g. [1, 4, 2]); equal when empty.
    public var columnWeights: [Double]
    public var header: [WordCell]?
    public var rows: [[WordCell]]

    public init(columnWeights: [Double] = [], header: [WordCell]? = nil, rows: [[WordCell]]) {
        self.columnWeights = columnWeights
        self.header = header
        self.rows = rows
    }

    /// The number of columns: the widest row.
    public var columnCount: Int {
        max(header?.count ?? 0, rows.map(\.count).max() ?? 0, columnWeights.count, 1)
    }
}

/// One table cell: one or more paragraphs.
public struct WordCell: Sendable, Equatable {
    public var paragraphs: [WordParagraph]
    /// A background colour as six hex digits ("FDE8DA"), if any.
    public var fill: String?

    public init(_ paragraphs: [WordParagraph], fill: String? = nil) {
        self.paragraphs = paragraphs
        self.fill = fill
    }

    public init(_ runs: [WordRun], fill: String? = nil) {
        self.init([WordParagraph(runs)], fill: fill)
    }

    public init(_ text: String, fill: String? = nil) {
        self.init([WordParagraph(text)], fill: fill)
    }
}
