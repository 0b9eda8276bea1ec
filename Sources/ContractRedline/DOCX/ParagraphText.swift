import CLibXML2
import ContractIngest

/// The visible text of one w:p as the reader sees it (tracked changes
/// accepted: insertions in, deletions out; field codes, hidden runs and text
/// boxes left out), with each character traced back to the w:t (or w:tab ...)
/// element and run it came from, so that words found in the text can be
/// marked up in the XML.
struct ParagraphText {
    struct Piece {
        /// The w:t, w:tab, w:br ... element.
        var node: xmlNodePtr
        /// Its w:r.
        var run: xmlNodePtr
        /// Whether `node` is a w:t whose text can be split.
        var isText: Bool
        var start: Int
        var count: Int
    }

    private(set) var pieces: [Piece] = []
    /// The raw text, in Unicode scalars.
    private(set) var raw: [Unicode.Scalar] = []
    /// The text with whitespace collapsed as the reader does, and where each of its scalars is in `raw`.
    private(set) var collapsed: [Unicode.Scalar] = []
    private(set) var collapsedToRaw: [Int] = []

    private var fields = WordFields()

    init(_ paragraph: xmlNodePtr, part: XMLPart) {
        inline(paragraph, part)
        collapse()
    }

    /// The raw offsets of the first occurrence of `text` (whitespace-collapsed words).
    func find(_ text: String) -> Range<Int>? {
        let wanted = Array(Whitespace.collapse(text).unicodeScalars)
        guard !wanted.isEmpty, wanted.count <= collapsed.count else { return nil }
        var i = 0
        while i + wanted.count <= collapsed.count {
            if collapsed[i] == wanted[0], Array(collapsed[i..<(i + wanted.count)]) == wanted {
                return collapsedToRaw[i]..<(collapsedToRaw[i + wanted.count - 1] + 1)
            }
            i += 1
        }
        return nil
    }

    /// The collapsed text as a string.
    var text: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: collapsed)
        return String(s)
    }

    /// The piece holding raw offset `offset`.
    func piece(at offset: Int) -> Piece? {
        pieces.first { offset >= $0.start && offset < $0.start + $0.count }
    }

    /// The runs with text in `range`, in document order.
    func runs(in range: Range<Int>) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        for p in pieces where p.start < range.upperBound && p.start + p.count > range.lowerBound {
            if out.last != p.run && !out.contains(p.run) { out.append(p.run) }
        }
        return out
    }

    // MARK: reading

    private var showing: Bool { fields.showing }

    private mutating func add(_ node: xmlNodePtr, run: xmlNodePtr, _ s: String, isText: Bool) {
        let scalars = Array(s.unicodeScalars)
        guard !scalars.isEmpty else { return }
        pieces.append(Piece(node: node, run: run, isText: isText, start: raw.count, count: scalars.count))
        raw += scalars
    }

    private mutating func inline(_ e: xmlNodePtr, _ part: XMLPart) {
        for c in XMLPart.children(e) {
            let name = XMLPart.localName(c)
            if !part.inNamespace(c) {
                if name == "AlternateContent" {
                    let branches = XMLPart.children(c)
                    if let branch = branches.first(where: { XMLPart.localName($0) == "Choice" })
                        ?? branches.first(where: { XMLPart.localName($0) == "Fallback" })
                    {
                        inline(branch, part)
                    }
                }
                // DrawingML and VML around text boxes: their text is not the paragraph's
                continue
            }
            switch name {
            case "r": run(c, part)
            case "del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "fldData", "txbxContent":
                break
            case "sdt":
                if let content = part.child(c, "sdtContent") { inline(content, part) }
            default:
                inline(c, part)  // ins, moveTo, hyperlink, smartTag, customXml, fldSimple, bdo, dir
            }
        }
    }

    private mutating func run(_ r: xmlNodePtr, _ part: XMLPart) {
        var hidden = false
        if let rPr = part.child(r, "rPr"), let vanish = part.child(rPr, "vanish") {
            let v = part.attribute(vanish, "val")
            hidden = v == nil || !(v == "false" || v == "0" || v == "off")
        }
        for c in XMLPart.children(r) where part.inNamespace(c) {
            let visible = showing && !hidden
            switch XMLPart.localName(c) {
            case "t":
                if visible { add(c, run: r, XMLPart.text(c), isText: true) }
            case "tab", "ptab", "br", "cr":
                if visible { add(c, run: r, " ", isText: false) }
            case "noBreakHyphen":
                if visible { add(c, run: r, "-", isText: false) }
            case "sym":
                if visible, let code = part.attribute(c, "char").flatMap({ UInt32($0, radix: 16) }),
                    let u = UnicodeScalar(code), !(0xE000...0xF8FF).contains(code)
                {
                    add(c, run: r, String(Character(u)), isText: false)
                }
            case "fldChar":
                fields.mark(part.attribute(c, "fldCharType"))
            default:
                break
            }
        }
    }

    // MARK: whitespace

    private mutating func collapse() {
        var pendingSpace: Int?
        for (i, u) in raw.enumerated() {
            if u.properties.isWhitespace || u == "\u{200B}" {
                if !collapsed.isEmpty && pendingSpace == nil { pendingSpace = i }
                continue
            }
            if u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) { continue }
            if let space = pendingSpace {
                collapsed.append(" ")
                collapsedToRaw.append(space)
                pendingSpace = nil
            }
            collapsed.append(u)
            collapsedToRaw.append(i)
        }
    }
}
