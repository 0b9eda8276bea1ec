import ContractReport
import Foundation

// The rider as a plain document, written as .docx by the project's Word
// writer (ContractReport/Word).

/// A plain Word document: styled paragraphs of plain or bold runs.
public struct RiderDocument: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable {
        /// The document title (Word's Title style).
        case title
        /// Body text.
        case body
        /// A numbered clause (the number is part of its text).
        case clause
        /// A line of a signature block.
        case signature
    }

    public struct Run: Sendable, Equatable {
        public var text: String
        public var bold: Bool

        public init(_ text: String, bold: Bool = false) {
            self.text = text
            self.bold = bold
        }
    }

    public struct Paragraph: Sendable, Equatable {
        public var style: Style
        public var runs: [Run]
        /// Starts a new page.
        public var pageBreakBefore: Bool

        public init(_ style: Style, _ runs: [Run], pageBreakBefore: Bool = false) {
            self.style = style
            self.runs = runs
            self.pageBreakBefore = pageBreakBefore
        }
    }

    public var title: String
    public var paragraphs: [Paragraph]

    public init(title: String, paragraphs: [Paragraph]) {
        self.title = title
        self.paragraphs = paragraphs
    }
}

extension RiderDocument {
    /// The rider as a Word document in the project's writer's styles.
    public var wordDocument: WordDocument {
        var document = WordDocument(title: title)
        for p in paragraphs {
            if p.pageBreakBefore { document.append(.pageBreak) }
            let style: WordStyle = p.style == .title ? .title : .normal
            document.append(.paragraph(WordParagraph(style: style, p.runs.map { WordRun($0.text, bold: $0.bold) }, keepWithNext: p.style == .signature)))
        }
        return document
    }

    /// The bytes of the .docx: deterministic, as every file the Word writer makes.
    public func docx() throws(RedlineError) -> Data {
        do {
            return try DOCXWriter().write(wordDocument)
        } catch {
            throw RedlineError(.io(error.description))
        }
    }
}
