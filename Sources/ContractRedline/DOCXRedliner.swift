import CLibXML2
import ContractIngest
import ContractModel
import Foundation

/// Writes a redline: the contract's own Word file with a ``RedlinePlan``
/// applied as tracked changes and comments. Only the main document part,
/// the comments part, (when there was no comments part) the main part's
/// relationships and the content types, and (when new sections start a list
/// again) the numbering part are rewritten; every other entry of the package
/// keeps its bytes. A pure function of its input: the same file,
/// plan, author and date give the same bytes.
public struct DOCXRedliner: Sendable {
    /// Who the changes and comments are attributed to (w:author).
    public var author: String
    /// When (w:date), ISO 8601; see ``RedlineDate``.
    public var date: String
    /// The reader's limits, applied to the package again.
    public var limits: ReadOptions

    public init(author: String = "baa-review", date: String = RedlineDate.fixed, limits: ReadOptions = ReadOptions()) {
        self.author = author
        self.date = date
        self.limits = limits
    }

    /// The redlined package and a line per change made.
    public struct Result: Sendable {
        public var data: Data
        public var log: [String]
        public var comments: Int
    }

    public func redline(_ data: Data, plan: RedlinePlan, file: String) throws(RedlineError) -> Result {
        // nothing to change: the copy is the file itself, byte for byte
        if plan.comments.isEmpty && plan.replacements.isEmpty && plan.insertion == nil {
            return Result(data: data, log: [], comments: 0)
        }
        do {
            return try apply(data, plan: plan)
        } catch {
            var e = error
            if e.file.isEmpty { e.file = file }
            if case .unreadable(var read) = e.reason {
                read.file = file
                e.reason = .unreadable(read)
            }
            throw e
        }
    }

    private func apply(_ data: Data, plan: RedlinePlan) throws(RedlineError) -> Result {
        var package = try PackageEntries(data, options: limits)
        let opc: OPCPackage
        do {
            opc = try OPCPackage(data: data, file: "", options: limits)
        } catch {
            throw RedlineError(.unreadable(error))
        }
        func parse(_ bytes: Data, _ name: String) throws(ReadError) -> XElement {
            do {
                return try SafeXML.parse(bytes, name: name)
            } catch {
                throw ReadError(file: "", reason: .corrupt("\(name) is not well-formed XML"))
            }
        }
        let packageRels: [OPCPackage.Relationship]
        do {
            packageRels = try opc.relationships(of: "", parse: parse)
        } catch {
            throw RedlineError(.unreadable(error))
        }
        guard let target = packageRels.first(where: { $0.type == "officeDocument" })?.target, opc.contains(target) else {
            throw RedlineError(.corrupt("it has no main document part"))
        }
        let mainName = opc.actualName(target)
        let rels: [OPCPackage.Relationship]
        do {
            rels = try opc.relationships(of: mainName, parse: parse)
        } catch {
            throw RedlineError(.unreadable(error))
        }
        guard let mainData = package.data(mainName) else { throw RedlineError(.corrupt("\(mainName) is missing")) }
        let wordNS = Self.wordNamespace(mainData)
        let main = try XMLPart(mainData, name: mainName, namespace: wordNS)
        guard let tree = main.tree, let bodyElement = tree.child("body"),
            let body = main.child(main.root, "body")
        else { throw RedlineError(.corrupt("\(mainName) has no document body")) }

        // the paragraphs in the reader's order, so that plan ordinals find their w:p
        func optional(_ type: String) -> XElement? {
            guard let name = rels.first(where: { $0.type == type })?.target, let bytes = package.data(name) else { return nil }
            return try? SafeXML.parse(bytes, name: name)
        }
        let styles = optional("styles").map { WordStyles(root: $0) } ?? WordStyles()
        let numbering = optional("numbering").map { WordNumbering(root: $0, styles: styles) } ?? WordNumbering()
        var walker = WordBodyWalker(part: mainName, styles: styles, numbering: numbering)
        walker.walk(bodyElement)
        let paragraphs = walker.paragraphElements.map { main.nodes[$0] }

        let xmlParts = package.entries.filter { $0.path.lowercased().hasSuffix(".xml") || $0.path.lowercased().hasSuffix(".rels") }
        let marks = RevisionMarks(author: author, date: date, used: RevisionMarks.usedIDs(in: xmlParts.map(\.data)))
        let editor = BodyEditor(part: main, body: body, paragraphs: paragraphs, marks: marks)
        let numberingName = rels.first(where: { $0.type == "numbering" })?.target
        if plan.insertion?.restartNumbering == true, let numberingName, let bytes = package.data(numberingName) {
            editor.numbering = NumberingPart(part: try XMLPart(bytes, name: numberingName, namespace: wordNS))
            editor.resolveNumbering = { numId, ilvl, style in numbering.resolve(numId: numId, ilvl: ilvl, style: style) }
        }
        try editor.apply(plan)
        package.set(mainName, main.serialized())
        if let numberingName, let edited = editor.numbering, edited.changed {
            package.set(numberingName, edited.part.serialized())
        }
        try CommentsPart.add(editor.comments, marks: editor.marks, to: &package, mainPart: mainName, wordNS: wordNS)
        return Result(data: try package.zipped(), log: editor.log, comments: editor.comments.count)
    }

    /// The WordprocessingML namespace of the main part: Strict when it declares the purl.oclc.org one.
    static func wordNamespace(_ data: Data) -> String {
        let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
        let head = data.prefix(4096)
        if String(decoding: head, as: UTF8.self).contains(strict) { return strict }
        return "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    }
}
