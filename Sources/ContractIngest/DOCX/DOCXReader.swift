import ContractModel
import Foundation

/// Reads a Word document (.docx, .docm; transitional or Strict OOXML) in
/// memory through ZipDirectory (zlib) and libxml2: body paragraphs and tables in
/// order, Word's automatic numbers as labels, tracked changes accepted,
/// footnotes and endnotes after the body, headers and footers as furniture.
struct DOCXReader: FormatReader {
    func read(_ data: Data, file: String, options: ReadOptions) throws(ReadError) -> ReadResult {
        let package = try OPCPackage(data: data, file: file, options: options)
        func parse(_ bytes: Data, _ name: String) throws(ReadError) -> XElement {
            do {
                return try SafeXML.parse(bytes, name: name)
            } catch {
                switch error {
                case .doctype:
                    throw ReadError(
                        file: file,
                        reason: .corrupt("\(name) contains a DTD, which Word documents never do; refused for safety"))
                case .malformed(let why):
                    throw ReadError(file: file, reason: .corrupt("\(name) is \(why)"))
                }
            }
        }
        var warnings: [String] = []
        /// An optional part: a broken one is skipped with a warning, but a DTD is always refused.
        func optionalPart(_ name: String?) throws(ReadError) -> (root: XElement, name: String)? {
            guard let name else { return nil }
            let actual = package.actualName(name)
            guard let bytes = try package.read(name) else {
                warnings.append("\(name) is referenced but missing; skipped")
                return nil
            }
            do {
                return (try parse(bytes, actual), actual)
            } catch {
                if case .corrupt(let why) = error.reason, why.contains("DTD") { throw error }
                warnings.append("\(actual) could not be read and was skipped (\(error.advice))")
                return nil
            }
        }

        let notWord = ReadError(
            file: file,
            reason: .unsupported(
                format: "This ZIP archive",
                advice: "It is not a Word document (it has no main document part). Save the contract as .docx, .pdf or .txt."))
        let packageRels = try package.relationships(of: "", parse: parse)
        guard let mainTarget = packageRels.first(where: { $0.type == "officeDocument" })?.target,
            let mainBytes = try package.read(mainTarget)
        else { throw notWord }
        let mainName = package.actualName(mainTarget)
        let root = try parse(mainBytes, mainName)
        guard root.ns == .w, root.name == "document" else {
            throw ReadError(
                file: file,
                reason: .unsupported(
                    format: "This ZIP archive",
                    advice: "Its main part is <\(root.name)>, not a Word document (a spreadsheet or presentation?). "
                        + "Save the contract as .docx, .pdf or .txt."))
        }
        guard let body = root.child("body") else {
            throw ReadError(file: file, reason: .corrupt("\(mainName) has no document body"))
        }
        let rels = try package.relationships(of: mainName, parse: parse)
        func target(_ type: String) -> String? { rels.first(where: { $0.type == type })?.target }

        var styles = WordStyles()
        if let s = try optionalPart(target("styles")) { styles = WordStyles(root: s.root) }
        var numbering = WordNumbering()
        if let n = try optionalPart(target("numbering")) { numbering = WordNumbering(root: n.root, styles: styles) }

        var walker = WordBodyWalker(part: mainName, styles: styles, numbering: numbering)
        walker.walk(body)
        var blocks = walker.blocks
        var changes = walker.changes

        for (type, kind) in [("footnotes", Block.Kind.footnote), ("endnotes", .endnote)] {
            let ids = walker.noteReferences.filter { $0.kind == kind }.map(\.id)
            guard !ids.isEmpty, let part = try optionalPart(target(type)) else { continue }
            let notes = WordNotes(root: part.root, part: part.name, styles: styles, numbering: WordNumbering())
            blocks += notes.blocks(kind: kind, ids: ids, part: part.name)
            changes = changes + notes.changes
        }

        var furniture: [Furniture] = []
        var seen: Set<String> = []
        for (type, place) in [("header", Furniture.Place.header), ("footer", .footer)] {
            let parts = rels.filter { $0.type == type }.compactMap(\.target).sorted {
                $0.compare($1, options: .numeric) == .orderedAscending
            }
            for name in parts {
                guard let part = try optionalPart(name) else { continue }
                var w = WordBodyWalker(part: part.name, styles: styles, numbering: WordNumbering())
                w.walk(part.root)
                let text = w.blocks.map(\.renderedText).joined(separator: " ")
                if !text.isEmpty, seen.insert("\(place.rawValue)\u{0}\(text)").inserted {
                    furniture.append(Furniture(place: place, text: text, pages: []))
                }
            }
        }
        return ReadResult(blocks: blocks, trackedChanges: changes, furniture: furniture, warnings: warnings)
    }
}

extension TrackedChanges {
    static func + (a: TrackedChanges, b: TrackedChanges) -> TrackedChanges {
        TrackedChanges(
            insertions: a.insertions + b.insertions, deletions: a.deletions + b.deletions, moves: a.moves + b.moves,
            other: a.other + b.other)
    }
}
