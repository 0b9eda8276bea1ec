import ContractModel
import Foundation

/// Reads plain text and Markdown.
///
/// Blocks are groups of lines separated by blank lines. Inside a group, a line
/// that starts with a clause number ("4.2", "(b)", "Section 4.02") starts a new
/// block, and other lines continue the one before (hard-wrapped text). A short
/// title-case line without closing punctuation that stands alone or is
/// followed by more text is a heading. Markdown adds `#` headings, list
/// markers, tables, block quotes and emphasis, read as structure and removed
/// from the text.
struct TextReader: FormatReader {
    var markdown: Bool

    private struct Pending {
        var kind: Block.Kind
        var label: String?
        var level: Int?
        var lines: [Substring]
        var start: Int
        var end: Int
    }

    func read(_ data: Data, file: String, options: ReadOptions) throws(ReadError) -> ReadResult {
        let decoded = TextDecoder.decode(data)
        var warnings: [String] = []
        if decoded.replaced > 0 {
            let n = decoded.replaced
            warnings.append(
                "\(n) invalid \(decoded.encoding) byte sequence\(n == 1 ? " was" : "s were") replaced with U+FFFD")
        }
        let lines = Self.lines(of: decoded.text)
        var blocks: [Block] = []
        var pending: Pending?
        var inFence = false
        var tableIndex = -1
        var tableRow = 0
        var inTable = false

        func flush() {
            guard let p = pending else { return }
            pending = nil
            let text = Whitespace.collapse(p.lines.joined(separator: " "))
            guard !text.isEmpty || p.label != nil else { return }
            blocks.append(
                Block(
                    kind: p.kind, label: p.label, text: text, level: p.level,
                    source: SourcePosition(line: p.start, endLine: p.end)))
        }
        func emit(_ kind: Block.Kind, label: String?, text: String, level: Int?, line: Int) {
            blocks.append(
                Block(
                    kind: kind, label: label, text: Whitespace.collapse(text), level: level,
                    source: SourcePosition(line: line, endLine: line)))
        }

        var skipLine = -1
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            if offset == skipLine { continue }
            let indentChars = rawLine.prefix(while: { $0 == " " || $0 == "\t" })
            let indent = indentChars.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            var content = rawLine.dropFirst(indentChars.count)
            while let last = content.last, last == " " || last == "\t" { content = content.dropLast() }
            if content.isEmpty {
                flush()
                inTable = false
                continue
            }
            // a table row: "| a | b |" in Markdown, "a | b | c" in either
            if !inFence, (markdown && content.hasPrefix("|")) || Self.isTableRow(content) {
                flush()
                if !inTable {
                    inTable = true
                    tableIndex += 1
                    tableRow = 0
                }
                if content.allSatisfy({ "|-:+ ".contains($0) }) { continue }  // the rule under a header row
                var cells = content.split(separator: "|", omittingEmptySubsequences: false)[...]
                if content.hasPrefix("|") { cells = cells.dropFirst() }
                if content.hasSuffix("|") { cells = cells.dropLast() }
                for (column, cell) in cells.enumerated() {
                    blocks.append(
                        Block(
                            kind: .tableCell, text: Whitespace.collapse(markdown ? Self.stripInline(cell) : String(cell)),
                            source: SourcePosition(line: lineNumber, endLine: lineNumber),
                            cell: TableCell(table: tableIndex, row: tableRow, column: column)))
                }
                tableRow += 1
                continue
            }
            if markdown {
                if content.hasPrefix("```") || content.hasPrefix("~~~") {
                    flush()
                    inFence.toggle()
                    continue
                }
                if !inFence {
                    if let heading = Self.markdownHeading(content) {
                        flush()
                        let text = Self.stripInline(heading.text)
                        let split = LabelParser.split(text)
                        emit(.heading, label: split?.label, text: split?.rest ?? text, level: heading.level - 1, line: lineNumber)
                        continue
                    }
                    if content.count >= 3, content.allSatisfy({ "-*_ ".contains($0) }) {
                        flush()  // thematic break
                        continue
                    }
                    while content.hasPrefix(">") { content = content.dropFirst().drop(while: { $0 == " " }) }
                    if let bullet = content.first, "-*+".contains(bullet), content.dropFirst().first == " " {
                        flush()
                        pending = Pending(
                            kind: .listItem, label: "\u{2022}", level: indent / 2,
                            lines: [Substring(Self.stripInline(content.dropFirst(2)))], start: lineNumber, end: lineNumber)
                        continue
                    }
                }
            }
            let text = markdown && !inFence ? Substring(Self.stripInline(content)) : content
            if let split = LabelParser.split(String(text)), !LabelParser.continuesSentence(pending?.lines.last, label: split.label) {
                flush()
                // "ARTICLE I" on its own line, its title on the next: one heading
                if split.rest.isEmpty, let next = Self.nextLine(lines, after: offset), LabelParser.split(String(next)) == nil,
                    Self.isHeadingLine(String(next), next: Self.nextLine(lines, after: offset + 1))
                {
                    emit(.heading, label: split.label, text: String(next), level: Self.depth(of: split.label), line: lineNumber)
                    skipLine = offset + 1
                    continue
                }
                if Self.isHeadingLine(split.rest, next: Self.nextLine(lines, after: offset)) {
                    emit(.heading, label: split.label, text: split.rest, level: Self.depth(of: split.label), line: lineNumber)
                    continue
                }
                let kind: Block.Kind = markdown || Self.isListLabel(split.label) ? .listItem : .paragraph
                pending = Pending(
                    kind: kind, label: split.label, level: markdown ? indent / 2 : Self.depth(of: split.label),
                    lines: [Substring(split.rest)], start: lineNumber, end: lineNumber)
                continue
            }
            if pending == nil {
                if Self.isHeadingLine(String(text), next: Self.nextLine(lines, after: offset)) {
                    emit(.heading, label: nil, text: String(text), level: nil, line: lineNumber)
                    continue
                }
                pending = Pending(kind: .paragraph, label: nil, level: nil, lines: [text], start: lineNumber, end: lineNumber)
            } else {
                pending!.lines.append(text)
                pending!.end = lineNumber
            }
        }
        flush()
        return ReadResult(blocks: blocks, warnings: warnings)
    }

    /// The lines of `text`, ended by LF, CR LF or CR: cut at those bytes, which are
    /// characters of their own (CR LF one character), as splitting the characters would.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let byte = utf8[i]
            guard byte == 0x0A || byte == 0x0D else {
                utf8.formIndex(after: &i)
                continue
            }
            lines.append(text[start..<i])
            utf8.formIndex(after: &i)
            if byte == 0x0D, i < utf8.endIndex, utf8[i] == 0x0A { utf8.formIndex(after: &i) }
            start = i
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    private static func nextLine(_ lines: [Substring], after offset: Int) -> Substring? {
        guard offset + 1 < lines.count else { return nil }
        let next = lines[offset + 1].drop(while: { $0 == " " || $0 == "\t" })
        return next.isEmpty ? nil : next
    }

    /// A row of a plain-text table: cells set apart by " | " at least twice.
    static func isTableRow(_ line: Substring) -> Bool {
        // most lines have no bar, and only a bar is a bar to Foundation too
        guard line.utf8.contains(0x7C) else { return false }
        let text = String(line)
        // Foundation's search compares composed characters; on plain text the bytes tell the same
        guard text.searchesAsBytes else { return line.components(separatedBy: " | ").count >= 3 }
        var separators = 0
        var bytes = text.utf8.makeIterator()
        var window: (UInt8, UInt8) = (0, 0)
        while let byte = bytes.next() {
            if window == (0x20, 0x7C) && byte == 0x20 {
                separators += 1
                if separators == 2 { return true }
                window = (0, 0)  // the next separator starts after this one
            } else {
                window = (window.1, byte)
            }
        }
        return false
    }

    static func isHeadingLine(_ text: String, next: Substring?) -> Bool {
        HeadingShape.isHeading(text, next: next)
    }

    /// "(a)", "a.", "iv." and "•" mark list items; "4.2" and "Section 4.02" numbered paragraphs.
    static func isListLabel(_ label: String) -> Bool {
        guard let first = label.first else { return false }
        return first == "(" || first == "\u{2022}" || first.isLetter && label.count <= 5 && !label.contains(" ")
    }

    /// Outline depth implied by a typed label: "4." 0, "4.2" 1, "4.2.1" 2, "(a)" nil.
    static func depth(of label: String) -> Int? {
        if label.uppercased().hasPrefix("ARTICLE") { return 0 }
        let core = label.split(separator: " ").last.map(String.init) ?? label
        guard let first = core.first, first.isNumber else { return nil }
        let trimmed = core.hasSuffix(".") ? String(core.dropLast()) : core
        return trimmed.split(separator: ".").count - 1
    }

    private static func markdownHeading(_ s: Substring) -> (level: Int, text: Substring)? {
        let hashes = s.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count), s.dropFirst(hashes.count).first == " " else { return nil }
        var text = s.dropFirst(hashes.count + 1)
        while text.last == "#" || text.last == " " { text = text.dropLast() }
        return (hashes.count, text)
    }

    /// Removes Markdown emphasis and code markers and keeps a link's text.
    static func stripInline(_ s: some StringProtocol) -> String {
        var text = String(s)
        // nothing to remove without one of \ * ` _ [
        let hasMarker = text.withUTF8 { bytes in
            bytes.contains { $0 == 0x5C || $0 == 0x2A || $0 == 0x60 || $0 == 0x5F || $0 == 0x5B }
        }
        if !hasMarker { return text }
        // a text whose scalars are its characters is read byte by byte: the markers are
        // ASCII, and the bytes of any other scalar are copied as they come (ASCII without
        // a carriage return is such a text, told from its bytes)
        if text.isPlainASCII || text.unicodeScalars.allSatisfy({ $0.standsAlone }) {
            var out: [UInt8] = []
            strip(Array(text.utf8), into: &out) { UInt8(ascii: $0) }
            return String(decoding: out, as: UTF8.self)
        }
        var out = ""
        strip(Array(text), into: &out) { Character($0) }
        return out
    }

    /// Copies `chars` (a text's characters, or its bytes where each scalar is a
    /// character) into `out` without Markdown's markers; `marker` gives a marker's unit.
    private static func strip<C: Equatable, Out: RangeReplaceableCollection>(
        _ chars: [C], into out: inout Out, _ marker: (Unicode.Scalar) -> C
    ) where Out.Element == C {
        let backslash = marker("\\"), star = marker("*"), backtick = marker("`"), underscore = marker("_")
        let openBracket = marker("["), closeBracket = marker("]"), openParen = marker("("), closeParen = marker(")")
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == backslash, i + 1 < chars.count {
                out.append(chars[i + 1])
                i += 2
                continue
            }
            if c == star || c == backtick {
                i += 1
                continue
            }
            if c == underscore, i + 1 < chars.count, chars[i + 1] == underscore {
                i += 2
                continue
            }
            // [text](url): keep the text, drop the target
            if c == openBracket, let close = chars[(i + 1)...].firstIndex(of: closeBracket), close + 1 < chars.count,
                chars[close + 1] == openParen, let end = chars[(close + 1)...].firstIndex(of: closeParen)
            {
                out.append(contentsOf: chars[(i + 1)..<close])
                i = end + 1
                continue
            }
            out.append(c)
            i += 1
        }
    }
}
