/// A contract as read from its file: blocks of text in reading order, each with
/// where it came from, plus what the reader learned about the file itself.
///
/// `Document` is the one currency between the pipeline's stages
/// (Ingest -> Segment -> Match -> Report). It is a plain value: stages read it and
/// return new values; none of them touches files.
public struct Document: Sendable, Codable, Equatable {
    /// What was read, and how.
    public var metadata: DocumentMetadata
    /// Body blocks, footnotes and endnotes in reading order. Page furniture
    /// (running headers and footers, page numbers) is not here but in
    /// ``DocumentMetadata/furniture``.
    public var blocks: [Block]
    /// The clause tree, definitions and parties, once the segment stage has run.
    public var structure: ContractStructure?

    public init(metadata: DocumentMetadata, blocks: [Block], structure: ContractStructure? = nil) {
        self.metadata = metadata
        self.blocks = blocks
        self.structure = structure
    }
}

/// The format a reader recognised from the file's bytes.
public enum DocumentFormat: String, Sendable, Codable, Equatable, CaseIterable {
    case pdf
    case docx
    case text
    case markdown
}

/// Facts about the source file that every report repeats.
public struct DocumentMetadata: Sendable, Codable, Equatable {
    /// The path as the user gave it (only used for display and citation).
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// The detected format.
    public var format: DocumentFormat
    /// Size of the file in bytes.
    public var byteCount: Int
    /// Number of pages for a PDF; `nil` where the format has no fixed pages.
    public var pages: Int?
    /// Tracked changes found (DOCX); the text is read with all of them accepted.
    public var trackedChanges: TrackedChanges
    /// Running headers, footers and page numbers kept out of the body.
    public var furniture: [Furniture]
    /// Problems the reader recovered from (replaced bytes, skipped parts).
    public var warnings: [String]

    public init(
        path: String, sha256: String, format: DocumentFormat, byteCount: Int, pages: Int? = nil,
        trackedChanges: TrackedChanges = .none, furniture: [Furniture] = [], warnings: [String] = []
    ) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.byteCount = byteCount
        self.pages = pages
        self.trackedChanges = trackedChanges
        self.furniture = furniture
        self.warnings = warnings
    }
}

/// Counts of the tracked changes (revisions) a DOCX still holds. The reader
/// applies them as if accepted: insertions kept, deletions and moved-from text dropped.
public struct TrackedChanges: Sendable, Codable, Equatable {
    public var insertions: Int
    public var deletions: Int
    public var moves: Int
    /// Other revisions (formatting, paragraph or table property changes).
    public var other: Int

    public static let none = TrackedChanges(insertions: 0, deletions: 0, moves: 0, other: 0)

    public init(insertions: Int, deletions: Int, moves: Int, other: Int = 0) {
        self.insertions = insertions
        self.deletions = deletions
        self.moves = moves
        self.other = other
    }

    /// Whether any revision is pending in the file.
    public var pending: Bool { insertions + deletions + moves + other > 0 }
    /// All revisions together.
    public var total: Int { insertions + deletions + moves + other }
}

/// A line of page furniture removed from the body: a running header, footer or page number.
public struct Furniture: Sendable, Codable, Equatable {
    public enum Place: String, Sendable, Codable, Equatable {
        case header, footer, pageNumber = "page-number"
    }
    public var place: Place
    public var text: String
    /// Pages it was removed from (1-based). For DOCX headers and footers: empty.
    public var pages: [Int]

    public init(place: Place, text: String, pages: [Int]) {
        self.place = place
        self.text = text
        self.pages = pages
    }
}
