import CLibXML2
import Foundation

/// The XML namespaces the DOCX reader tells apart. Transitional and Strict
/// spellings of the same vocabulary map to the same case.
package enum XNS: UInt8, Sendable {
    case none, w, mc, r, math, packageRelationships, contentTypes, other
}

/// A parsed XML element: namespace, local name, attributes and children.
/// Text comes only from text and CDATA nodes; entity references are never expanded.
package final class XElement {
    package let ns: XNS
    package let name: String
    package var attributes: [(ns: XNS, name: String, value: String)] = []
    package var children: [XNode] = []
    /// The element's position in document order (0 for the root), counting
    /// every element converted; ``SafeXML/parseEditable(_:name:)`` returns the
    /// libxml2 nodes in the same order, so an editor can find this element again.
    package internal(set) var ordinal = 0

    init(ns: XNS, name: String) {
        self.ns = ns
        self.name = name
    }

    /// The value of the attribute `name` in namespace `ns` (or with no namespace).
    package func attr(_ name: String, _ ns: XNS = .w) -> String? {
        for a in attributes where a.name == name && (a.ns == ns || a.ns == .none) { return a.value }
        return nil
    }

    /// The first child element in namespace `ns` called `name`.
    package func child(_ name: String, _ ns: XNS = .w) -> XElement? {
        for case .element(let e) in children where e.ns == ns && e.name == name { return e }
        return nil
    }

    /// The child elements, in order.
    package var elements: [XElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// Concatenated text of the direct text children.
    package var text: String {
        var s = ""
        for case .text(let t) in children { s += t }
        return s
    }

    /// `w:val` read as an OOXML on/off property: present without a value, or with true/1/on.
    package var isOn: Bool {
        guard let v = attr("val") else { return true }
        return v != "false" && v != "0" && v != "off"
    }
}

package enum XNode {
    case element(XElement)
    case text(String)
}

/// Why a part could not be parsed.
package enum SafeXMLError: Error {
    case doctype
    case malformed(String)
}

/// The only place libxml2 parses: a part is read with safe options (no entity
/// substitution, no DTD loading, no network), with a deny-all entity loader,
/// any DOCTYPE refused, and converted to an ``XElement`` tree; the libxml2
/// document is freed at once, or, with ``parseEditable(_:name:)``, handed to
/// the redline to edit and save.
package enum SafeXML {
    private static let initialized: Bool = {
        cxml_install_deny_loader()
        return true
    }()

    package static func parse(_ data: Data, name: String) throws(SafeXMLError) -> XElement {
        let doc = try parseDocument(data, name: name)
        defer { xmlFreeDoc(doc) }
        return try convert(doc, keepNodes: false).root
    }

    /// A part parsed for editing: the libxml2 document (the caller frees it
    /// with `xmlFreeDoc`), its ``XElement`` tree, and the libxml2 element
    /// nodes indexed by ``XElement/ordinal``.
    package struct Editable {
        package var document: xmlDocPtr
        package var root: XElement
        package var nodes: [xmlNodePtr]
    }

    /// Parses a part with the same safe settings as ``parse(_:name:)`` but
    /// keeps the libxml2 document, so that it can be edited and saved again.
    package static func parseEditable(_ data: Data, name: String) throws(SafeXMLError) -> Editable {
        let doc = try parseDocument(data, name: name)
        do {
            let (root, nodes) = try convert(doc, keepNodes: true)
            return Editable(document: doc, root: root, nodes: nodes)
        } catch {
            xmlFreeDoc(doc)
            throw error
        }
    }

    private static func convert(_ doc: xmlDocPtr, keepNodes: Bool) throws(SafeXMLError) -> (root: XElement, nodes: [xmlNodePtr]) {
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil { throw .doctype }
        guard let root = xmlDocGetRootElement(doc) else { throw .malformed("no root element") }
        var converter = Converter()
        converter.keepNodes = keepNodes
        let tree = converter.convert(root, depth: 0)
        return (tree, converter.nodes)
    }

    private static func parseDocument(_ data: Data, name: String) throws(SafeXMLError) -> xmlDocPtr {
        _ = initialized
        if hasDoctype(data) { throw .doctype }
        guard data.count < Int(Int32.max) else { throw .malformed("part too large") }
        let doc: xmlDocPtr? = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress else { return nil }
            return xmlReadMemory(
                base.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, nil, cxml_safe_options())
        }
        guard let doc else {
            var message = "not well-formed XML"
            if let err = xmlGetLastError(), let m = err.pointee.message {
                message += ": " + String(cString: m).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            throw .malformed(message)
        }
        return doc
    }

    /// Looks for `<!DOCTYPE` in the prolog (before the root element) of a
    /// UTF-8 part, so that a hostile DTD is refused before libxml2 sees it.
    static func hasDoctype(_ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let b = raw.bindMemory(to: UInt8.self)
            let n = b.count
            var i = 0
            if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
            // UTF-16 parts: the check after parsing (intSubset) covers them.
            if n >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
                return containsDoctypeUTF16(b)
            }
            while i < n {
                guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
                guard i + 1 < n else { return false }
                let c = b[i + 1]
                if c == UInt8(ascii: "?") {  // processing instruction
                    i += 2
                    while i + 1 < n, !(b[i] == UInt8(ascii: "?") && b[i + 1] == UInt8(ascii: ">")) { i += 1 }
                    i += 2
                } else if c == UInt8(ascii: "!") {
                    if i + 3 < n, b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") {  // comment
                        i += 4
                        while i + 2 < n,
                            !(b[i] == UInt8(ascii: "-") && b[i + 1] == UInt8(ascii: "-") && b[i + 2] == UInt8(ascii: ">"))
                        {
                            i += 1
                        }
                        i += 3
                    } else {
                        return true  // <!DOCTYPE (or anything else declarative) before the root
                    }
                } else {
                    return false  // root element reached
                }
            }
            return false
        }
    }

    private static func containsDoctypeUTF16(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        // Crude: any "<!D" in either byte order before the first 64 KiB.
        let pattern: [UInt8] = Array("<!D".utf8)
        let limit = min(b.count, 1 << 16)
        var ascii: [UInt8] = []
        ascii.reserveCapacity(limit / 2)
        var i = 2
        while i + 1 < limit {
            ascii.append(b[i] == 0 ? b[i + 1] : b[i])
            i += 2
        }
        guard ascii.count >= 3 else { return false }
        for j in 0..<(ascii.count - 2)
        where ascii[j] == pattern[0] && ascii[j + 1] == pattern[1] && (ascii[j + 2] | 0x20) == (pattern[2] | 0x20) {
            return true
        }
        return false
    }

    private struct Converter {
        var nsCache: [UnsafePointer<xmlChar>: XNS] = [:]
        /// The converted element nodes in document order: `nodes[e.ordinal]` is `e`'s node (when kept).
        var nodes: [xmlNodePtr] = []
        var keepNodes = false
        var count = 0

        mutating func namespace(_ ns: xmlNsPtr?) -> XNS {
            guard let ns, let href = ns.pointee.href else { return .none }
            if let known = nsCache[href] { return known }
            let uri = String(cString: href)
            let kind: XNS =
                switch uri {
                case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "http://purl.oclc.org/ooxml/wordprocessingml/main":
                    .w
                case "http://schemas.openxmlformats.org/markup-compatibility/2006": .mc
                case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                    "http://purl.oclc.org/ooxml/officeDocument/relationships":
                    .r
                case "http://schemas.openxmlformats.org/officeDocument/2006/math",
                    "http://purl.oclc.org/ooxml/officeDocument/math":
                    .math
                case "http://schemas.openxmlformats.org/package/2006/relationships": .packageRelationships
                case "http://schemas.openxmlformats.org/package/2006/content-types": .contentTypes
                default: .other
                }
            nsCache[href] = kind
            return kind
        }

        mutating func convert(_ node: xmlNodePtr, depth: Int) -> XElement {
            let element = XElement(ns: namespace(node.pointee.ns), name: String(cString: node.pointee.name))
            element.ordinal = count
            count += 1
            if keepNodes { nodes.append(node) }
            var attr = node.pointee.properties
            while let a = attr {
                var value = ""
                var t = a.pointee.children
                while let tn = t {
                    if tn.pointee.type == XML_TEXT_NODE, let c = tn.pointee.content { value += String(cString: c) }
                    t = tn.pointee.next
                }
                element.attributes.append((namespace(a.pointee.ns), String(cString: a.pointee.name), value))
                attr = a.pointee.next
            }
            var child = node.pointee.children
            while let c = child {
                switch c.pointee.type {
                case XML_ELEMENT_NODE:
                    // libxml2 itself caps depth at 256 without XML_PARSE_HUGE; stay well inside the stack.
                    if depth < 512 { element.children.append(.element(convert(c, depth: depth + 1))) }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = c.pointee.content { element.children.append(.text(String(cString: content))) }
                default:
                    break  // entity references, comments, PIs: never expanded, never text
                }
                child = c.pointee.next
            }
            return element
        }
    }
}
