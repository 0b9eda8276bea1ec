import Foundation

/// The paragraph styles of styles.xml that matter for reading: the basedOn
/// chain, heading levels (built-in names and w:outlineLvl) and style numbering.
package struct WordStyles {
    package struct Style {
        var id: String
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numId: Int?
        var ilvl: Int?
    }

    private var styles: [String: Style] = [:]
    /// The paragraph style used when a paragraph names none.
    package private(set) var defaultParagraphStyle: String?

    package init() {}

    package init(root: XElement) {
        for e in root.elements where e.ns == .w && e.name == "style" {
            guard e.attr("type") == nil || e.attr("type") == "paragraph" || e.attr("type") == "numbering",
                let id = e.attr("styleId")
            else { continue }
            var s = Style(id: id)
            s.name = e.child("name")?.attr("val")
            s.basedOn = e.child("basedOn")?.attr("val")
            if let pPr = e.child("pPr") {
                if let o = pPr.child("outlineLvl")?.attr("val").flatMap(Int.init) { s.outlineLevel = o }
                if let numPr = pPr.child("numPr") {
                    s.numId = numPr.child("numId")?.attr("val").flatMap(Int.init)
                    s.ilvl = numPr.child("ilvl")?.attr("val").flatMap(Int.init)
                }
            }
            if e.attr("default").map({ $0 == "1" || $0 == "true" }) == true, e.attr("type") == "paragraph" {
                defaultParagraphStyle = id
            }
            styles[id] = s
        }
    }

    /// The style and its ancestors through basedOn (cycles and long chains cut off).
    private func chain(_ id: String) -> [Style] {
        var out: [Style] = []
        var next: String? = id
        var seen: Set<String> = []
        while let n = next, let s = styles[n], !seen.contains(n), out.count < 32 {
            seen.insert(n)
            out.append(s)
            next = s.basedOn
        }
        return out
    }

    /// The heading level (0 for the top) a paragraph style gives, if any.
    package func headingLevel(_ id: String) -> Int? {
        for s in chain(id) {
            if let level = Self.builtInHeadingLevel(id: s.id, name: s.name) { return level }
            if let o = s.outlineLevel { return (0...8).contains(o) ? o : nil }
        }
        return nil
    }

    static func builtInHeadingLevel(id: String, name: String?) -> Int? {
        for candidate in [name?.lowercased().replacingOccurrences(of: " ", with: ""), id.lowercased()] {
            guard let c = candidate else { continue }
            if c == "title" { return 0 }
            if c.hasPrefix("heading"), let n = Int(c.dropFirst(7)), (1...9).contains(n) { return n - 1 }
        }
        return nil
    }

    /// The numbering (numId, ilvl) a paragraph style carries, through basedOn.
    /// ilvl is `nil` when the style gives none.
    package func numbering(_ id: String) -> (numId: Int, ilvl: Int?)? {
        var ilvl: Int?
        for s in chain(id) {
            if ilvl == nil { ilvl = s.ilvl }
            if let n = s.numId { return (n, ilvl) }
        }
        return nil
    }

    /// Whether the style exists.
    package func contains(_ id: String) -> Bool { styles[id] != nil }
}
