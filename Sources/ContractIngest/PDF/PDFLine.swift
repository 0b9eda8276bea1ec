import ContractModel
import Foundation

/// One visual line of a PDF page: its text, where it is and how it is set.
struct PDFLine: Equatable {
    /// The text as poppler gave it (spaces kept, no line break).
    var text: String
    /// Union of the boxes of its visible characters (points, origin top left).
    var box: PDFRect
    /// The font size most of its characters are set in.
    var size: Double
    /// Whether most of its characters are bold.
    var bold: Bool
    /// A number leading the line ("1" in "1Registered in ...", "12 See"):
    /// the marker of a footnote when the line is in one.
    var marker: String?
    /// Visible characters (for weighting).
    var weight: Int
    /// 1-based page.
    var page: Int

    var height: Double { box.y1 - box.y0 }
    var centre: Double { (box.y0 + box.y1) / 2 }
}

extension PDFLine {
    /// Cuts a page's text into lines at poppler's line breaks, then puts them in
    /// reading order: sorted by vertical centre, fragments on the same baseline
    /// (a label "(a)" poppler emits as a line of its own) merged left to right.
    static func lines(of raw: PDFRawPage, page: Int) -> [PDFLine] {
        let scalars = raw.scalars
        guard !scalars.isEmpty else { return [] }
        let geometry = raw.rects.count == scalars.count
        var lines: [PDFLine] = []
        var start = 0
        var index = 0
        while start < scalars.count {
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            if let line = makeLine(raw, start..<end, geometry: geometry, ordinal: index, page: page) {
                lines.append(line)
            }
            index += 1
            start = end + 1
        }
        return geometry ? reorder(lines) : lines
    }

    private static func makeLine(
        _ raw: PDFRawPage, _ range: Range<Int>, geometry: Bool, ordinal: Int, page: Int
    ) -> PDFLine? {
        var x0 = Double.infinity
        var y0 = Double.infinity
        var x1 = -Double.infinity
        var y1 = -Double.infinity
        // font sizes and how many characters each (usually 1 to 3 of them)
        var sizeCounts: [(Float, Int)] = []
        var boldCount = 0
        var weight = 0
        var firstVisible = -1
        for i in range {
            let u = raw.scalars[i]
            if PDFText.isSpace(u) { continue }
            if firstVisible < 0 { firstVisible = i }
            weight += 1
            if geometry {
                let r = raw.rects[i]
                x0 = min(x0, r.x0)
                y0 = min(y0, r.y0)
                x1 = max(x1, r.x1)
                y1 = max(y1, r.y1)
            }
            let s = raw.sizes[i]
            if let k = sizeCounts.firstIndex(where: { $0.0 == s }) {
                sizeCounts[k].1 += 1
            } else {
                sizeCounts.append((s, 1))
            }
            if raw.bold[i] { boldCount += 1 }
        }
        guard weight > 0 else { return nil }
        if !geometry {
            // no usable layout: stack the lines in order
            x0 = 0
            x1 = raw.width
            y0 = Double(ordinal) * 12
            y1 = y0 + 10
        }
        let size = Double(sizeCounts.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) })!.0)
        var text = PDFText.string(raw.scalars[range])
        if text.hasSuffix("\r") { text.removeLast() }

        // a leading number, the marker of a footnote when the line is one:
        // "1Registered in ...", "12 See ...". poppler-glib gives font sizes per
        // word, so a superscript glued to its word cannot be told by size.
        var marker: String?
        var i = firstVisible
        var digits = String.UnicodeScalarView()
        while i < range.upperBound, digits.count < 4, ("0"..."9").contains(raw.scalars[i]) {
            digits.append(raw.scalars[i])
            i += 1
        }
        if !digits.isEmpty, digits.count <= 3, i < range.upperBound {
            let next = raw.scalars[i]
            if next.properties.isAlphabetic || next == " " || next == "\u{201C}" || next == "\"" || next == "(" {
                marker = String(digits)
            }
        }
        return PDFLine(
            text: text, box: PDFRect(x0: x0, y0: y0, x1: x1, y1: y1), size: size,
            bold: boldCount * 2 > weight, marker: marker, weight: weight, page: page)
    }

    /// Sorts by vertical centre and merges lines whose centres lie within 40% of
    /// the smaller height (same baseline), left to right. Single column assumed.
    static func reorder(_ lines: [PDFLine]) -> [PDFLine] {
        guard lines.count > 1 else { return lines }
        let sorted = lines.enumerated().sorted {
            $0.element.centre != $1.element.centre ? $0.element.centre < $1.element.centre : $0.offset < $1.offset
        }.map(\.element)
        var out: [PDFLine] = []
        out.reserveCapacity(sorted.count)
        var group: [PDFLine] = [sorted[0]]
        func flush() {
            if group.count == 1 {
                out.append(group[0])
            } else {
                out.append(merge(group))
            }
        }
        for line in sorted.dropFirst() {
            let last = group[group.count - 1]
            let tolerance = 0.4 * max(1, min(line.height, last.height))
            if abs(line.centre - last.centre) < tolerance {
                group.append(line)
            } else {
                flush()
                group = [line]
            }
        }
        flush()
        return out
    }

    /// Joins fragments of one visual line left to right: a space where they are
    /// set apart, nothing where they touch.
    private static func merge(_ group: [PDFLine]) -> PDFLine {
        let parts = group.enumerated().sorted {
            $0.element.box.x0 != $1.element.box.x0 ? $0.element.box.x0 < $1.element.box.x0 : $0.offset < $1.offset
        }.map(\.element)
        var result = parts[0]
        var sizeWeights: [(Double, Int)] = [(parts[0].size, parts[0].weight)]
        var boldWeight = parts[0].bold ? parts[0].weight : 0
        for p in parts.dropFirst() {
            let gap = p.box.x0 - result.box.x1
            let trimmedLeft = result.text.last.map { $0 == " " } ?? true
            // set apart, or overlapping (fragments of different lines of one table cell): a space
            let em = max(p.size, result.size, 1)
            if gap > 0.15 * em || gap < -0.5 * em, !trimmedLeft, p.text.first != " " {
                result.text += " "
            }
            result.text += p.text
            result.box = PDFRect(
                x0: min(result.box.x0, p.box.x0), y0: min(result.box.y0, p.box.y0),
                x1: max(result.box.x1, p.box.x1), y1: max(result.box.y1, p.box.y1))
            result.weight += p.weight
            if p.bold { boldWeight += p.weight }
            sizeWeights.append((p.size, p.weight))
        }
        result.size = sizeWeights.max(by: { $0.1 < $1.1 })!.0
        result.bold = boldWeight * 2 > result.weight
        // the marker belongs to the leftmost fragment only
        result.marker = parts[0].marker
        let head = parts[0].text.trimmingWhitespace()
        if result.marker == nil, (1...3).contains(head.count), head.allSatisfy(\.isASCII), head.allSatisfy(\.isNumber) {
            result.marker = head
        }
        return result
    }
}
