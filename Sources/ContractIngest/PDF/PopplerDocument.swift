import CPoppler
import Foundation

/// One page's text as poppler gives it: the text as unicode scalars, one
/// rectangle per scalar (points, origin top left) and per-scalar font facts.
/// The only place outside this file that sees poppler's output.
struct PDFRawPage {
    var width: Double
    var height: Double
    var scalars: [Unicode.Scalar]
    /// x0, y0, x1, y1 for each scalar; empty when poppler's layout did not line
    /// up with its text (then the page has no usable geometry).
    var rects: [PDFRect]
    /// Font size per scalar (0 where poppler gave no attribute).
    var sizes: [Float]
    /// Whether each scalar is set in a bold font.
    var bold: [Bool]
}

/// A rectangle in points, origin top left.
struct PDFRect: Equatable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
}

/// Why poppler would not open a document.
enum PopplerOpenError: Error {
    case encrypted
    case failed(String)
}

/// A PDF opened by poppler-glib from memory. The only type that touches C.
///
/// Opened through a `GMemoryInputStream` and `poppler_document_new_from_stream`:
/// `poppler_document_new_from_bytes`/`_data` segfault on a wrong password in
/// poppler 22.12. Not thread-safe: one instance per task.
final class PopplerPDF {
    private let document: OpaquePointer

    /// Poppler prints syntax errors of broken files to stderr; silenced once.
    private static let silenced: Bool = {
        cpoppler_silence()
        return true
    }()

    /// A one-page document held open for the life of the process. Poppler builds its
    /// global parameters (font and encoding tables) when the first document opens and
    /// frees them when the last one closes: without this, a process reading one PDF
    /// after another built and freed them for every file (7 M instructions, over 1% of
    /// reading a PDF). Never closed.
    private static let keptOpen: Bool = (try? open(minimalPDF(), password: nil)) != nil

    /// The smallest valid PDF: a catalog, a page tree and one empty page.
    static func minimalPDF() -> Data {
        let objects = ["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>", "<</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>>"]
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(i + 1) 0 obj\(object)endobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        text += "trailer<</Size \(objects.count + 1)/Root 1 0 R>>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }

    init(data: Data, password: String?) throws(PopplerOpenError) {
        _ = Self.keptOpen
        document = try Self.open(data, password: password)
    }

    private static func open(_ data: Data, password: String?) throws(PopplerOpenError) -> OpaquePointer {
        _ = silenced
        let bytes: OpaquePointer? = data.withUnsafeBytes { raw in
            g_bytes_new(raw.baseAddress, gsize(raw.count))
        }
        defer { g_bytes_unref(bytes) }
        guard let stream = g_memory_input_stream_new_from_bytes(bytes) else {
            throw .failed("cannot create a memory stream")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(stream)) }
        var error: UnsafeMutablePointer<GError>? = nil
        let opened = poppler_document_new_from_stream(stream, goffset(data.count), password, nil, &error)
        guard let opened else {
            guard let error else { throw .failed("unknown error") }
            defer { g_error_free(error) }
            if error.pointee.domain == cpoppler_error_domain(),
                error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
            {
                throw .encrypted
            }
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            throw .failed(message)
        }
        if let error { g_error_free(error) }
        return opened
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
    }

    var pageCount: Int {
        Int(max(0, poppler_document_get_n_pages(document)))
    }

    /// The text of page `index` (0-based) with positions and fonts, or nil when
    /// poppler cannot load the page.
    func page(_ index: Int) -> PDFRawPage? {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)

        // One TextPage is built and cached by poppler-glib for all three calls.
        guard let cText = poppler_page_get_text(page) else {
            return PDFRawPage(width: width, height: height, scalars: [], rects: [], sizes: [], bold: [])
        }
        let scalars = Array(String(cString: cText).unicodeScalars)
        g_free(cText)
        if scalars.isEmpty {
            return PDFRawPage(width: width, height: height, scalars: [], rects: [], sizes: [], bold: [])
        }

        var rects: [PDFRect] = []
        var cRects: UnsafeMutablePointer<PopplerRectangle>? = nil
        var count: guint = 0
        if poppler_page_get_text_layout(page, &cRects, &count) != 0, let cRects {
            if Int(count) == scalars.count {
                rects.reserveCapacity(Int(count))
                for i in 0..<Int(count) {
                    let r = cRects[i]
                    rects.append(PDFRect(x0: min(r.x1, r.x2), y0: min(r.y1, r.y2), x1: max(r.x1, r.x2), y1: max(r.y1, r.y2)))
                }
            }
        }
        g_free(cRects)

        var sizes = [Float](repeating: 0, count: scalars.count)
        var bold = [Bool](repeating: false, count: scalars.count)
        if let attributes = poppler_page_get_text_attributes(page) {
            var node: UnsafeMutablePointer<GList>? = attributes
            while let n = node {
                if let a = n.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self) {
                    let lo = max(0, Int(a.pointee.start_index))
                    let hi = min(scalars.count - 1, Int(a.pointee.end_index))
                    if lo <= hi {
                        let size = Float(a.pointee.font_size)
                        let isBold = cpoppler_font_is_bold(a.pointee.font_name) != 0
                        for i in lo...hi {
                            sizes[i] = size
                            bold[i] = isBold
                        }
                    }
                }
                node = n.pointee.next
            }
            poppler_page_free_text_attributes(attributes)
        }
        return PDFRawPage(width: width, height: height, scalars: scalars, rects: rects, sizes: sizes, bold: bold)
    }
}
