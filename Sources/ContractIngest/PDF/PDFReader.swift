import ContractModel
import Foundation

/// Reads PDF through poppler-glib. (Placeholder: being written.)
struct PDFReader: FormatReader {
    func read(_ data: Data, file: String, options: ReadOptions) throws(ReadError) -> ReadResult {
        throw ReadError(file: file, reason: .unsupported(format: "PDF", advice: "not yet"))
    }
}
