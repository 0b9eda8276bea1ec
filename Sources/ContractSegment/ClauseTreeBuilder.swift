import ContractModel
import Foundation

/// Builds the clause tree from a document's blocks.
///
/// Numbering styles decide nesting, as a reader does: a label of a style
/// already open (another "4.3" after "4.2", another "(b)" after "(a)") closes
/// everything below that level and becomes a sibling; a new style opens a
/// level below the current clause. Decimal numbers nest by their depth
/// ("4.2" under "4."). Unnumbered headings are parents of what follows until
/// the next heading of the same or a higher level. Unnumbered paragraphs
/// continue the current clause.
struct ClauseTreeBuilder {
    private enum Level: Equatable {
        case number(ClauseNumber.Style)
        case heading(Int)
        case instrument
    }

    private struct Draft {
        var number: ClauseNumber?
        var level: Level
        var heading: String?
        var texts: [String] = []
        var part: ContractPart
        var instrument: String?
        var parent: Int?
        var depth: Int
        var pages: [Int] = []
        var blocks: [Int] = []
        var source: SourcePosition
    }

    private var drafts: [Draft] = []
    private var stack: [Int] = []
    private var part: ContractPart = .title
    private var instrument: String?
    private var seenBody = false
    private var lastTopOrdinal = 0
    private var instrumentCount = 1
    private var pendingHeading: String?
    private(set) var title: String?
    /// Preamble and recital text, for the party and definition readers.
    private(set) var preamble: [String] = []

    /// Builds the tree; returns the clauses in document order.
    mutating func build(_ document: Document) -> [Clause] {
        for (index, block) in document.blocks.enumerated() {
            add(block, at: index)
        }
        return finish()
    }

    private mutating func add(_ block: Block, at index: Int) {
        switch block.kind {
        case .footnote, .endnote: return
        case .tableCell:
            if let top = stack.last {
                drafts[top].texts.append(block.text)
                note(block, index, in: top)
            }
            return
        default: break
        }
        // a short title-case paragraph without a number ("Obligations of Business Associate") is a heading
        let isHeading = block.kind == .heading
            || (block.kind == .paragraph && block.label == nil && HeadingShape.isHeading(block.text))
        let number = block.label.flatMap(ClauseNumber.parse)
        let fullText = block.renderedText

        // attached instruments and exhibits
        if let found = ContractPartReader.instrument(heading: fullText, isHeading: isHeading || block.text.isEmpty),
            seenBody || found.part == .exhibit || number?.style == .instrument
        {
            startInstrument(found.name, part: found.part, heading: fullText, block: block, index: index)
            return
        }
        if number == nil || number?.style == .bullet {
            if ContractPartReader.startsSignature(block.text), seenBody || part != .title {
                part = .signature
                stack.removeAll()
            }
            if part == .signature {
                preamble.append(block.text)
                return
            }
        }
        if !seenBody {
            if number == nil {
                if isHeading, title == nil, part == .title, ContractPartReader.isTitle(block.text) {
                    title = block.text
                    return
                }
                if isHeading, title != nil, part == .title, ContractPartReader.isSubtitle(block.text) {
                    preamble.append(block.text)
                    return
                }
                if ContractPartReader.startsRecitals(block.text) { part = .recitals }
                if part == .recitals || part == .preamble || part == .title, !isHeading || part == .recitals {
                    if part == .title { part = .preamble }
                    preamble.append(block.text)
                    if ContractPartReader.endsRecitals(block.text) { part = .preamble }
                    return
                }
            } else if part == .recitals, let n = number, !n.isAbsolute {
                // lettered recitals "A. ...", kept apart from the operative clauses
                preamble.append(block.text)
                return
            }
            seenBody = true
            part = .body
        }

        guard let number, number.style != .bullet else {
            if isHeading {
                openHeading(block, index: index)
            } else if let top = stack.last {
                drafts[top].texts.append(block.text)
                note(block, index, in: top)
            } else {
                openHeading(block, index: index, asText: true)
            }
            return
        }
        var resolved = number
        // "(i)" right after "(h)" is the ninth letter, not the roman one
        if let letter = number.asLetter(),
            let open = stack.last(where: { drafts[$0].level == .number(letter.style) }),
            drafts[open].number?.ordinal == letter.ordinal - 1
        {
            resolved = letter
        }
        // a top-level number starting again at 1 begins another instrument
        if resolved.style == .decimal(depth: 1) || resolved.style == .article {
            checkRestart(resolved)
        }
        openNumbered(resolved, block: block, index: index)
    }

    private mutating func checkRestart(_ number: ClauseNumber) {
        defer { lastTopOrdinal = number.ordinal }
        guard number.ordinal == 1, lastTopOrdinal > 1 else { return }
        instrumentCount += 1
        let name = pendingHeading ?? "Part \(instrumentCount)"
        instrument = name
        stack.removeAll()
    }

    private mutating func startInstrument(_ name: String, part newPart: ContractPart, heading: String, block: Block, index: Int) {
        seenBody = true
        part = newPart
        instrument = name
        lastTopOrdinal = 0
        stack.removeAll()
        let draft = Draft(
            number: nil, level: .instrument, heading: heading, part: newPart, instrument: name, parent: nil, depth: 0,
            source: block.source)
        drafts.append(draft)
        stack.append(drafts.count - 1)
        note(block, index, in: drafts.count - 1)
    }

    private mutating func openHeading(_ block: Block, index: Int, asText: Bool = false) {
        let level = block.level ?? 0
        while let top = stack.last {
            switch drafts[top].level {
            case .heading(let l) where l < level: break
            case .instrument: break
            case .number(.article): break
            default:
                stack.removeLast()
                continue
            }
            break
        }
        pendingHeading = asText ? nil : block.text
        var draft = Draft(
            number: nil, level: .heading(level), heading: asText ? nil : block.text, part: part, instrument: instrument,
            parent: stack.last, depth: stack.count, source: block.source)
        if asText { draft.texts.append(block.text) }
        drafts.append(draft)
        stack.append(drafts.count - 1)
        note(block, index, in: drafts.count - 1)
    }

    private mutating func openNumbered(_ number: ClauseNumber, block: Block, index: Int) {
        let level = Level.number(number.style)
        switch number.style {
        case .decimal:
            // close everything that is not an ancestor: "4.2" sits under the open "4." (or an article,
            // heading or instrument), never under "3.1" or "(b)"
            while let top = stack.last {
                let open = drafts[top]
                if case .number(.decimal) = open.level, let n = open.number, n.components.count < number.components.count,
                    Array(number.components.prefix(n.components.count)) == n.components
                {
                    break
                }
                if case .number(.article) = open.level { break }
                if case .heading = open.level { break }
                if case .instrument = open.level { break }
                stack.removeLast()
            }
        case .article:
            while let top = stack.last, drafts[top].level != .instrument { stack.removeLast() }
        default:
            if let position = stack.lastIndex(where: { drafts[$0].level == level }) {
                stack.removeSubrange(position...)
            }
        }
        var heading: String?
        var text = block.text
        if block.kind == .heading {
            // a PDF can mark a whole first line as a heading: "Right to End the Agreement. Customer may end this"
            if let split = InlineHeading.split(block.text), split.rest.wordCount(upTo: 3) >= 3 {
                heading = split.heading
                text = split.rest
            } else {
                heading = block.text.isEmpty ? nil : block.text
                text = ""
            }
        } else if let split = InlineHeading.split(block.text) {
            heading = split.heading
            text = split.rest
        }
        pendingHeading = nil
        var draft = Draft(
            number: number, level: level, heading: heading, part: part, instrument: instrument, parent: stack.last,
            depth: stack.count, source: block.source)
        if !text.isEmpty { draft.texts.append(text) }
        drafts.append(draft)
        stack.append(drafts.count - 1)
        note(block, index, in: drafts.count - 1)
    }

    private mutating func note(_ block: Block, _ index: Int, in draft: Int) {
        drafts[draft].blocks.append(index)
        if let page = block.page, drafts[draft].pages.last != page { drafts[draft].pages.append(page) }
    }

    private func finish() -> [Clause] {
        var clauses: [Clause] = []
        var bases: [String] = []  // citation without the instrument prefix
        var paths: [[String]] = []
        for (i, d) in drafts.enumerated() {
            var base: String
            var path: [String]
            if let n = d.number {
                if n.isAbsolute {
                    base = Self.trimmedLabel(n.label)
                    path = n.components
                } else {
                    let parentBase = d.parent.map { bases[$0] } ?? ""
                    let wrapped = "(" + n.components[0] + ")"
                    let printed = n.label.hasPrefix("(") ? n.label : wrapped
                    base = parentBase.isEmpty ? printed : parentBase + printed
                    if let parent = d.parent, drafts[parent].number == nil, let heading = drafts[parent].heading {
                        base = heading.trimmingCharacters(in: CharacterSet(charactersIn: ": ")) + " " + printed
                    }
                    path = (d.parent.map { paths[$0] } ?? []) + n.components
                }
            } else {
                base = d.heading ?? Self.firstWords(d.texts.first ?? "")
                path = d.parent.map { paths[$0] } ?? []
            }
            if d.number == nil, d.level == .instrument { base = d.instrument ?? base }
            bases.append(d.number == nil && d.level != .instrument ? (d.parent.map { bases[$0] } ?? "") : base)
            paths.append(path)
            var citation = base
            if let instrument = d.instrument, d.level != .instrument, d.number != nil {
                citation = instrument + " " + base
            }
            clauses.append(
                Clause(
                    index: i, number: d.number?.label, citation: citation, path: path, heading: d.heading,
                    text: d.texts.filter { !$0.isEmpty }.joined(separator: " "), part: d.part, instrument: d.instrument, parent: d.parent,
                    depth: d.depth, pages: d.pages, blocks: d.blocks, source: d.source))
        }
        // pages of a clause include its descendants' pages
        for i in clauses.indices.reversed() {
            guard let parent = clauses[i].parent else { continue }
            for page in clauses[i].pages where !clauses[parent].pages.contains(page) {
                clauses[parent].pages.append(page)
                clauses[parent].pages.sort()
            }
        }
        return clauses
    }

    private static func trimmedLabel(_ label: String) -> String {
        var s = Substring(label)
        while let last = s.last, last == "." || last == ":" { s = s.dropLast() }
        return String(s)
    }

    private static func firstWords(_ text: String) -> String {
        let words = text.split(separator: " ").prefix(6)
        return words.joined(separator: " ") + (text.split(separator: " ").count > 6 ? "..." : "")
    }
}
