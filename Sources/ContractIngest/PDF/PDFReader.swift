import ContractModel
import Foundation

/// Reads PDF through poppler-glib: text with positions in reading order,
/// running headers, footers and page numbers set aside as furniture,
/// paragraphs rebuilt from geometry, hyphenation undone, labels parsed.
struct PDFReader: FormatReader {
    func read(_ data: Data, file: String, options: ReadOptions) throws(ReadError) -> ReadResult {
        let pdf: PopplerPDF
        do {
            pdf = try PopplerPDF(data: data, password: options.password)
        } catch {
            switch error {
            case .encrypted:
                let given = !(options.password ?? "").isEmpty
                throw ReadError(file: file, reason: given ? .wrongPassword : .passwordRequired)
            case .failed(let message):
                throw ReadError(file: file, reason: .corrupt(Self.clean(message)))
            }
        }
        let count = pdf.pageCount
        if count == 0 { throw ReadError(file: file, reason: .corrupt("no pages")) }
        if count > options.maxPages {
            throw ReadError(
                file: file,
                reason: .limitExceeded(what: "the page count (\(count))", limit: "\(options.maxPages) pages", flag: "--max-pages"))
        }

        var pages: [PDFPageLines] = []
        pages.reserveCapacity(count)
        var warnings: [String] = []
        var unreadable: [Int] = []
        var anyText = false
        for index in 0..<count {
            guard let raw = pdf.page(index) else {
                unreadable.append(index + 1)
                pages.append(PDFPageLines(number: index + 1, width: 0, height: 0, lines: []))
                continue
            }
            let lines = PDFLine.lines(of: raw, page: index + 1)
            if !lines.isEmpty { anyText = true }
            if !raw.scalars.isEmpty, raw.rects.isEmpty {
                warnings.append("page \(index + 1): poppler gave no positions for the text; its layout may be wrong")
            }
            pages.append(PDFPageLines(number: index + 1, width: raw.width, height: raw.height, lines: lines))
        }
        if !unreadable.isEmpty {
            warnings.append("pages \(unreadable.map(String.init).joined(separator: ", ")) could not be read and were skipped")
        }
        guard anyText else { throw ReadError(file: file, reason: .scanned(pages: count)) }

        let furniture = PDFFurniture.strip(&pages)
        let blocks = PDFLayout(pages: pages).blocks()
        return ReadResult(blocks: blocks, pages: count, furniture: furniture, warnings: warnings)
    }

    /// Poppler's message on one line, without a trailing period.
    private static func clean(_ message: String) -> String {
        var s = Whitespace.collapse(message)
        while s.hasSuffix(".") { s.removeLast() }
        return s.isEmpty ? "poppler could not open it" : s
    }
}
