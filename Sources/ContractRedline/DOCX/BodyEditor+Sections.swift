import CLibXML2
import ContractModel

/// The new article: paragraphs copied in format (and automatic numbering)
/// from the contract's own last article and section, marked as inserted.
extension BodyEditor {
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
