import Foundation
/// Writes the body of a `WordDocument` as WordprocessingML (word/document.xml),
/// and collects the lists it numbers so numbering.xml can define them.
/// Child elements follow the order the OOXML schema requires, which Word checks.
struct WordBodyXML {
    /// One w:num of numbering.xml: a list instance and the abstract numbering it uses.
    struct NumberedList: Equatable {
        var numId: Int
        var kind: WordList.Kind
    }

    private(set) var lists: [NumberedList] = []
    /// Text width in twips (page width less the margins), for table columns.
    let textWidth: Int

    init(textWidth: Int) {
        self.textWidth = textWidth
    }

    static let namespaces =
        #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    mutating func body(_ blocks: [WordBlock]) -> String {
        var out = ""
        for block in blocks {
            switch block {
            case .paragraph(let p): out += paragraph(p)
            case .list(let list): out += self.list(list)
            case .table(let table): out += self.table(table)
            case .pageBreak: out += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            }
        }
        return out
    }

    func paragraph(_ p: WordParagraph, numbering: (numId: Int, level: Int)? = nil) -> String {
        var pPr = ""
        if p.style != .normal { pPr += #"<w:pStyle w:val="\#(p.style.id)"/>"# }
        if p.keepWithNext { pPr += "<w:keepNext/>" }
        if let numbering {
            pPr += #"<w:numPr><w:ilvl w:val="\#(numbering.level)"/><w:numId w:val="\#(numbering.numId)"/></w:numPr>"#
        }
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + p.runs.map(Self.run).joined() + "</w:p>"
    }

    private mutating func list(_ list: WordList) -> String {
        let numId: Int
        if list.continuesPrevious, let previous = lists.last(where: { $0.kind == list.kind }) {
            numId = previous.numId
        } else {
            numId = lists.count + 1
            lists.append(NumberedList(numId: numId, kind: list.kind))
        }
        return list.items.map { item in
            paragraph(WordParagraph(style: item.style, item.runs), numbering: (numId, item.level))
        }.joined()
    }

    private func table(_ table: WordTable) -> String {
        let n = table.columnCount
        var weights = table.columnWeights.count == n ? table.columnWeights : Array(repeating: 1.0, count: n)
        if weights.contains(where: { $0 <= 0 }) { weights = Array(repeating: 1.0, count: n) }
        let total = weights.reduce(0, +)
        let widths = weights.map { Int((Double(textWidth) * $0 / total).rounded(.down)) }
        var out = "<w:tbl><w:tblPr>"
        out += #"<w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>"#
        out += #"<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>"#
        out += "</w:tblPr><w:tblGrid>"
        out += widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined()
        out += "</w:tblGrid>"
        if let header = table.header {
            out += row(header, widths: widths, header: true)
        }
        for cells in table.rows { out += row(cells, widths: widths, header: false) }
        return out + "</w:tbl>"
    }

    private func row(_ cells: [WordCell], widths: [Int], header: Bool) -> String {
        var out = "<w:tr>"
        out += header ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>"
        for (i, width) in widths.enumerated() {
            var cell = i < cells.count ? cells[i] : WordCell("")
            if header {
                if cell.fill == nil { cell.fill = "E8EBF0" }
                cell.paragraphs = cell.paragraphs.map { p in
                    WordParagraph(style: p.style, p.runs.map { var r = $0; r.bold = true; return r }, keepWithNext: p.keepWithNext)
                }
            }
            out += "<w:tc><w:tcPr>" + #"<w:tcW w:w="\#(width)" w:type="dxa"/>"#
            if let fill = cell.fill, fill.count == 6, fill.allSatisfy(\.isHexDigit) {
                out += #"<w:shd w:val="clear" w:color="auto" w:fill="\#(fill.uppercased())"/>"#
            }
            out += "</w:tcPr>"
            let paragraphs = cell.paragraphs.isEmpty ? [WordParagraph("")] : cell.paragraphs
            out += paragraphs.map { paragraph($0) }.joined()
            out += "</w:tc>"
        }
        return out + "</w:tr>"
    }

    /// A run: its properties, then text with breaks and tabs (or a field).
    static func run(_ r: WordRun) -> String {
        var rPr = ""
        if r.bold { rPr += "<w:b/><w:bCs/>" }
        if r.italic { rPr += "<w:i/><w:iCs/>" }
        if r.highlight { rPr += #"<w:highlight w:val="yellow"/>"# }
        if r.underline { rPr += #"<w:u w:val="single"/>"# }
        let props = rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>"
        if let field = r.field {
            return #"<w:fldSimple w:instr=" \#(field.rawValue) "><w:r>\#(props)<w:t>\#(escape(r.text))</w:t></w:r></w:fldSimple>"#
        }
        var content = ""
        var pending = ""
        func flush() {
            if !pending.isEmpty { content += #"<w:t xml:space="preserve">\#(escape(pending))</w:t>"# }
            pending = ""
        }
        for c in r.text {
            switch c {
            case "\n", "\r\n", "\r": flush(); content += "<w:br/>"
            case "\t": flush(); content += "<w:tab/>"
            default: pending.append(c)
            }
        }
        flush()
        return "<w:r>\(props)\(content)</w:r>"
    }

    /// Text for XML: the five entities escaped, characters XML forbids dropped.
    static func escape(_ s: String) -> String {
        XMLText.escape(s)
    }
}
