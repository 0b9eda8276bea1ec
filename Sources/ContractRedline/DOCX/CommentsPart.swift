import CLibXML2
import ContractIngest
import Foundation

/// The comments part (word/comments.xml) and what points to it: the main
/// part's relationship and the package's content type. Existing comments
/// are kept; new ones are appended.
struct CommentsPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    static let relationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypesNS = "http://schemas.openxmlformats.org/package/2006/content-types"

    /// Adds the comments to `package`; `mainPart` is the main document part's name, `wordNS`
    /// its WordprocessingML namespace (transitional or Strict).
    static func add(
        _ comments: [(id: String, paragraphs: [String])], marks: RevisionMarks, to package: inout PackageEntries,
        mainPart: String, wordNS: String
    ) throws(RedlineError) {
        guard !comments.isEmpty else { return }
        let strict = wordNS.hasPrefix("http://purl.oclc.org")
        let relType =
            (strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/")
            + "comments"
        let dir = (mainPart as NSString).deletingLastPathComponent
        let relsName = (dir.isEmpty ? "" : dir + "/") + "_rels/" + (mainPart as NSString).lastPathComponent + ".rels"

        // the relationship: reuse the main part's comments part, or add one
        let rels: XMLPart
        if let data = package.data(relsName) {
            rels = try XMLPart(data, name: relsName, namespace: relationshipsNS)
        } else {
            rels = XMLPart(newRoot: "Relationships", prefix: nil, namespace: relationshipsNS, name: relsName)
        }
        var commentsName: String?
        var ids: Set<String> = []
        for r in XMLPart.children(rels.root) where XMLPart.localName(r) == "Relationship" {
            if let id = plain(r, "Id") { ids.insert(id) }
            if plain(r, "Type")?.hasSuffix("/comments") == true, plain(r, "TargetMode")?.lowercased() != "external",
                let target = plain(r, "Target")
            {
                commentsName = OPCPackage.resolve(target, from: dir)
            }
        }
        if commentsName == nil {
            var name = (dir.isEmpty ? "" : dir + "/") + "comments.xml"
            var n = 1
            while package.index(of: name) != nil {
                n += 1
                name = (dir.isEmpty ? "" : dir + "/") + "comments\(n).xml"
            }
            var rid = ids.count + 1
            while ids.contains("rId\(rid)") { rid += 1 }
            let r = rels.element("Relationship")
            setPlain(r, "Id", "rId\(rid)")
            setPlain(r, "Type", relType)
            setPlain(r, "Target", (name as NSString).lastPathComponent)
            XMLPart.append(r, to: rels.root)
            package.set(relsName, rels.serialized(), like: mainPart)
            commentsName = name
        }
        let partName = commentsName!

        // the comments
        let part: XMLPart
        if let data = package.data(partName) {
            part = try XMLPart(data, name: partName, namespace: wordNS)
        } else {
            part = XMLPart(newRoot: "comments", prefix: "w", namespace: wordNS, name: partName)
        }
        for (id, paragraphs) in comments {
            let c = part.element("comment", [("id", id), ("author", marks.author), ("date", marks.date), ("initials", marks.initials)])
            for (i, text) in paragraphs.enumerated() {
                let p = part.element("p")
                if i == 0 {
                    let ref = part.element("r")
                    XMLPart.append(part.element("annotationRef"), to: ref)
                    XMLPart.append(ref, to: p)
                }
                let r = part.element("r")
                if i == 0 {
                    let rPr = part.element("rPr")
                    XMLPart.append(part.element("b"), to: rPr)
                    XMLPart.append(rPr, to: r)
                }
                XMLPart.append(part.element("t", text: text), to: r)
                XMLPart.append(r, to: p)
                XMLPart.append(p, to: c)
            }
            XMLPart.append(c, to: part.root)
        }
        package.set(partName, part.serialized(), like: mainPart)

        // the content type
        let typesName = "[Content_Types].xml"
        guard let typesData = package.data(typesName) else {
            throw RedlineError(.corrupt("the package has no [Content_Types].xml"))
        }
        let types = try XMLPart(typesData, name: typesName, namespace: contentTypesNS)
        let wanted = "/" + partName
        let declared = XMLPart.children(types.root).contains {
            XMLPart.localName($0) == "Override" && plain($0, "PartName").map(PackageEntries.normalize) == PackageEntries.normalize(wanted)
        }
        if !declared {
            let o = types.element("Override")
            setPlain(o, "PartName", wanted)
            setPlain(o, "ContentType", contentType)
            XMLPart.append(o, to: types.root)
            package.set(typesName, types.serialized())
        }
    }

    /// An attribute without a namespace (package parts use none).
    static func plain(_ node: xmlNodePtr, _ key: String) -> String? {
        guard let v = xmlGetNoNsProp(node, XMLPart.x(key)) else { return nil }
        defer { cxml_free(v) }
        return String(cString: v)
    }

    static func setPlain(_ node: xmlNodePtr, _ key: String, _ value: String) {
        _ = XMLPart.withXML(value) { xmlSetProp(node, XMLPart.x(key), $0) }
    }
}
