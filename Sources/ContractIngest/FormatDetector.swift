import ContractModel
import Foundation

/// Recognises a file's format from its first bytes, never from its name
/// (the name only tells Markdown from plain text).
public enum DetectedFormat: Equatable, Sendable {
    case supported(DocumentFormat)
    /// A format we refuse, with its human name and the advice to give.
    case unsupported(name: String, advice: String)
    /// An OLE2 container: a legacy .doc or an encrypted (password-protected) DOCX.
    case ole2
}

public enum FormatDetector {
    /// Detects the format of `data`; `fileName` is consulted only to tell Markdown from text.
    public static func detect(_ data: Data, fileName: String) -> DetectedFormat {
        let head = [UInt8](data.prefix(1024))
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        // %PDF- may follow some leading junk; readers accept it within the first 1 KiB.
        if data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil {
            return .supported(.pdf)
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            return .supported(.docx)  // the DOCX reader refuses ZIPs that are not Word documents
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole2 }
        if starts(Array("{\\rtf".utf8)) {
            return .unsupported(name: "RTF", advice: "Open it in Word or LibreOffice and save it as .docx or PDF.")
        }
        let images: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "A PNG image"), ([0xFF, 0xD8, 0xFF], "A JPEG image"),
            (Array("GIF8".utf8), "A GIF image"), ([0x49, 0x49, 0x2A, 0x00], "A TIFF image"),
            ([0x4D, 0x4D, 0x00, 0x2A], "A TIFF image"),
        ]
        for (magic, name) in images where starts(magic) {
            return .unsupported(
                name: name, advice: "baa-review reads text, not images: ask for the contract as .docx or a text PDF.")
        }
        if starts([0x1F, 0x8B]) || starts(Array("7z".utf8) + [0xBC, 0xAF]) || starts(Array("Rar!".utf8)) {
            return .unsupported(name: "A compressed archive", advice: "Extract the contract and review the file inside.")
        }
        if looksBinary(head) {
            return .unsupported(
                name: "This binary format",
                advice: "baa-review reads PDF, DOCX, text and Markdown: save the contract as .docx or PDF.")
        }
        let lower = fileName.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .supported(.markdown) }
        return .supported(.text)
    }

    /// Text has no NUL bytes (UTF-16 text has a BOM, which is checked first).
    private static func looksBinary(_ head: [UInt8]) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return false }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return false }
        let controls = head.filter { $0 == 0 || ($0 < 0x09) || ($0 > 0x0D && $0 < 0x20 && $0 != 0x1B) }
        return head.contains(0) || controls.count * 20 > max(head.count, 1)
    }
}
