import ContractModel

/// The lines of one page, after reading order is settled.
struct PDFPageLines {
    /// 1-based.
    var number: Int
    var width: Double
    var height: Double
    var lines: [PDFLine]
}

/// Finds running headers, footers and page numbers: lines in the top or bottom
/// band of the page (10% of its height) whose text, digits normalised to "#",
/// repeats on at least half of the pages (and at least two), and lone page
/// numbers ("3", "Page 3 of 6", "- 3 -") in those bands.
package enum PDFFurniture {
    static let band = 0.10

    /// Removes furniture from `pages` and returns it, one entry per distinct
    /// normalised text in order of first appearance.
    static func strip(_ pages: inout [PDFPageLines]) -> [Furniture] {
        guard !pages.isEmpty else { return [] }
        let original = pages
        let furniture = stripAll(&pages)
        // a document whose every line repeats in the bands ("Potato 1", "Potato 2" ...) is all body:
        // furniture never takes the whole text
        if pages.allSatisfy({ $0.lines.isEmpty }) && original.contains(where: { !$0.lines.isEmpty }) {
            pages = original
            return []
        }
        return furniture
    }

    private static func stripAll(_ pages: inout [PDFPageLines]) -> [Furniture] {
        struct Key: Hashable {
            var top: Bool
            var text: String
        }
        // pages on which each banded key occurs
        var occurrences: [Key: Set<Int>] = [:]
        for page in pages {
            for line in page.lines {
                guard let top = bandPosition(line, page) else { continue }
                occurrences[Key(top: top, text: normalise(line.text)), default: []].insert(page.number)
            }
        }
        let needed = max(2, (pages.count + 1) / 2)
        var found: [Key: Int] = [:]  // key -> index in result
        var result: [Furniture] = []
        for p in pages.indices {
            var kept: [PDFLine] = []
            kept.reserveCapacity(pages[p].lines.count)
            for line in pages[p].lines {
                guard let top = bandPosition(line, pages[p]) else {
                    kept.append(line)
                    continue
                }
                let key = Key(top: top, text: normalise(line.text))
                let pageNumber = isPageNumber(line.text)
                let repeats = (occurrences[key]?.count ?? 0) >= needed
                guard repeats || pageNumber else {
                    kept.append(line)
                    continue
                }
                if let k = found[key] {
                    if result[k].pages.last != pages[p].number { result[k].pages.append(pages[p].number) }
                } else {
                    found[key] = result.count
                    let place: Furniture.Place = pageNumber ? .pageNumber : (top ? .header : .footer)
                    result.append(
                        Furniture(place: place, text: Whitespace.collapse(line.text), pages: [pages[p].number]))
                }
            }
            pages[p].lines = kept
        }
        return result
    }

    /// true: top band, false: bottom band, nil: neither.
    private static func bandPosition(_ line: PDFLine, _ page: PDFPageLines) -> Bool? {
        guard page.height > 0 else { return nil }
        if line.box.y1 <= page.height * band { return true }
        if line.box.y0 >= page.height * (1 - band) { return false }
        return nil
    }

    /// Collapsed whitespace, each run of digits as "#".
    package static func normalise(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var inDigits = false
        for u in Whitespace.collapse(text).unicodeScalars {
            if ("0"..."9").contains(u) {
                if !inDigits { out.append("#") }
                inDigits = true
            } else {
                inDigits = false
                out.append(u)
            }
        }
        return String(out)
    }

    /// "3", "- 3 -", "Page 3", "Page 3 of 6", "3 of 6", "3/6", "p. 3", "[3]".
    package static func isPageNumber(_ text: String) -> Bool {
        var s = Substring(Whitespace.collapse(text).lowercased())
        func dropSpaces() { s = s.drop(while: { $0 == " " }) }
        func number() -> Bool {
            let d = s.prefix(while: { $0.isASCII && $0.isNumber })
            guard !d.isEmpty, d.count <= 4 else { return false }
            s = s.dropFirst(d.count)
            return true
        }
        let dashes: Set<Character> = ["-", "\u{2013}", "\u{2014}", "[", "]", "(", ")"]
        while let c = s.first, dashes.contains(c) { s = s.dropFirst(); dropSpaces() }
        for prefix in ["page ", "page", "p. ", "p.", "pg. "] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count)
            break
        }
        dropSpaces()
        guard number() else { return false }
        dropSpaces()
        if s.hasPrefix("of ") || s.hasPrefix("/") {
            s = s.dropFirst(s.hasPrefix("/") ? 1 : 3)
            dropSpaces()
            guard number() else { return false }
            dropSpaces()
        }
        while let c = s.first, dashes.contains(c) { s = s.dropFirst(); dropSpaces() }
        return s.isEmpty
    }
}
