import Foundation
import ZIPFoundation

// The narrow interface between the rider and a Word writer, and a minimal
// writer behind it. The project's general DOCX writer (ContractReport/Word)
// can take its place by conforming to ``RiderWriting``; nothing else in the
// rider depends on how the package is made.

/// A plain Word document: styled paragraphs of plain or bold runs.
public struct RiderDocument: Sendable, Equatable {
    public enum Style: String, Sendable, Equatable {
        /// The document title (Word's Title style).
        case title
        /// Body text.
        case body
        /// A numbered clause (the number is part of its text).
        case clause
        /// A line of a signature block.
        case signature
    }

    public struct Run: Sendable, Equatable {
        public var text: String
        public var bold: Bool

        public init(_ text: String, bold: Bool = false) {
            self.text = text
            self.bold = bold
        }
    }

    public struct Paragraph: Sendable, Equatable {
        public var style: Style
        public var runs: [Run]
        /// Starts a new page.
        public var pageBreakBefore: Bool

        public init(_ style: Style, _ runs: [Run], pageBreakBefore: Bool = false) {
            self.style = style
            self.runs = runs
            self.pageBreakBefore = pageBreakBefore
        }
    }

    public var title: String
    public var paragraphs: [Paragraph]

    public init(title: String, paragraphs: [Paragraph]) {
        self.title = title
        self.paragraphs = paragraphs
    }
}

/// Something that turns a ``RiderDocument`` into the bytes of a .docx.
public protocol RiderWriting: Sendable {
    func docx(_ document: RiderDocument) throws(RedlineError) -> Data
}

/// The smallest valid WordprocessingML package for a ``RiderDocument``: the
/// main part, four styles, and the relationships and content types that
/// name them. Deterministic: fixed entry dates, no clock, no user name.
public struct MinimalWordWriter: RiderWriting {
    public init() {}

    static let wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

    public func docx(_ document: RiderDocument) throws(RedlineError) -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRels),
            ("word/document.xml", main(document)), ("word/_rels/document.xml.rels", mainRels), ("word/styles.xml", styles),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            let date = DateComponents(calendar: Calendar(identifier: .gregorian), year: 2000, month: 1, day: 1).date!
            for (name, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    compressionMethod: .deflate,
                    provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
            }
            guard let data = archive.data else { throw RedlineError(.io("the rider could not be made in memory")) }
            return data
        } catch let error as RedlineError {
            throw error
        } catch {
            throw RedlineError(.io("the rider could not be made (\(error))"))
        }
    }

    func main(_ document: RiderDocument) -> String {
        var body = ""
        for p in document.paragraphs {
            let style =
                switch p.style {
                case .title: "Title"
                case .body: "BodyText"
                case .clause: "Clause"
                case .signature: "Signature"
                }
            body += "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/>" + (p.pageBreakBefore ? "<w:pageBreakBefore/>" : "") + "</w:pPr>"
            for r in p.runs where !r.text.isEmpty {
                // a tab in the text is Word's tab
                let pieces = r.text.split(separator: "\t", omittingEmptySubsequences: false).map {
                    $0.isEmpty ? "" : "<w:t xml:space=\"preserve\">" + Self.escape(String($0)) + "</w:t>"
                }
                body += "<w:r>" + (r.bold ? "<w:rPr><w:b/></w:rPr>" : "") + pieces.joined(separator: "<w:tab/>") + "</w:r>"
            }
            body += "</w:p>"
        }
        let section =
            #"<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>"#
        return Self.declaration + "<w:document xmlns:w=\"\(Self.wordNS)\" xmlns:r=\"\(Self.relNS)\"><w:body>" + body + section
            + "</w:body></w:document>"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // characters XML 1.0 cannot hold are dropped
                if u.value < 0x20 && u != "\t" && u != "\n" && u != "\r" { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    private var contentTypes: String {
        Self.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
            + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
            + "</Types>"
    }

    private var packageRels: String {
        Self.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
            + "</Relationships>"
    }

    private var mainRels: String {
        Self.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    private var styles: String {
        Self.declaration + "<w:styles xmlns:w=\"\(Self.wordNS)\">"
            + #"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>"#
            + #"<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>"#
            + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/><w:basedOn w:val="BodyText"/><w:qFormat/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:style>"#
            + #"<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:after="0"/></w:pPr></w:style>"#
            + "</w:styles>"
    }
}
