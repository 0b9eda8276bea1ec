import ContractModel
import Foundation

/// Turns the body lines of a PDF (furniture already removed) into blocks:
/// paragraphs rebuilt from geometry, footnotes split off the page bottoms,
/// hyphenation undone, labels parsed, kinds and heading levels assigned.
///
/// A paragraph ends where the vertical gap exceeds 1.35x the median line
/// pitch, before a line that starts with a label, where the font size or
/// weight changes, or after a short line that ends a sentence. Paragraphs run
/// on across page breaks unless one of those says otherwise or the page ended
/// early. Single column assumed.
struct PDFLayout {
    let pages: [PDFPageLines]

    /// Typical body font size (character-weighted mode).
    private(set) var bodySize: Double = 10
    /// Median distance between baselines of consecutive body lines.
    private(set) var pitch: Double = 12
    private var rightEdge: Double = 0
    private var columnWidth: Double = 0
    private var usualTop: Double?
    private var usualBottom: Double?

    init(pages: [PDFPageLines]) {
        self.pages = pages
        measure()
    }

    // MARK: statistics

    private mutating func measure() {
        var sizeWeights: [Double: Int] = [:]
        for page in pages {
            for line in page.lines { sizeWeights[(line.size * 2).rounded() / 2, default: 0] += line.weight }
        }
        if let mode = sizeWeights.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
            bodySize = max(1, mode.key)
        }
        var pitches: [Double] = []
        var rights: [Double] = []
        var lefts: [Double] = []
        for page in pages {
            for (a, b) in zip(page.lines, page.lines.dropFirst()) where isBody(a) && isBody(b) {
                let d = b.box.y1 - a.box.y1
                if d > 0.5 * bodySize { pitches.append(d) }
            }
            for line in page.lines where isBody(line) {
                rights.append(line.box.x1)
                lefts.append(line.box.x0)
            }
        }
        pitch = Self.median(pitches) ?? bodySize * 1.2
        rights.sort()
        lefts.sort()
        if !rights.isEmpty {
            rightEdge = rights[min(rights.count - 1, Int(Double(rights.count) * 0.9))]
            columnWidth = max(1, rightEdge - lefts[Int(Double(lefts.count) * 0.1)])
        }
    }

    private func isBody(_ line: PDFLine) -> Bool { abs(line.size - bodySize) < 0.6 }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s[s.count / 2]
    }

    // MARK: blocks

    /// The body blocks in reading order, then the footnotes. With `threads` > 1 the
    /// dehyphenator learns its vocabulary while the paragraphs are grouped, and the
    /// paragraphs are made into blocks in parallel halves (the same blocks either way).
    func blocks(threads: Int = 1) -> [Block] {
        // split footnotes off each page's bottom
        var body: [(line: PDFLine, pageIndex: Int)] = []
        var notes: [[PDFLine]] = []
        var footnoteTop: [Int: Double] = [:]
        for (p, page) in pages.enumerated() {
            let start = footnoteStart(page)
            for line in page.lines[..<start] { body.append((line, p)) }
            if start < page.lines.count {
                footnoteTop[p] = page.lines[start].box.y0
                var lastMarker: String?
                var first = true
                for line in page.lines[start...] {
                    if first || Self.startsNote(line, after: lastMarker) {
                        notes.append([line])
                        lastMarker = line.marker
                    } else {
                        notes[notes.count - 1].append(line)
                    }
                    first = false
                }
            }
        }
        var layout = self
        layout.measureMargins(body)
        let vocabulary = body.map(\.line.text) + notes.flatMap { $0.map(\.text) }
        let parallel = threads > 1 && body.count >= 200
        let dehyphenator: Dehyphenator
        let paragraphs: [[PDFLine]]
        if parallel {
            let learnt = Shared<Dehyphenator>()
            let grouped = Shared<[[PDFLine]]>()
            let (frozen, lines, tops) = (layout, body, footnoteTop)
            DispatchQueue.concurrentPerform(iterations: 2) { task in
                if task == 0 {
                    learnt.value = Dehyphenator(lines: vocabulary)
                } else {
                    grouped.value = frozen.paragraphs(lines, footnoteTop: tops)
                }
            }
            dehyphenator = learnt.value!
            paragraphs = grouped.value!
        } else {
            dehyphenator = Dehyphenator(lines: vocabulary)
            paragraphs = layout.paragraphs(body, footnoteTop: footnoteTop)
        }

        let headingSizes = Set(paragraphs.filter { layout.looksLikeHeading($0) }.map { ($0[0].size * 2).rounded() / 2 })
            .sorted(by: >)
        // in halves when parallel, in one piece otherwise
        let cut = parallel ? paragraphs.count / 2 : paragraphs.count
        let pieces = [0..<cut, cut..<paragraphs.count]
        let made = [Shared<[Block]>(), Shared<[Block]>()]
        let frozen = layout
        let make: @Sendable (Int) -> Void = { piece in
            made[piece].value = paragraphs[pieces[piece]].compactMap {
                frozen.block($0, dehyphenator: dehyphenator, headingSizes: headingSizes)
            }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: 2, execute: make)
        } else {
            make(0)
            make(1)
        }
        var blocks = made[0].value! + made[1].value!
        for lines in notes {
            if let block = footnote(lines, dehyphenator: dehyphenator) { blocks.append(block) }
        }
        return blocks
    }

    /// Groups body lines into paragraphs (`footnoteTop`: where each page's footnotes begin).
    private func paragraphs(_ body: [(line: PDFLine, pageIndex: Int)], footnoteTop: [Int: Double]) -> [[PDFLine]] {
        var paragraphs: [[PDFLine]] = []
        var current: [PDFLine] = []
        var currentLabelOnly = false
        for (i, item) in body.enumerated() {
            let line = item.line
            if current.isEmpty {
                current = [line]
                currentLabelOnly = Self.isLabelOnly(line.text)
                continue
            }
            let previous = body[i - 1]
            let breaks: Bool
            if currentLabelOnly {
                breaks = PDFText.label(line.text) != nil || line.page != previous.line.page
            } else {
                breaks = self.breaks(
                    previous.line, line, samePage: previous.pageIndex == item.pageIndex,
                    previousFootnoteTop: footnoteTop[previous.pageIndex])
            }
            if breaks {
                paragraphs.append(current)
                current = [line]
                currentLabelOnly = Self.isLabelOnly(line.text)
            } else {
                current.append(line)
                currentLabelOnly = false
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// Where the page's text bottom and top usually are, from the body lines.
    private mutating func measureMargins(_ body: [(line: PDFLine, pageIndex: Int)]) {
        var firstTops: [Double] = []
        var lastBottoms: [Double] = []
        var i = 0
        while i < body.count {
            let p = body[i].pageIndex
            var j = i
            while j + 1 < body.count, body[j + 1].pageIndex == p { j += 1 }
            if j - i >= 2 {
                firstTops.append(body[i].line.box.y0)
                if p != pages.count - 1 { lastBottoms.append(body[j].line.box.y1) }
            }
            i = j + 1
        }
        usualTop = firstTops.count >= 2 ? Self.median(firstTops) : nil
        usualBottom = lastBottoms.count >= 2 ? lastBottoms.max() : nil
    }

    /// Index of the first footnote line on the page (lines.count when none):
    /// the first of the small-font lines ending the page, in its lower 40%,
    /// that starts with a number.
    private func footnoteStart(_ page: PDFPageLines) -> Int {
        var start = page.lines.count
        var k = page.lines.count - 1
        while k >= 0 {
            let line = page.lines[k]
            guard line.centre > page.height * 0.6, line.size <= bodySize * 0.92 else { break }
            if line.marker != nil { start = k }
            k -= 1
        }
        return start
    }

    /// Whether a footnote line starts a new note rather than continuing one.
    private static func startsNote(_ line: PDFLine, after previous: String?) -> Bool {
        guard let marker = line.marker else { return false }
        guard let previous, let p = Int(previous), let m = Int(marker) else { return true }
        if m == p + 1 { return true }
        // glued to its first word: "2See ..."
        let after = line.text.drop(while: { $0 == " " }).dropFirst(marker.count).first
        return after?.isLetter == true
    }

    /// Whether a paragraph ends between `a` and `b`.
    private func breaks(_ a: PDFLine, _ b: PDFLine, samePage: Bool, previousFootnoteTop: Double?) -> Bool {
        if let m = PDFText.label(b.text), !LabelParser.continuesSentence(Substring(a.text.trimmingWhitespace()), label: m.label) {
            return true
        }
        if Self.bullet(b.text) != nil { return true }
        // a bold defined term at the start of a line ("the “Parties.”") does not start a paragraph
        // when the line before runs on into it
        let runsOn = b.text.first?.isLowercase == true && !(a.text.last.map { ".:;".contains($0) } ?? true)
        if !runsOn, abs(a.size - b.size) > 0.6 || a.bold != b.bold { return true }
        if samePage {
            let gap = b.box.y1 - a.box.y1
            if gap > 1.35 * max(pitch, a.size * 1.1) || gap < -0.5 * pitch { return true }
        } else {
            if let bottom = previousFootnoteTop ?? usualBottom, a.box.y1 < bottom - 2.5 * pitch { return true }
            if let top = usualTop, b.box.y0 > top + 2 * pitch { return true }
        }
        // a short line ending a sentence, then a capital: a paragraph without spacing
        if columnWidth > 0, a.box.x1 < rightEdge - 0.3 * columnWidth, let last = a.text.last(where: { $0 != " " }),
            ".:;!?".contains(last), let first = b.text.first(where: { $0 != " " }),
            first.isUppercase || first == "\u{201C}" || first == "\""
        {
            return true
        }
        return false
    }

    private func looksLikeHeading(_ lines: [PDFLine]) -> Bool {
        guard lines.count <= 3 else { return false }
        let bigger = lines.allSatisfy { $0.size >= bodySize * 1.12 }
        let bold = lines.allSatisfy(\.bold)
        guard bigger || bold else { return false }
        let text = lines.map(\.text).joined(separator: " ")
        guard text.count <= 150, let last = text.last(where: { $0 != " " }), !",;".contains(last) else { return false }
        return true
    }

    private static func looksLikeCapsHeading(_ text: String) -> Bool {
        guard text.count <= 80 else { return false }
        var letters = 0
        for c in text where c.isLetter {
            if c.isLowercase { return false }
            letters += 1
        }
        return letters >= 4 && text.contains(" ") && text.last != "," && text.last != ";"
    }

    private func block(_ lines: [PDFLine], dehyphenator: Dehyphenator, headingSizes: [Double]) -> Block? {
        var text = PDFText.collapse(Self.join(lines.map(\.text), dehyphenator))
        guard !text.isEmpty else { return nil }
        text = Self.spaced(text)
        var label: String?
        var kind = Block.Kind.paragraph
        var level: Int?
        if let b = Self.bullet(text) {
            label = String(b)
            text = PDFText.collapse(String(text.dropFirst()))
            kind = .listItem
        } else if let m = PDFText.label(text) {
            label = m.label
            text = m.rest
            if Self.isListLabel(m.label) { kind = .listItem }
            level = Self.numberDepth(m.label)
        }
        if kind != .listItem, looksLikeHeading(lines) {
            kind = .heading
            let size = (lines[0].size * 2).rounded() / 2
            level = headingSizes.firstIndex(of: size) ?? headingSizes.count
        } else if kind == .paragraph, lines.count == 1, Self.looksLikeCapsHeading(text) {
            kind = .heading
            level = headingSizes.count
        }
        let first = lines[0]
        var box = first.box
        for l in lines.dropFirst() where l.page == first.page {
            box = PDFRect(x0: min(box.x0, l.box.x0), y0: min(box.y0, l.box.y0), x1: max(box.x1, l.box.x1), y1: max(box.y1, l.box.y1))
        }
        return Block(
            kind: kind, label: label, text: text, level: level, page: first.page,
            source: SourcePosition(page: first.page, box: Self.box(box)))
    }

    private func footnote(_ lines: [PDFLine], dehyphenator: Dehyphenator) -> Block? {
        guard let first = lines.first else { return nil }
        var texts = lines.map(\.text)
        var note: String?
        if let marker = first.marker {
            note = marker
            let trimmed = texts[0].drop(while: { $0 == " " })
            texts[0] = String(trimmed.dropFirst(marker.count))
        }
        let text = PDFText.collapse(Self.join(texts, dehyphenator))
        guard !text.isEmpty else { return nil }
        var box = first.box
        for l in lines.dropFirst() where l.page == first.page {
            box = PDFRect(x0: min(box.x0, l.box.x0), y0: min(box.y0, l.box.y0), x1: max(box.x1, l.box.x1), y1: max(box.y1, l.box.y1))
        }
        return Block(
            kind: .footnote, text: text, page: first.page, source: SourcePosition(page: first.page, box: Self.box(box)),
            note: note)
    }

    // MARK: text helpers

    /// Joins the lines of one paragraph, undoing hyphenation at line ends.
    static func join(_ texts: [String], _ dehyphenator: Dehyphenator) -> String {
        let lines = texts.map { PDFText.collapse($0) }
        guard !lines.isEmpty else { return "" }
        var out = ""
        for i in lines.indices {
            guard i + 1 < lines.count else {
                out += lines[i]
                break
            }
            let decision = dehyphenator.decide(lines[i], lines[i + 1])
            if decision != .space, let (head, _) = Dehyphenator.hyphenBreak(lines[i]) {
                out += head
                switch decision {
                case .keepHyphen: out += "-"
                case .dash: out += " - "
                case .join, .space: break
                }
            } else {
                out += lines[i] + " "
            }
        }
        return out
    }

    /// Puts a space between a number and the word glued to it: "4.2Text".
    static func spaced(_ text: String) -> String {
        switch spacedFast(text) {
        case .unchanged: return text
        case .split(let offset):
            let i = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
            return String(text[..<i]) + " " + String(text[i...])
        case .undecided: break
        }
        var s = Substring(text).drop(while: { $0 == " " })
        let start = s.startIndex
        var sawDot = false
        while let c = s.first, c.isASCII, c.isNumber || c == "." {
            if c == "." { sawDot = true }
            s = s.dropFirst()
        }
        guard sawDot, s.startIndex != start, let next = s.first, next.isUppercase,
            text[text.index(before: s.startIndex)] != "."
        else { return text }
        return String(text[..<s.startIndex]) + " " + String(s)
    }

    private enum Spacing { case unchanged, split(Int), undecided }

    /// ``spaced(_:)`` decided on the bytes when every character it looks at is
    /// ASCII (almost always); `.undecided` when a non-ASCII byte could join a
    /// character it looks at (a combining mark), left to the character-wise path.
    private static func spacedFast(_ text: String) -> Spacing {
        var text = text
        return text.withUTF8 { b -> Spacing in
            var i = 0
            while i < b.count, b[i] == 0x20 { i += 1 }
            let start = i
            var sawDot = false
            while i < b.count, b[i] == 0x2E || (0x30...0x39).contains(b[i]) {
                if b[i] == 0x2E { sawDot = true }
                i += 1
            }
            if i < b.count, b[i] >= 0x80 { return .undecided }
            guard sawDot, i != start, i < b.count else { return .unchanged }
            if i + 1 < b.count, b[i + 1] >= 0x80 { return .undecided }
            guard (0x41...0x5A).contains(b[i]), b[i - 1] != 0x2E else { return .unchanged }
            return .split(i)
        }
    }

    private static func isLabelOnly(_ text: String) -> Bool {
        guard let m = PDFText.label(PDFText.collapse(text)) else { return false }
        return m.rest.isEmpty
    }

    private static let bullets: Set<Character> = [
        "\u{2022}", "\u{25E6}", "\u{25AA}", "\u{25AB}", "\u{25A0}", "\u{25A1}", "\u{25CF}", "\u{25CB}", "\u{2023}",
        "\u{2043}", "\u{F0B7}", "\u{2219}", "\u{00B7}",
    ]

    static func bullet(_ text: String) -> Character? {
        let s = text.drop(while: { $0 == " " })
        guard let c = s.first, bullets.contains(c) else { return nil }
        return c
    }

    /// "(a)", "(iv)", "b)", "a.", "IV." label list items; numbers and keywords do not.
    private static func isListLabel(_ label: String) -> Bool {
        guard let first = label.first else { return false }
        if first == "(" { return true }
        return first.isLetter && label.count <= 7 && !label.contains(" ")
    }

    /// Depth of a typed number: "4." 0, "4.2" 1, "4.2.1" 2.
    private static func numberDepth(_ label: String) -> Int? {
        guard let first = label.first, first.isASCII, first.isNumber else { return nil }
        var core = Substring(label)
        if let paren = core.firstIndex(of: "(") { core = core[..<paren] }
        while core.last == "." || core.last == ")" { core = core.dropLast() }
        return core.split(separator: ".").count - 1
    }

    private static func box(_ r: PDFRect) -> Box {
        func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        return Box(x: round2(r.x0), y: round2(r.y0), width: round2(r.x1 - r.x0), height: round2(r.y1 - r.y0))
    }
}
