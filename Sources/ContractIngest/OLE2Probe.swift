import ContractModel
import Foundation

/// Tells an encrypted DOCX from a legacy Word .doc inside an OLE2 container.
///
/// Word stores a password-protected .docx as an OLE2 file whose directory holds
/// the streams "EncryptionInfo" and "EncryptedPackage"; a .doc holds "WordDocument".
/// The directory entry names are UTF-16LE, so a byte search is enough to tell them apart.
enum OLE2Probe {
    static func classify(_ data: Data) -> ReadError.Reason {
        func has(_ name: String) -> Bool {
            let utf16 = Data(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            return data.range(of: utf16) != nil
        }
        if has("EncryptedPackage") || has("EncryptionInfo") { return .protectedDOCX }
        if has("WordDocument") {
            return .unsupported(
                format: "A legacy Word 97-2003 document (.doc)",
                advice: "Open it in Word or LibreOffice and save it as .docx (or export a PDF), then run again.")
        }
        return .unsupported(
            format: "This Microsoft Office (OLE2) file",
            advice: "Save the contract as .docx or PDF and run again.")
    }
}
