import Foundation
import ZIPFoundation

/// Writes a `WordDocument` as a .docx (an Office Open XML package): the body,
/// styles (Title, Subtitle, Heading 1-3, Quote, Block Text, Note, Table Grid),
/// numbering for its lists, settings, an optional footer and the document
/// properties, zipped with ZIPFoundation.
///
/// Deterministic: the parts are always written in the same order with the
/// same fixed date (1980-01-01), and the properties carry no timestamps, so the
/// same document gives byte-identical files.
public struct DOCXWriter: Sendable {
    /// Named in the package's extended properties (docProps/app.xml).
    public var generator: String

    public init(generator: String = "baa-review") {
        self.generator = generator
    }

    /// A failure to build the ZIP archive (it does not happen with well-formed input).
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The parts of the package, by name, in the order they are zipped.
    public func parts(_ document: WordDocument) -> [(name: String, content: String)] {
        var body = WordBodyXML(textWidth: WordParts.textWidth(document.pageSize))
        let hasFooter = document.footer != nil
        let main = WordParts.xmlHeader + "<w:document \(WordBodyXML.namespaces)><w:body>"
            + body.body(document.blocks) + WordParts.section(document.pageSize, footer: hasFooter)
            + "</w:body></w:document>"
        var parts: [(String, String)] = [
            ("[Content_Types].xml", WordParts.contentTypes(footer: hasFooter)),
            ("_rels/.rels", WordParts.packageRelationships),
            ("docProps/core.xml", WordParts.core(title: document.title, author: document.author, subject: document.subject)),
            ("docProps/app.xml", WordParts.app(generator: generator)),
            ("word/document.xml", main),
            ("word/_rels/document.xml.rels", WordParts.documentRelationships(footer: hasFooter)),
            ("word/styles.xml", WordParts.styles),
            ("word/numbering.xml", WordParts.numbering(body.lists)),
            ("word/settings.xml", WordParts.settings),
        ]
        if let footer = document.footer { parts.append(("word/footer1.xml", WordParts.footer(footer))) }
        return parts
    }

    /// The .docx file's bytes.
    public func write(_ document: WordDocument) throws(WriteError) -> Data {
        try Self.zip(parts(document).map { ($0.name, Data($0.content.utf8)) })
    }

    /// The ZIP container's fixed entry date: 1980-01-01 00:00:00 UTC, the first date ZIP can store.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// A deflated ZIP of the parts, in the order given, with the fixed date.
    static func zip(_ parts: [(String, Data)]) throws(WriteError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for (name, data) in parts {
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                    permissions: 0o644, compressionMethod: .deflate,
                    provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
            }
            guard let data = archive.data else { throw WriteError(description: "cannot build the DOCX archive in memory") }
            return data
        } catch let error as WriteError {
            throw error
        } catch {
            throw WriteError(description: "cannot build the DOCX archive: \(error)")
        }
    }
}
