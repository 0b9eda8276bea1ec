import ContractModel
import Crypto
import Foundation

/// The reading stage: the bytes of one file in, a ``Document`` out.
///
/// The format comes from the bytes, not the name. The reader is a pure
/// function of the bytes and options; it neither opens files nor enforces the
/// time limit (a stuck C library cannot be interrupted from inside, so the
/// caller runs it under a watchdog).
public struct DocumentReader: Sendable {
    public var options: ReadOptions

    public init(options: ReadOptions = ReadOptions()) {
        self.options = options
    }

    /// Reads `data`, which came from the file the user named `path`.
    public func read(_ data: Data, path: String) throws(ReadError) -> Document {
        if data.isEmpty { throw ReadError(file: path, reason: .empty) }
        if data.count > options.maxInputBytes {
            throw ReadError(
                file: path,
                reason: .limitExceeded(
                    what: "the file size (\(data.count) bytes)", limit: "\(options.maxInputBytes) bytes",
                    flag: "--max-bytes"))
        }
        let format: DocumentFormat
        switch FormatDetector.detect(data, fileName: (path as NSString).lastPathComponent) {
        case .supported(let f): format = f
        case .unsupported(let name, let advice):
            throw ReadError(file: path, reason: .unsupported(format: name, advice: advice))
        case .ole2:
            throw ReadError(file: path, reason: OLE2Probe.classify(data))
        }
        let reader: any FormatReader =
            switch format {
            case .pdf: PDFReader()
            case .docx: DOCXReader()
            case .text: TextReader(markdown: false)
            case .markdown: TextReader(markdown: true)
            }
        let result = try reader.read(data, file: path, options: options)
        let metadata = DocumentMetadata(
            path: path, sha256: Self.sha256(data), format: format, byteCount: data.count, pages: result.pages,
            trackedChanges: result.trackedChanges, furniture: result.furniture, warnings: result.warnings)
        return Document(metadata: metadata, blocks: result.blocks)
    }

    /// Lower-case hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).lowercaseHex
    }
}
