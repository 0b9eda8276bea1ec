import ContractModel
import Foundation

/// Reads plain text and Markdown.
///
/// Blocks are groups of lines separated by blank lines; inside a group, a line
/// that starts with a clause number ("4.2", "(b)", "Section 4.02") starts a
/// new block, and other lines continue the one before (hard-wrapped text).
/// Markdown adds headings (`#`), list markers and emphasis, which are read as
/// structure and removed from the text.
struct TextReader: FormatReader {
    var markdown: Bool

    func read(_ data: Data, file: String, options: ReadOptions) throws(ReadError) -> ReadResult {
        let decoded = TextDecoder.decode(data)
        var warnings: [String] = []
        if decoded.replaced > 0 {
            warnings.append(
                "\(decoded.replaced) invalid \(decoded.encoding) byte sequence\(decoded.replaced == 1 ? " was" : "s were") "
                    + "replaced with U+FFFD")
        }
        let lines = decoded.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        var blocks: [Block] = []
        var current: (kind: Block.Kind, label: String?, level: Int?, text: [Substring], start: Int, end: Int)?
        var inFence = false

        func flush() {
            guard let c = current else { return }
            let text = Whitespace.collapse(c.text.joined(separator: " "))
            if !text.isEmpty || c.label != nil {
                blocks.append(
                    Block(
                        kind: c.kind, label: c.label, text: text, level: c.level,
                        source: SourcePosition(line: c.start, endLine: c.end)))
            }
            current = nil
        }

        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            var line = Substring(rawLine)
            if markdown, line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            let stripped = line.drop(while: { $0 == " " || $0 == "\t" })
            if stripped.isEmpty {
                flush()
                continue
            }
            if markdown, !inFence {
                if let heading = markdownHeading(stripped) {
                    flush()
                    let text = Self.stripInline(heading.text)
                    let split = LabelParser.split(text)
                    blocks.append(
                        Block(
                            kind: .heading, label: split?.label, text: Whitespace.collapse(split?.rest ?? text),
                            level: heading.level - 1, source: SourcePosition(line: lineNumber, endLine: lineNumber)))
                    continue
                }
                if stripped.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }), stripped.count >= 3 {
                    flush()  // thematic break
                    continue
                }
                if stripped.hasPrefix("|") {
                    flush()
                    if stripped.allSatisfy({ "|-: ".contains($0) }) { continue }
                    let cells = stripped.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                    let table = blocks.compactMap { $0.cell?.table }.max().map { $0 + 1 } ?? 0
                    let row = (blocks.last?.cell?.table == table) ? blocks.last!.cell!.row + 1 : 0
                    for (column, cell) in cells.enumerated() {
                        blocks.append(
                            Block(
                                kind: .tableCell, text: Whitespace.collapse(Self.stripInline(cell)),
                                source: SourcePosition(line: lineNumber, endLine: lineNumber),
                                cell: TableCell(table: table, row: row, column: column)))
                    }
                    continue
                }
                line = stripped.hasPrefix(">") ? stripped.dropFirst().drop(while: { $0 == " " }) : line
            }
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            var content = markdown ? Self.stripInline(line.drop(while: { $0 == " " || $0 == "\t" })) : String(stripped)
            var kind: Block.Kind = .paragraph
            var level: Int? = nil
            if markdown, !inFence, let bullet = content.first, "-*+".contains(bullet), content.dropFirst().first == " " {
                content = String(content.dropFirst(2))
                kind = .listItem
                level = indent / 2
            }
            if let split = LabelParser.split(content), current == nil || startsNewBlock(split) {
                flush()
                current = (
                    split.label.first == "(" || kind == .listItem || markdown ? .listItem : .paragraph, split.label,
                    level ?? indent / 2, [Substring(split.rest)], lineNumber, lineNumber
                )
                if !markdown && !split.label.hasPrefix("(") { current!.kind = .paragraph }
                continue
            }
            if kind == .listItem {
                flush()
                current = (.listItem, "\u{2022}", level, [Substring(content)], lineNumber, lineNumber)
                continue
            }
            if current == nil {
                current = (.paragraph, nil, nil, [Substring(content)], lineNumber, lineNumber)
            } else {
                current!.text.append(Substring(content))
                current!.end = lineNumber
            }
        }
        flush()
        return ReadResult(blocks: blocks, warnings: warnings)
    }

    private func startsNewBlock(_ split: LabelParser.Match) -> Bool { true }

    private func markdownHeading(_ s: Substring) -> (level: Int, text: Substring)? {
        let hashes = s.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count), s.dropFirst(hashes.count).first == " " else { return nil }
        var text = s.dropFirst(hashes.count + 1)
        while text.last == "#" || text.last == " " { text = text.dropLast() }
        return (hashes.count, text)
    }

    /// Removes Markdown emphasis and code markers and keeps link text.
    static func stripInline(_ s: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        var chars = Array(s)
        var i = 0
        // [text](url) -> text
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                out.append(chars[i + 1])
                i += 2
                continue
            }
            if c == "*" || c == "`" || (c == "_" && (i + 1 < chars.count && chars[i + 1] == "_")) {
                i += (c == "_") ? 2 : 1
                continue
            }
            if c == "]", i + 1 < chars.count, chars[i + 1] == "(", let close = chars[(i + 1)...].firstIndex(of: ")") {
                i = close + 1
                continue
            }
            if c == "[", chars[(i + 1)...].contains("]") {
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        chars.removeAll()
        return out
    }
}
