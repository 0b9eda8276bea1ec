import ContractModel

/// What a redline changes in a contract, decided from the findings and the
/// contract's structure before any XML is touched: comments on the clauses
/// that decided a gap, tracked replacements of conflicting sentences, and new
/// sections for missing provisions. Paragraphs are named by their ordinal in
/// the main document part (``SourcePosition/index`` of a DOCX block).
public struct RedlinePlan: Sendable, Equatable {
    public var comments: [Comment] = []
    public var replacements: [Replacement] = []
    /// The new article with the missing provisions; `nil` when none is missing.
    public var insertion: Insertion?
    /// Findings the plan could not act on, and why (no clause found, no language in the library).
    public var notes: [String] = []

    public init() {}

    /// Where a comment or a change sits: some text in a paragraph, or whole paragraphs.
    public struct Anchor: Sendable, Hashable {
        /// Ordinal of the first paragraph.
        public var paragraph: Int
        /// Ordinal of the last paragraph (the same for text in one paragraph).
        public var lastParagraph: Int
        /// The exact words within `paragraph` (whitespace collapsed); `nil` for the whole paragraphs.
        public var text: String?
        /// The clause as cited ("4.2(b)").
        public var clause: String

        public init(paragraph: Int, lastParagraph: Int, text: String?, clause: String) {
            self.paragraph = paragraph
            self.lastParagraph = lastParagraph
            self.text = text
            self.clause = clause
        }
    }

    /// A Word comment on the clause that decided a partial or conflicting provision.
    public struct Comment: Sendable, Equatable {
        public var provision: String
        public var status: Finding.Status
        public var anchor: Anchor
        /// The comment's paragraphs; the first is its title.
        public var paragraphs: [String]
    }

    /// Conflicting sentences deleted as tracked changes, the library's
    /// replacement inserted after the first of them, and a comment on it.
    public struct Replacement: Sendable, Equatable {
        public var provision: String
        /// Each deleted sentence, with the paragraph it is in.
        public var deletions: [Anchor]
        public var text: String
        public var comment: [String]
    }

    /// The new article: a heading and one section per missing provision,
    /// formatted and numbered like the contract's own last article and section.
    public struct Insertion: Sendable, Equatable {
        /// Ordinal of the paragraph after which the article goes (the end of the operative body,
        /// before the signature blocks and exhibits); `nil`: at the end of the body.
        public var afterParagraph: Int?
        public var article: NewParagraph
        public var sections: [NewSection]
        /// The contract's last article heading, whose format the new heading copies.
        public var articleTemplate: Template?
        /// The contract's last section, whose format (and automatic numbering) new sections copy.
        public var sectionTemplate: Template?
        /// Whether the contract numbers sections afresh in each article ("(a)", "(b)" under
        /// unnumbered headings): new sections then start again, as a new list in Word's numbering.
        public var restartNumbering = false
    }

    /// The new article's heading.
    public struct NewParagraph: Sendable, Equatable {
        /// The number as the contract would print it ("9.", "ARTICLE IX"); `nil` when unnumbered.
        public var label: String?
        public var text: String
    }

    /// A new section with a missing provision's model clause.
    public struct NewSection: Sendable, Equatable {
        public var provision: String
        /// The number as the contract would print it ("9.1", "Section 9.01", "24."); `nil` when unnumbered.
        public var label: String?
        public var heading: String
        public var text: String
        /// A comment on the new section: why it was added.
        public var comment: [String]
    }

    /// A paragraph of the contract to copy the format of.
    public struct Template: Sendable, Equatable {
        /// Ordinal of the paragraph with the number (and heading, or text).
        public var paragraph: Int
        /// The number as printed; with automatic numbering it is not in the paragraph's text.
        public var label: String?
        /// The heading as printed, inline or in its own paragraph.
        public var heading: String?
        /// When the heading has a paragraph of its own: the ordinal of the paragraph with the text.
        public var textParagraph: Int?
        /// The first words of the text, to find the run whose format the text copies.
        public var textStart: String?
    }
}
