import CLibXML2

/// The numbering part (word/numbering.xml), edited only to start a list
/// again: a new w:num for the same abstract list, with a start override for
/// one level, as Word itself writes "Restart numbering".
final class NumberingPart {
    let part: XMLPart
    private(set) var changed = false

    init(part: XMLPart) {
        self.part = part
    }

    /// A new list instance of `numId`'s list whose level `ilvl` starts again at 1 ("1.", "(a)",
    /// whatever start the list itself gives); its numId.
    func restart(numId: Int, ilvl: Int) -> Int? {
        let nums = XMLPart.children(part.root).filter { part.isElement($0, "num") }
        guard let num = nums.first(where: { part.attribute($0, "numId").flatMap(Int.init) == numId }),
            let abstractId = part.child(num, "abstractNumId").flatMap({ part.attribute($0, "val") })
        else { return nil }
        guard abstractId.isEmpty == false else { return nil }
        let newId = (nums.compactMap { part.attribute($0, "numId").flatMap(Int.init) }.max() ?? 0) + 1
        // a copy keeps the list's own level overrides; the restarted level starts again
        let copy = part.copy(num)
        part.set(copy, "numId", String(newId))
        for c in XMLPart.children(copy) where part.isElement(c, "lvlOverride") && part.attribute(c, "ilvl").flatMap(Int.init) == ilvl {
            XMLPart.remove(c)
        }
        let override = part.element("lvlOverride", [("ilvl", String(ilvl))])
        XMLPart.append(part.element("startOverride", [("val", "1")]), to: override)
        // overrides in level order
        if let next = XMLPart.children(copy).first(where: {
            part.isElement($0, "lvlOverride") && (part.attribute($0, "ilvl").flatMap(Int.init) ?? 0) > ilvl
        }) {
            XMLPart.insert(override, before: next)
        } else {
            XMLPart.append(override, to: copy)
        }
        if let last = nums.last { XMLPart.insert(copy, after: last) } else { XMLPart.append(copy, to: part.root) }
        changed = true
        return newId
    }
}
