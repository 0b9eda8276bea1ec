import Foundation

/// Limits and settings for reading one document. The defaults suit contracts;
/// each limit has a command-line flag to raise it.
public struct ReadOptions: Sendable, Equatable {
    /// Password for an encrypted PDF.
    public var password: String?
    /// Largest input file accepted, in bytes (`--max-bytes`).
    public var maxInputBytes: Int
    /// Largest total of decompressed ZIP parts read from a DOCX (`--max-unzipped-bytes`).
    public var maxDecompressedBytes: Int
    /// Most entries a DOCX (ZIP) may hold (`--max-zip-entries`).
    public var maxZipEntries: Int
    /// Most XML markup tags read from a DOCX's parts, counted before parsing
    /// (`--max-xml-elements`): the parsed tree takes memory per element, so this
    /// bounds memory where the decompressed size alone would not.
    public var maxXMLElements: Int
    /// Most pages read from a PDF (`--max-pages`).
    public var maxPages: Int
    /// Seconds allowed per document (`--time-limit`); enforced by the caller.
    public var timeLimit: Double
    /// Threads that read the pages of one PDF (a batch that runs a document per core sets 1).
    public var pdfThreads: Int

    public init(
        password: String? = nil, maxInputBytes: Int = 200 << 20, maxDecompressedBytes: Int = 512 << 20,
        maxZipEntries: Int = 10_000, maxPages: Int = 2_000, timeLimit: Double = 20,
        pdfThreads: Int = ProcessInfo.processInfo.activeProcessorCount, maxXMLElements: Int = 4_000_000
    ) {
        self.maxXMLElements = maxXMLElements
        self.pdfThreads = pdfThreads
        self.password = password
        self.maxInputBytes = maxInputBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxZipEntries = maxZipEntries
        self.maxPages = maxPages
        self.timeLimit = timeLimit
    }
}
