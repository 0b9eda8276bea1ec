import CLibXML2
import ContractModel

/// Applies a ``RedlinePlan`` to the main document part: splits runs so that
/// exactly the planned words are marked, wraps deleted runs in w:del, adds
/// w:ins runs and paragraphs, and places comment ranges and references.
/// Nothing else in the part changes.
final class BodyEditor {
    let part: XMLPart
    let body: xmlNodePtr
    /// The w:p of each paragraph ordinal (``SourcePosition/index``).
    let paragraphs: [xmlNodePtr]
    var marks: RevisionMarks
    /// Comments to write into the comments part: id and paragraphs.
    var comments: [(id: String, paragraphs: [String])] = []
    /// What was done, for the command's summary; and what could not be done exactly.
    var log: [String] = []

    /// The numbering part, to start a list again; and how a paragraph's (numId, ilvl, style) resolve to its list.
    var numbering: NumberingPart?
    var resolveNumbering: (Int?, Int?, String?) -> (numId: Int, ilvl: Int)? = { _, _, _ in nil }

    init(part: XMLPart, body: xmlNodePtr, paragraphs: [xmlNodePtr], marks: RevisionMarks) {
        self.part = part
        self.body = body
        self.paragraphs = paragraphs
        self.marks = marks
    }

    func paragraph(_ ordinal: Int) throws(RedlineError) -> xmlNodePtr {
        guard paragraphs.indices.contains(ordinal) else {
            throw RedlineError(.mismatch("paragraph \(ordinal) of \(part.name) does not exist"))
        }
        return paragraphs[ordinal]
    }

    // MARK: plan

    func apply(_ plan: RedlinePlan) throws(RedlineError) {
        for r in plan.replacements { try replace(r) }
        for c in plan.comments { try comment(c) }
        if let insertion = plan.insertion { try insert(insertion) }
    }

    func comment(_ c: RedlinePlan.Comment) throws(RedlineError) {
        let id = marks.id()
        if let replaced = deleted.first(where: { $0.key.paragraph == c.anchor.paragraph && $0.key.text == c.anchor.text }) {
            // the words were replaced for another provision: the comment goes on the replacement
            wrapComment(id, first: replaced.value, last: replaced.value, paragraph: try paragraph(c.anchor.paragraph))
            log.append("comment   \(c.provision) (\(c.status.rawValue)) on \(c.anchor.clause) (on the replacing language)")
        } else if let text = c.anchor.text, let marked = try mark(text, in: paragraph(c.anchor.paragraph)) {
            wrapComment(id, first: marked.first, last: marked.last, paragraph: try paragraph(c.anchor.paragraph))
            log.append("comment   \(c.provision) (\(c.status.rawValue)) on \(c.anchor.clause)")
        } else {
            try commentParagraphs(id, c.anchor.paragraph, c.anchor.lastParagraph)
            log.append(
                "comment   \(c.provision) (\(c.status.rawValue)) on \(c.anchor.clause)"
                    + (c.anchor.text == nil ? "" : " (whole paragraph: the quoted words were not found)"))
        }
        comments.append((id, c.paragraphs))
    }

    /// Sentences already deleted, with the last node inserted after each (a sentence two
    /// provisions conflict with is deleted once; each one's language follows it).
    private var deleted: [RedlinePlan.Anchor: xmlNodePtr] = [:]

    func replace(_ r: RedlinePlan.Replacement) throws(RedlineError) {
        // find every sentence before changing anything, so that a failure leaves no half-made change
        var targets: [(anchor: RedlinePlan.Anchor, p: xmlNodePtr, text: String)] = []
        for d in r.deletions {
            let p = try paragraph(d.paragraph)
            if deleted[d] != nil, let text = d.text {
                targets.append((d, p, text))
                continue
            }
            guard let text = d.text, ParagraphText(p, part: part).find(text) != nil else {
                // the words are not where the plan says: comment instead
                let id = marks.id()
                try commentParagraphs(id, d.paragraph, d.lastParagraph)
                comments.append((id, Array(r.comment.prefix(2)) + ["Please replace it with: " + r.text]))
                log.append("comment   \(r.provision) (conflict) on \(d.clause) (the conflicting words were not found)")
                return
            }
            targets.append((d, p, text))
        }
        var start: xmlNodePtr?
        var inserted: xmlNodePtr?
        var firstParagraph: xmlNodePtr?
        for (i, target) in targets.enumerated() {
            if let previous = deleted[target.anchor] {
                // deleted for another provision: this one's language goes after what is already there
                if i == 0 {
                    let ins = insertedRun(r.text, like: nil, leadingSpace: true)
                    XMLPart.insert(ins, after: previous)
                    deleted[target.anchor] = ins
                    (start, inserted, firstParagraph) = (ins, ins, target.p)
                }
                continue
            }
            guard let marked = mark(target.text, in: target.p) else { continue }
            let wrapped = deleteRuns(marked.runs)
            guard let top = wrapped.first.flatMap({ XMLPart.ancestor(of: $0, under: target.p) }),
                let end = wrapped.last.flatMap({ XMLPart.ancestor(of: $0, under: target.p) })
            else { continue }
            deleted[target.anchor] = end
            if i == 0 {
                let ins = insertedRun(r.text, like: marked.runs.last)
                XMLPart.insert(ins, after: end)
                deleted[target.anchor] = ins
                (start, inserted, firstParagraph) = (top, ins, target.p)
            }
        }
        guard let start, let inserted, let firstParagraph else { return }
        let id = marks.id()
        wrapComment(id, first: start, last: inserted, paragraph: firstParagraph)
        comments.append((id, r.comment))
        let clauses = Set(r.deletions.map(\.clause)).sorted().joined(separator: ", ")
        log.append(
            "replace   \(r.provision) (conflict) in \(clauses): \(r.deletions.count) sentence"
                + (r.deletions.count == 1 ? "" : "s") + " deleted, the library's language inserted")
    }

    // MARK: marking words

    /// Splits runs so that `text` in `p` is covered by whole runs; returns them with the
    /// paragraph-level nodes before the first and after the last.
    private func mark(_ text: String, in p: xmlNodePtr) -> (runs: [xmlNodePtr], first: xmlNodePtr, last: xmlNodePtr)? {
        guard let range = ParagraphText(p, part: part).find(text) else { return nil }
        split(p, at: range.upperBound)
        split(p, at: range.lowerBound)
        let runs = ParagraphText(p, part: part).runs(in: range)
        guard let firstRun = runs.first, let lastRun = runs.last,
            let first = XMLPart.ancestor(of: firstRun, under: p), let last = XMLPart.ancestor(of: lastRun, under: p)
        else { return nil }
        return (runs, first, last)
    }

    /// Makes `offset` of the paragraph's text fall on a run boundary.
    private func split(_ p: xmlNodePtr, at offset: Int) {
        let text = ParagraphText(p, part: part)
        guard let piece = text.piece(at: offset) else { return }
        let local = offset - piece.start
        var target = piece.node
        if local > 0 {
            guard piece.isText else { return }
            let scalars = Array(XMLPart.text(piece.node).unicodeScalars)
            guard local < scalars.count else { return }
            var head = String.UnicodeScalarView()
            head.append(contentsOf: scalars[..<local])
            var tail = String.UnicodeScalarView()
            tail.append(contentsOf: scalars[local...])
            part.setText(piece.node, String(head))
            xmlNodeSetSpacePreserve(piece.node, 1)
            let rest = part.element("t", text: String(tail))
            XMLPart.insert(rest, after: piece.node)
            target = rest
        }
        splitRun(piece.run, before: target)
    }

    /// Moves `child` and what follows it into a copy of `run` placed after it.
    private func splitRun(_ run: xmlNodePtr, before child: xmlNodePtr) {
        let content = XMLPart.children(run).filter { !part.isElement($0, "rPr") }
        guard let firstContent = content.first, firstContent != child else { return }
        guard let copy = xmlDocCopyNode(run, part.doc, 2) else { return }
        if let rPr = part.child(run, "rPr") { XMLPart.append(part.copy(rPr), to: copy) }
        var n: xmlNodePtr? = child
        while let current = n {
            n = current.pointee.next
            xmlUnlinkNode(current)
            xmlAddChild(copy, current)
        }
        XMLPart.insert(copy, after: run)
    }

    /// Wraps runs in w:del (neighbouring runs share one), their text becoming w:delText.
    private func deleteRuns(_ runs: [xmlNodePtr]) -> [xmlNodePtr] {
        var wrappers: [xmlNodePtr] = []
        for run in runs {
            for c in XMLPart.children(run) {
                if part.isElement(c, "t") { xmlNodeSetName(c, XMLPart.x("delText")) }
                if part.isElement(c, "instrText") { xmlNodeSetName(c, XMLPart.x("delInstrText")) }
            }
            if let open = wrappers.last, Self.nextElement(after: open) == run {
                xmlUnlinkNode(run)
                xmlAddChild(open, run)
                continue
            }
            let del = part.element("del", marks.revision())
            XMLPart.insert(del, before: run)
            xmlUnlinkNode(run)
            xmlAddChild(del, run)
            wrappers.append(del)
        }
        return wrappers
    }

    private static func nextElement(after node: xmlNodePtr) -> xmlNodePtr? {
        var n = node.pointee.next
        while let current = n {
            if current.pointee.type == XML_ELEMENT_NODE { return current }
            n = current.pointee.next
        }
        return nil
    }

    /// `<w:ins><w:r>(rPr of `like`)<w:t>text</w:t></w:r></w:ins>`.
    private func insertedRun(_ text: String, like run: xmlNodePtr?, leadingSpace: Bool = false) -> xmlNodePtr {
        let ins = part.element("ins", marks.revision())
        XMLPart.append(makeRun((leadingSpace ? " " : "") + text, rPr: run.flatMap { part.child($0, "rPr") }), to: ins)
        return ins
    }

    func makeRun(_ text: String, rPr: xmlNodePtr?, bold: Bool = false) -> xmlNodePtr {
        let r = part.element("r")
        var props: xmlNodePtr?
        if let rPr {
            let copy = part.copy(rPr)
            for c in XMLPart.children(copy)
            where part.isElement(c, "rPrChange") || part.isElement(c, "vanish") || part.isElement(c, "ins")
                || part.isElement(c, "del")
            {
                XMLPart.remove(c)
            }
            props = copy
        }
        if bold {
            let p = props ?? part.element("rPr")
            if part.child(p, "b") == nil {
                // w:rPr keeps the schema's order: rStyle and rFonts come before b
                let b = part.element("b")
                if let after = XMLPart.children(p).last(where: { part.isElement($0, "rStyle") || part.isElement($0, "rFonts") }) {
                    XMLPart.insert(b, after: after)
                } else if let first = p.pointee.children {
                    XMLPart.insert(b, before: first)
                } else {
                    XMLPart.append(b, to: p)
                }
            }
            props = p
        }
        if let props { XMLPart.append(props, to: r) }
        XMLPart.append(part.element("t", text: text), to: r)
        return r
    }

    // MARK: comments

    private func wrapComment(_ id: String, first: xmlNodePtr, last: xmlNodePtr, paragraph: xmlNodePtr) {
        XMLPart.insert(part.element("commentRangeStart", [("id", id)]), before: first)
        let end = part.element("commentRangeEnd", [("id", id)])
        XMLPart.insert(end, after: last)
        XMLPart.insert(referenceRun(id), after: end)
    }

    private func commentParagraphs(_ id: String, _ from: Int, _ to: Int) throws(RedlineError) {
        let first = try paragraph(from)
        let last = try paragraph(max(from, to))
        startOfContent(first, put: part.element("commentRangeStart", [("id", id)]))
        XMLPart.append(part.element("commentRangeEnd", [("id", id)]), to: last)
        XMLPart.append(referenceRun(id), to: last)
    }

    func referenceRun(_ id: String) -> xmlNodePtr {
        let r = part.element("r")
        XMLPart.append(part.element("commentReference", [("id", id)]), to: r)
        return r
    }

    /// Puts `node` first in the paragraph's content (after its w:pPr).
    func startOfContent(_ p: xmlNodePtr, put node: xmlNodePtr) {
        if let pPr = part.child(p, "pPr") {
            XMLPart.insert(node, after: pPr)
        } else if let first = p.pointee.children {
            XMLPart.insert(node, before: first)
        } else {
            XMLPart.append(node, to: p)
        }
    }
}
