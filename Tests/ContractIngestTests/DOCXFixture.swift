import ContractIngest
import ContractModel
import Foundation
import ZIPFoundation

/// Builds small DOCX packages in memory from XML strings, so each test shows
/// the exact WordprocessingML it reads.
enum DOCXFixture {
    static let wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let rNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let ns =
        #"xmlns:w="\#(wNS)" xmlns:r="\#(rNS)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#
        + #"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#
        + #"xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#
        + #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#

    /// A ZIP of the given parts (deflated).
    static func zip(_ parts: [(String, Data)]) -> Data {
        let archive = try! Archive(accessMode: .create)
        for (name, data) in parts {
            try! archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        return archive.data!
    }

    static func zip(_ parts: [(String, String)]) -> Data {
        zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    static func rels(_ items: [(id: String, type: String, target: String)]) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + items.map { #"<Relationship Id="\#($0.id)" Type="\#($0.type)" Target="\#($0.target)"/>"# }.joined()
            + "</Relationships>"
    }

    static let contentTypes =
        #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/></Types>"#

    /// A complete .docx: `body` is the inside of w:body; the other parts are
    /// the inside of their root elements, added with relationships when given.
    static func docx(
        body: String, styles: String? = nil, numbering: String? = nil, footnotes: String? = nil,
        endnotes: String? = nil, headers: [String] = [], footers: [String] = [], mainPart: String = "word/document.xml"
    ) -> Data {
        var parts: [(String, String)] = [("[Content_Types].xml", contentTypes)]
        parts.append(("_rels/.rels", rels([("rId1", relType + "officeDocument", mainPart)])))
        parts.append((mainPart, #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(ns)><w:body>\#(body)</w:body></w:document>"#))
        var mainRels: [(String, String, String)] = []
        let dir = (mainPart as NSString).deletingLastPathComponent
        let file = (mainPart as NSString).lastPathComponent
        func add(_ type: String, _ name: String, _ root: String, _ inner: String) {
            mainRels.append(("rId\(mainRels.count + 10)", relType + type, name))
            parts.append(((dir.isEmpty ? "" : dir + "/") + name, #"<?xml version="1.0" encoding="UTF-8"?><w:\#(root) \#(ns)>\#(inner)</w:\#(root)>"#))
        }
        if let styles { add("styles", "styles.xml", "styles", styles) }
        if let numbering { add("numbering", "numbering.xml", "numbering", numbering) }
        if let footnotes { add("footnotes", "footnotes.xml", "footnotes", footnotes) }
        if let endnotes { add("endnotes", "endnotes.xml", "endnotes", endnotes) }
        for (i, h) in headers.enumerated() { add("header", "header\(i + 1).xml", "hdr", h) }
        for (i, f) in footers.enumerated() { add("footer", "footer\(i + 1).xml", "ftr", f) }
        parts.append(((dir.isEmpty ? "" : dir + "/") + "_rels/" + file + ".rels", rels(mainRels)))
        return zip(parts)
    }

    /// A paragraph with plain runs; `pPr` is the inside of w:pPr.
    static func p(_ text: String, _ pPr: String = "") -> String {
        "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func numPr(_ numId: Int, _ ilvl: Int = 0) -> String {
        #"<w:numPr><w:ilvl w:val="\#(ilvl)"/><w:numId w:val="\#(numId)"/></w:numPr>"#
    }

    /// A w:lvl element.
    static func lvl(_ ilvl: Int, _ fmt: String, _ text: String, start: Int = 1, extra: String = "") -> String {
        #"<w:lvl w:ilvl="\#(ilvl)"><w:start w:val="\#(start)"/><w:numFmt w:val="\#(fmt)"/><w:lvlText w:val="\#(text)"/>\#(extra)</w:lvl>"#
    }

    static func abstractNum(_ id: Int, _ levels: String, extra: String = "") -> String {
        #"<w:abstractNum w:abstractNumId="\#(id)">\#(extra)\#(levels)</w:abstractNum>"#
    }

    static func num(_ id: Int, abstract: Int, _ overrides: String = "") -> String {
        #"<w:num w:numId="\#(id)"><w:abstractNumId w:val="\#(abstract)"/>\#(overrides)</w:num>"#
    }

    static func read(_ data: Data, options: ReadOptions = ReadOptions()) throws(ReadError) -> Document {
        try DocumentReader(options: options).read(data, path: "test.docx")
    }

    /// The reason a read failed, or `nil` if it succeeded.
    static func failure(_ data: Data, options: ReadOptions = ReadOptions()) -> ReadError.Reason? {
        do {
            _ = try read(data, options: options)
            return nil
        } catch {
            return error.reason
        }
    }
}
