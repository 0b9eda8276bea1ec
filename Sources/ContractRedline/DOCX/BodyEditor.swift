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
    private(set) var comments: [(id: String, paragraphs: [String])] = []
    /// What was done, for the command's summary; and what could not be done exactly.
    private(set) var log: [String] = []

    /// The numbering part, to start a list again; and how a paragraph's (numId, ilvl, style) resolve to its list.
    var numbering: NumberingPart?
    var resolveNumbering: (Int?, Int?, String?) -> (numId: Int, ilvl: Int)? = { _, _, _ in nil }

    init(part: XMLPart, body: xmlNodePtr, paragraphs: [xmlNodePtr], marks: RevisionMarks) {
        self.part = part
        self.body = body
        self.paragraphs = paragraphs
        self.marks = marks
    }

    private func paragraph(_ ordinal: Int) throws(RedlineError) -> xmlNodePtr {
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

    private func makeRun(_ text: String, rPr: xmlNodePtr?, bold: Bool = false) -> xmlNodePtr {
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

    private func referenceRun(_ id: String) -> xmlNodePtr {
        let r = part.element("r")
        XMLPart.append(part.element("commentReference", [("id", id)]), to: r)
        return r
    }

    /// Puts `node` first in the paragraph's content (after its w:pPr).
    private func startOfContent(_ p: xmlNodePtr, put node: xmlNodePtr) {
        if let pPr = part.child(p, "pPr") {
            XMLPart.insert(node, after: pPr)
        } else if let first = p.pointee.children {
            XMLPart.insert(node, before: first)
        } else {
            XMLPart.append(node, to: p)
        }
    }

    // MARK: new paragraphs

    func insert(_ insertion: RedlinePlan.Insertion) throws(RedlineError) {
        var cursor = try insertionPoint(insertion.afterParagraph)
        func put(_ p: xmlNodePtr) {
            switch cursor {
            case .after(let node): XMLPart.insert(p, after: node)
            case .before(let node): XMLPart.insert(p, before: node)
            case .end: XMLPart.append(p, to: body)
            }
            cursor = .after(p)
        }
        let articleStyle = try style(of: insertion.articleTemplate)
        var runs: [(String, xmlNodePtr?, Bool)] = []
        if articleStyle.literal, let label = insertion.article.label {
            runs.append((label + " ", articleStyle.labelRPr, false))
        }
        runs.append((insertion.article.text, articleStyle.headingRPr ?? articleStyle.textRPr, articleStyle.headingRPr == nil))
        put(newParagraph(articleStyle.pPr, runs))

        let sectionStyle = try style(of: insertion.sectionTemplate)
        // numbered afresh under each heading: a new list, so that Word starts again at (a)
        var restarted: (numId: Int, ilvl: Int)?
        if insertion.restartNumbering, !sectionStyle.literal, let pPr = sectionStyle.pPr, let list = list(of: pPr),
            let numId = numbering?.restart(numId: list.numId, ilvl: list.ilvl)
        {
            restarted = (numId, list.ilvl)
        }
        for section in insertion.sections {
            var made: [xmlNodePtr] = []
            defer {
                if let restarted, let first = made.first, let pPr = part.child(first, "pPr") {
                    setList(pPr, numId: restarted.numId, ilvl: restarted.ilvl)
                }
            }
            var lead: [(String, xmlNodePtr?, Bool)] = []
            if sectionStyle.literal, let label = section.label { lead.append((label + " ", sectionStyle.labelRPr, false)) }
            let headingRPr = sectionStyle.headingRPr ?? sectionStyle.textRPr
            let boldHeading = sectionStyle.headingRPr == nil
            if let textPPr = sectionStyle.textPPr {
                // the heading has a paragraph of its own, as in the contract
                made.append(newParagraph(sectionStyle.pPr, lead + [(section.heading, headingRPr, boldHeading)]))
                made.append(newParagraph(textPPr, [(section.text, sectionStyle.textRPr, false)]))
            } else {
                made.append(
                    newParagraph(
                        sectionStyle.pPr,
                        lead + [(section.heading + ".", headingRPr, boldHeading), (" " + section.text, sectionStyle.textRPr, false)]))
            }
            for p in made { put(p) }
            if !section.comment.isEmpty, let first = made.first, let last = made.last {
                let id = marks.id()
                startOfContent(first, put: part.element("commentRangeStart", [("id", id)]))
                XMLPart.append(part.element("commentRangeEnd", [("id", id)]), to: last)
                XMLPart.append(referenceRun(id), to: last)
                comments.append((id, section.comment))
            }
            log.append("insert    \(section.provision) (missing) as " + (section.label.map { "\($0) " } ?? "") + section.heading)
        }
    }

    /// The list a paragraph is in: its own w:numPr, or its style's.
    private func list(of pPr: xmlNodePtr) -> (numId: Int, ilvl: Int)? {
        let numPr = part.child(pPr, "numPr")
        let numId = numPr.flatMap { part.child($0, "numId") }.flatMap { part.attribute($0, "val") }.flatMap(Int.init)
        let ilvl = numPr.flatMap { part.child($0, "ilvl") }.flatMap { part.attribute($0, "val") }.flatMap(Int.init)
        let style = part.child(pPr, "pStyle").flatMap { part.attribute($0, "val") }
        return resolveNumbering(numId, ilvl, style)
    }

    /// Puts the paragraph in list `numId` at level `ilvl` (w:numPr goes after the style and keep properties).
    private func setList(_ pPr: xmlNodePtr, numId: Int, ilvl: Int) {
        if let old = part.child(pPr, "numPr") { XMLPart.remove(old) }
        let numPr = part.element("numPr")
        XMLPart.append(part.element("ilvl", [("val", String(ilvl))]), to: numPr)
        XMLPart.append(part.element("numId", [("val", String(numId))]), to: numPr)
        let before = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl"]
        if let after = XMLPart.children(pPr).last(where: { c in before.contains { part.isElement(c, $0) } }) {
            XMLPart.insert(numPr, after: after)
        } else if let first = pPr.pointee.children {
            XMLPart.insert(numPr, before: first)
        } else {
            XMLPart.append(numPr, to: pPr)
        }
    }

    private enum Cursor {
        case after(xmlNodePtr), before(xmlNodePtr), end
    }

    /// After the body-level element holding the paragraph (a table, a content control), and after
    /// any paragraphs whose mark is deleted and so run on into the next one; else before the body's sectPr.
    private func insertionPoint(_ ordinal: Int?) throws(RedlineError) -> Cursor {
        if var ordinal {
            var p = try paragraph(ordinal)
            while markDeleted(p), paragraphs.indices.contains(ordinal + 1) {
                ordinal += 1
                p = paragraphs[ordinal]
            }
            if let top = XMLPart.ancestor(of: p, under: body) { return .after(top) }
        }
        if let sectPr = XMLPart.children(body).last(where: { part.isElement($0, "sectPr") }) { return .before(sectPr) }
        return .end
    }

    private func markDeleted(_ p: xmlNodePtr) -> Bool {
        guard let rPr = part.child(p, "pPr").flatMap({ part.child($0, "rPr") }) else { return false }
        return part.child(rPr, "del") != nil || part.child(rPr, "moveFrom") != nil
    }

    /// The format to copy from a template paragraph.
    private struct Style {
        var pPr: xmlNodePtr?
        var textPPr: xmlNodePtr?
        /// Whether the number is text in the paragraph (else Word numbers it, or it has none).
        var literal = false
        var labelRPr: xmlNodePtr?
        var headingRPr: xmlNodePtr?
        var textRPr: xmlNodePtr?
    }

    private func style(of template: RedlinePlan.Template?) throws(RedlineError) -> Style {
        var style = Style()
        guard let template else { return style }
        let p = try paragraph(template.paragraph)
        style.pPr = part.child(p, "pPr")
        let text = ParagraphText(p, part: part)
        func rPr(at offset: Int?) -> xmlNodePtr? {
            guard let offset, let piece = text.piece(at: offset) else { return nil }
            return part.child(piece.run, "rPr")
        }
        if let label = template.label, text.text.hasPrefix(label) {
            style.literal = true
            style.labelRPr = rPr(at: text.find(label)?.lowerBound)
        }
        if let heading = template.heading, let range = text.find(heading) {
            style.headingRPr = rPr(at: range.lowerBound) ?? part.element("rPr")
        }
        if let textParagraph = template.textParagraph {
            let q = try paragraph(textParagraph)
            style.textPPr = part.child(q, "pPr") ?? part.element("pPr")
            let body = ParagraphText(q, part: part)
            if let start = template.textStart, let range = body.find(start) {
                style.textRPr = body.piece(at: range.lowerBound).flatMap { part.child($0.run, "rPr") }
            }
        } else if let start = template.textStart, let range = text.find(start) {
            style.textRPr = rPr(at: range.lowerBound)
        }
        return style
    }

    /// A paragraph inserted as a tracked change: the template's paragraph properties
    /// (style, automatic numbering, indents) with an inserted paragraph mark, and inserted runs.
    private func newParagraph(_ template: xmlNodePtr?, _ runs: [(String, xmlNodePtr?, Bool)]) -> xmlNodePtr {
        let p = part.element("p")
        let pPr = template.map { part.copy($0) } ?? part.element("pPr")
        for c in XMLPart.children(pPr) where part.isElement(c, "sectPr") || part.isElement(c, "pPrChange") {
            XMLPart.remove(c)
        }
        let markRPr: xmlNodePtr
        if let existing = part.child(pPr, "rPr") {
            for c in XMLPart.children(existing)
            where ["ins", "del", "moveFrom", "moveTo", "rPrChange"].contains(where: { part.isElement(c, $0) }) {
                XMLPart.remove(c)
            }
            markRPr = existing
        } else {
            markRPr = part.element("rPr")
            XMLPart.append(markRPr, to: pPr)
        }
        let mark = part.element("ins", marks.revision())
        if let first = markRPr.pointee.children { XMLPart.insert(mark, before: first) } else { XMLPart.append(mark, to: markRPr) }
        XMLPart.append(pPr, to: p)
        let ins = part.element("ins", marks.revision())
        for (text, rPr, bold) in runs where !text.isEmpty {
            XMLPart.append(makeRun(text, rPr: rPr, bold: bold), to: ins)
        }
        XMLPart.append(ins, to: p)
        return p
    }
}
