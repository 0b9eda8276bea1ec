import ContractModel
import Foundation

/// Reads DOCX through ZIPFoundation and libxml2. (Placeholder: being written.)
struct DOCXReader: FormatReader {
    func read(_ data: Data, file: String, options: ReadOptions) throws(ReadError) -> ReadResult {
        throw ReadError(file: file, reason: .unsupported(format: "DOCX", advice: "not yet"))
    }
}
