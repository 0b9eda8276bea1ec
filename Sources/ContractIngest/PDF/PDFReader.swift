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

        // pages are read in parallel chunks, each with its own poppler document (poppler objects are
        // not shared between threads); one chunk per core the options allow
        let workers = max(1, min(options.pdfThreads, count / 2))
        let chunks = (0..<workers).map { w in (count * w / workers)..<(count * (w + 1) / workers) }
        let results = (0..<workers).map { _ in Shared<[(PDFPageLines, readable: Bool, positioned: Bool)]>() }
        // the first chunk uses the document already open; only its worker touches it
        nonisolated(unsafe) let opened = pdf
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let own = w == 0 ? opened : (try? PopplerPDF(data: data, password: options.password))
            var part: [(PDFPageLines, readable: Bool, positioned: Bool)] = []
            for index in chunks[w] {
                guard let own, let raw = own.page(index) else {
                    part.append((PDFPageLines(number: index + 1, width: 0, height: 0, lines: []), false, true))
                    continue
                }
                let lines = PDFLine.lines(of: raw, page: index + 1)
                part.append(
                    (PDFPageLines(number: index + 1, width: raw.width, height: raw.height, lines: lines), true,
                     raw.scalars.isEmpty || !raw.rects.isEmpty))
            }
            results[w].value = part
        }
        var pages: [PDFPageLines] = []
        pages.reserveCapacity(count)
        var warnings: [String] = []
        var unreadable: [Int] = []
        var anyText = false
        for (page, readable, positioned) in results.flatMap({ $0.value ?? [] }) {
            if !readable { unreadable.append(page.number) }
            if !page.lines.isEmpty { anyText = true }
            if !positioned {
                warnings.append("page \(page.number): poppler gave no positions for the text; its layout may be wrong")
            }
            pages.append(page)
        }
        if unreadable.count == count {
            throw ReadError(file: file, reason: .corrupt("none of its \(count) pages could be read; its page tree is broken"))
        }
        if !unreadable.isEmpty {
            warnings.append("pages \(unreadable.map(String.init).joined(separator: ", ")) could not be read and were skipped")
        }
        guard anyText else { throw ReadError(file: file, reason: .scanned(pages: count)) }

        let furniture = PDFFurniture.strip(&pages)
        let blocks = PDFLayout(pages: pages).blocks(threads: options.pdfThreads)
        return ReadResult(blocks: blocks, pages: count, furniture: furniture, warnings: warnings)
    }

    /// Poppler's message on one line, without a trailing period.
    private static func clean(_ message: String) -> String {
        var s = Whitespace.collapse(message)
        while s.hasSuffix(".") { s.removeLast() }
        return s.isEmpty ? "poppler could not open it" : s
    }
}
