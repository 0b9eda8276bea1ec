import ContractModel

/// Walks a WordprocessingML story (the body, a header, a footer or the notes
/// part) once, in document order, and turns paragraphs and table cells into
/// blocks, with tracked changes read as accepted.
package struct WordBodyWalker {
    /// A paragraph or table cell as the walker produced it.
    package var blocks: [Block] = []
    package var changes = TrackedChanges.none
    /// Footnote and endnote ids in the order they are referenced (first reference).
    package var noteReferences: [(kind: Block.Kind, id: String)] = []
    /// Paragraph ordinal within the part.
    package var paragraphIndex = 0
    /// For each paragraph ordinal (``SourcePosition/index``), the ``XElement/ordinal``
    /// of its w:p element, so that an editor can find the paragraph a block came from.
    package var paragraphElements: [Int] = []

    private let part: String
    private let styles: WordStyles
    private var numbering: WordNumbering
    private var tableCount = 0
    private var seenNotes: Set<String> = []
    private var fields = WordFields()
    private var cells: [CellBuffer] = []
    private var pending: Pending?

    private struct CellBuffer {
        var cell: TableCell
        var label: String?
        var parts: [String] = []
        var index: Int?
    }

    /// Text of a paragraph whose mark was deleted, waiting to merge with the next one.
    private struct Pending {
        var text: String
        var index: Int
        var sawDeletion: Bool
        var pPr: XElement?
    }

    /// Per-paragraph state while reading its runs.
    private struct ParagraphText {
        var text = ""
        var sawDeletion = false
        var textBoxes: [XElement] = []
    }

    package init(part: String, styles: WordStyles, numbering: WordNumbering) {
        self.part = part
        self.styles = styles
        self.numbering = numbering
    }

    // MARK: block level

    /// Walks the block-level content of `container` (w:body, w:tc, w:hdr, w:footnote, w:txbxContent ...).
    package mutating func walk(_ container: XElement) {
        walkBlocks(container)
        flushPending()
    }

    private mutating func walkBlocks(_ container: XElement) {
        for case .element(let e) in container.children {
            if e.ns == .mc {
                if e.name == "AlternateContent", let branch = Self.branch(e) { walkBlocks(branch) }
                continue
            }
            guard e.ns == .w else { continue }
            switch e.name {
            case "p": paragraph(e)
            case "tbl":
                flushPending()
                table(e)
            case "sdt":
                if let content = e.child("sdtContent") { walkBlocks(content) }
            case "customXml", "ins", "moveTo", "smartTag":
                walkBlocks(e)
            case "sectPr":
                if e.child("sectPrChange") != nil { changes.other += 1 }
            default:
                break  // w:del/moveFrom wrappers, altChunk, bookmarks, sectPr
            }
        }
    }

    /// mc:AlternateContent: the first mc:Choice, else mc:Fallback; never both.
    static func branch(_ alt: XElement) -> XElement? {
        alt.elements.first(where: { $0.ns == .mc && $0.name == "Choice" })
            ?? alt.elements.first(where: { $0.ns == .mc && $0.name == "Fallback" })
    }

    private mutating func table(_ tbl: XElement) {
        // a nested table: emit what the enclosing cell holds so far, to keep reading order
        if !cells.isEmpty {
            var top = cells.removeLast()
            flushCell(&top)
            cells.append(top)
        }
        let tableIndex = tableCount
        tableCount += 1
        if tbl.child("tblPr")?.child("tblPrChange") != nil { changes.other += 1 }
        if tbl.child("tblGrid")?.child("tblGridChange") != nil { changes.other += 1 }
        var row = 0
        for tr in Self.flatten(tbl, "tr") {
            if let trPr = tr.child("trPr") {
                if trPr.child("del") != nil {
                    changes.deletions += 1
                    continue
                }
                if trPr.child("ins") != nil { changes.insertions += 1 }
                if trPr.child("trPrChange") != nil { changes.other += 1 }
            }
            var column = 0
            for tc in Self.flatten(tr, "tc") {
                if let tcPr = tc.child("tcPr") {
                    if tcPr.child("cellDel") != nil {
                        changes.deletions += 1
                        continue
                    }
                    if tcPr.child("cellIns") != nil { changes.insertions += 1 }
                    if tcPr.child("cellMerge") != nil || tcPr.child("tcPrChange") != nil { changes.other += 1 }
                }
                cells.append(CellBuffer(cell: TableCell(table: tableIndex, row: row, column: column)))
                walkBlocks(tc)
                flushPending()
                var buffer = cells.removeLast()
                flushCell(&buffer)
                column += 1
            }
            row += 1
        }
    }

    /// Rows of a table or cells of a row, looking through sdt and customXml wrappers.
    private static func flatten(_ parent: XElement, _ name: String) -> [XElement] {
        var out: [XElement] = []
        for e in parent.elements where e.ns == .w {
            if e.name == name {
                out.append(e)
            } else if e.name == "sdt", let content = e.child("sdtContent") {
                out += flatten(content, name)
            } else if e.name == "customXml" {
                out += flatten(e, name)
            }
        }
        return out
    }

    private mutating func flushCell(_ buffer: inout CellBuffer) {
        let text = buffer.parts.joined(separator: " ")
        defer {
            buffer.parts = []
            buffer.label = nil
            buffer.index = nil
        }
        guard !text.isEmpty || buffer.label != nil else { return }
        blocks.append(
            Block(
                kind: .tableCell, label: buffer.label, text: text,
                source: SourcePosition(part: part, index: buffer.index), cell: buffer.cell))
    }

    // MARK: paragraphs

    private mutating func paragraph(_ p: XElement) {
        let index = paragraphIndex
        paragraphIndex += 1
        paragraphElements.append(p.ordinal)
        let pPr = p.child("pPr")
        var markDeleted = false
        if let pPr {
            if pPr.child("pPrChange") != nil { changes.other += 1 }
            if let rPr = pPr.child("rPr") {
                if rPr.child("del") != nil {
                    markDeleted = true
                    changes.deletions += 1
                }
                if rPr.child("moveFrom") != nil {
                    markDeleted = true
                    changes.moves += 1
                }
                if rPr.child("ins") != nil { changes.insertions += 1 }
                if rPr.child("rPrChange") != nil { changes.other += 1 }
            }
        }
        var content = ParagraphText()
        inline(p, &content)
        if var merged = pending {
            pending = nil
            merged.text += content.text
            merged.sawDeletion = merged.sawDeletion || content.sawDeletion
            content.text = merged.text
            content.sawDeletion = merged.sawDeletion
            if markDeleted {
                pending = Pending(text: content.text, index: merged.index, sawDeletion: true, pPr: pPr)
            } else {
                finish(content.text, index: merged.index, sawDeletion: content.sawDeletion, pPr: pPr)
            }
        } else if markDeleted {
            pending = Pending(text: content.text, index: index, sawDeletion: true, pPr: pPr)
        } else {
            finish(content.text, index: index, sawDeletion: content.sawDeletion, pPr: pPr)
        }
        // text boxes anchored in the paragraph follow it
        for box in content.textBoxes { walk(box) }
    }

    private mutating func flushPending() {
        guard let p = pending else { return }
        pending = nil
        finish(p.text, index: p.index, sawDeletion: p.sawDeletion, pPr: p.pPr)
    }

    private mutating func finish(_ raw: String, index: Int, sawDeletion: Bool, pPr: XElement?) {
        let text = Whitespace.collapse(raw)
        // emptied by deletions: gone, and it does not count in its list
        if text.isEmpty && sawDeletion { return }
        let style = pPr?.child("pStyle")?.attr("val") ?? styles.defaultParagraphStyle
        let numPr = pPr?.child("numPr")
        let numId = numPr?.child("numId")?.attr("val").flatMap(Int.init)
        let ilvl = numPr?.child("ilvl")?.attr("val").flatMap(Int.init)
        var label: String?
        var listLevel: Int?
        if let n = numbering.resolve(numId: numId, ilvl: ilvl, style: style) {
            label = numbering.next(numId: n.numId, ilvl: n.ilvl)
            listLevel = min(max(n.ilvl, 0), 8)
        }
        if text.isEmpty { return }
        var headingLevel: Int?
        if let o = pPr?.child("outlineLvl")?.attr("val").flatMap(Int.init) {
            headingLevel = (0...8).contains(o) ? o : nil
        } else if let style {
            headingLevel = styles.headingLevel(style)
        }
        var body = text
        let automatic = label?.isEmpty == false
        if !automatic {
            label = nil
            if let m = LabelParser.split(text) {
                label = m.label
                body = m.rest
            }
        }
        if !cells.isEmpty {
            let top = cells.count - 1
            if cells[top].index == nil { cells[top].index = index }
            if cells[top].parts.isEmpty && cells[top].label == nil {
                cells[top].label = label
                if !body.isEmpty { cells[top].parts.append(body) }
            } else {
                cells[top].parts.append(label.map { body.isEmpty ? $0 : $0 + " " + body } ?? body)
            }
            return
        }
        let kind: Block.Kind = headingLevel != nil ? .heading : (automatic ? .listItem : .paragraph)
        let level: Int? = headingLevel ?? (automatic ? listLevel : nil)
        blocks.append(
            Block(kind: kind, label: label, text: body, level: level, source: SourcePosition(part: part, index: index)))
    }

    // MARK: inline

    private var showing: Bool { fields.showing }

    private mutating func inline(_ e: XElement, _ out: inout ParagraphText) {
        for case .element(let c) in e.children {
            switch c.ns {
            case .w:
                switch c.name {
                case "r": run(c, &out)
                case "ins":
                    changes.insertions += 1
                    inline(c, &out)
                case "moveTo":
                    inline(c, &out)
                case "del":
                    changes.deletions += 1
                    out.sawDeletion = true
                case "moveFrom":
                    changes.moves += 1
                    out.sawDeletion = true
                case "sdt":
                    if let content = c.child("sdtContent") { inline(content, &out) }
                case "txbxContent":
                    out.textBoxes.append(c)
                case "pPr", "rPr", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr", "fldData":
                    break
                default:
                    inline(c, &out)  // hyperlink, smartTag, customXml, fldSimple, bdo, dir, drawing ...
                }
            case .mc:
                if c.name == "AlternateContent", let branch = Self.branch(c) { inline(branch, &out) }
            case .math:
                if c.name == "t" {
                    if showing { out.text += c.text }
                } else {
                    inline(c, &out)
                }
            default:
                inline(c, &out)  // DrawingML / VML around a text box
            }
        }
    }

    private mutating func run(_ r: XElement, _ out: inout ParagraphText) {
        var hidden = false
        if let rPr = r.child("rPr") {
            if let v = rPr.child("vanish"), v.isOn { hidden = true }
            if rPr.child("rPrChange") != nil { changes.other += 1 }
        }
        for case .element(let c) in r.children {
            if c.ns == .mc {
                if c.name == "AlternateContent", let branch = Self.branch(c) { inline(branch, &out) }
                continue
            }
            guard c.ns == .w else {
                inline(c, &out)
                continue
            }
            switch c.name {
            case "t":
                if showing && !hidden { out.text += c.text }
            case "tab", "ptab", "br", "cr":
                if showing && !hidden { out.text += " " }
            case "noBreakHyphen":
                if showing && !hidden { out.text += "-" }
            case "sym":
                if showing && !hidden, let code = c.attr("char").flatMap({ UInt32($0, radix: 16) }) {
                    // Symbol-font characters live at F0xx; keep only real characters
                    if let u = UnicodeScalar(code), !(0xE000...0xF8FF).contains(code) { out.text.unicodeScalars.append(u) }
                }
            case "fldChar":
                fields.mark(c.attr("fldCharType"))
            case "footnoteReference", "endnoteReference":
                if let id = c.attr("id") {
                    let kind: Block.Kind = c.name == "footnoteReference" ? .footnote : .endnote
                    let key = "\(kind.rawValue):\(id)"
                    if !seenNotes.contains(key) {
                        seenNotes.insert(key)
                        noteReferences.append((kind, id))
                    }
                }
            case "delText", "instrText", "delInstrText", "softHyphen", "rPr", "footnoteRef", "endnoteRef",
                "annotationRef", "separator", "continuationSeparator", "lastRenderedPageBreak":
                break
            case "txbxContent":
                out.textBoxes.append(c)
            default:
                inline(c, &out)  // drawing, pict, object: text boxes inside
            }
        }
    }
}
