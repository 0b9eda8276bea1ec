import CLibXML2
import ContractIngest
import Foundation

/// One XML part of a package, parsed with the reader's safe settings
/// (``SafeXML``: no network, no entities, no DTD) and kept as a libxml2
/// document so that it can be edited in place and saved. Helpers create and
/// find elements in the part's main namespace.
final class XMLPart {
    let name: String
    let doc: xmlDocPtr
    /// The ``XElement`` view the reader's code understands, and the libxml2 node of each element by ordinal.
    let tree: XElement?
    let nodes: [xmlNodePtr]
    /// The namespace new elements and attributes are created in.
    let ns: xmlNsPtr
    let nsURI: String

    /// Parses `data`; `namespace` is the URI new elements go in (it must be declared on the root).
    init(_ data: Data, name: String, namespace: String) throws(RedlineError) {
        self.name = name
        let editable: SafeXML.Editable
        do {
            editable = try SafeXML.parseEditable(data, name: name)
        } catch {
            switch error {
            case .doctype: throw RedlineError(.corrupt("\(name) contains a DTD, which Word documents never do; refused for safety"))
            case .malformed(let why): throw RedlineError(.corrupt("\(name) is \(why)"))
            }
        }
        doc = editable.document
        tree = editable.root
        nodes = editable.nodes
        guard let root = xmlDocGetRootElement(doc),
            let found = Self.withXML(namespace, { xmlSearchNsByHref(editable.document, root, $0) })
        else {
            xmlFreeDoc(editable.document)
            throw RedlineError(.corrupt("\(name) does not use the namespace \(namespace)"))
        }
        ns = found
        nsURI = namespace
    }

    /// A new part whose root element is `prefix:root` in `namespace`.
    init(newRoot root: String, prefix: String?, namespace: String, name: String) {
        self.name = name
        doc = xmlNewDoc(Self.x("1.0"))
        let element = xmlNewDocNode(doc, nil, Self.x(root), nil)!
        xmlDocSetRootElement(doc, element)
        ns = Self.withXML(namespace) { uri in
            if let prefix { Self.withXML(prefix) { xmlNewNs(element, uri, $0) } } else { xmlNewNs(element, uri, nil) }
        }!
        xmlSetNs(element, ns)
        doc.pointee.standalone = 1
        tree = nil
        nodes = []
        nsURI = namespace
    }

    deinit { xmlFreeDoc(doc) }

    var root: xmlNodePtr { xmlDocGetRootElement(doc)! }

    /// The part as UTF-8 bytes with an XML declaration (standalone="yes" kept when the original had it).
    func serialized() -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &buffer, &size, "UTF-8")
        guard let buffer else { return Data() }
        defer { cxml_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    // MARK: strings

    /// A C string for libxml2 that lives as long as the program: element and attribute
    /// names are few and fixed, so they are interned once.
    nonisolated(unsafe) private static var interned: [String: UnsafeMutablePointer<xmlChar>] = [:]
    private static let lock = NSLock()

    static func x(_ s: String) -> UnsafePointer<xmlChar> {
        lock.lock()
        defer { lock.unlock() }
        if let p = interned[s] { return UnsafePointer(p) }
        let p = s.withCString { xmlCharStrdup($0)! }
        interned[s] = p
        return UnsafePointer(p)
    }

    /// Runs `body` with a temporary C string (for text and attribute values).
    static func withXML<T>(_ s: String, _ body: (UnsafePointer<xmlChar>) -> T) -> T {
        s.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    // MARK: elements

    /// A new element in the part's namespace, with attributes in the namespace too.
    func element(_ name: String, _ attributes: [(String, String)] = []) -> xmlNodePtr {
        let node = xmlNewDocNode(doc, ns, Self.x(name), nil)!
        for (key, value) in attributes { set(node, key, value) }
        return node
    }

    /// A new element holding `text` as a text node (escaped when saved).
    func element(_ name: String, text: String, preserveSpace: Bool = true) -> xmlNodePtr {
        let node = element(name)
        if preserveSpace { xmlNodeSetSpacePreserve(node, 1) }
        let t = Self.withXML(text) { xmlNewDocText(doc, $0) }!
        xmlAddChild(node, t)
        return node
    }

    func set(_ node: xmlNodePtr, _ key: String, _ value: String) {
        _ = Self.withXML(value) { xmlSetNsProp(node, ns, Self.x(key), $0) }
    }

    /// The value of the attribute `key` in the part's namespace (or without one).
    func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
        let value = Self.withXML(nsURI) { xmlGetNsProp(node, Self.x(key), $0) } ?? xmlGetNoNsProp(node, Self.x(key))
        guard let value else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    /// Whether `node` is the element `name` of the part's namespace.
    func isElement(_ node: xmlNodePtr?, _ name: String) -> Bool {
        guard let node, node.pointee.type == XML_ELEMENT_NODE, let nodeNS = node.pointee.ns, let href = nodeNS.pointee.href
        else { return false }
        return xmlStrEqual(node.pointee.name, Self.x(name)) != 0 && Self.withXML(nsURI) { xmlStrEqual(href, $0) } != 0
    }

    /// Whether `node` is an element in the part's namespace.
    func inNamespace(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let nodeNS = node.pointee.ns, let href = nodeNS.pointee.href else {
            return false
        }
        return Self.withXML(nsURI) { xmlStrEqual(href, $0) } != 0
    }

    static func localName(_ node: xmlNodePtr) -> String { String(cString: node.pointee.name) }

    /// The element children, in order.
    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { out.append(n) }
            c = n.pointee.next
        }
        return out
    }

    /// The first child element `name`.
    func child(_ node: xmlNodePtr, _ name: String) -> xmlNodePtr? {
        Self.children(node).first { isElement($0, name) }
    }

    /// The text of a node and its descendants.
    static func text(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { cxml_free(content) }
        return String(cString: content)
    }

    /// Replaces the children of `node` with one text node.
    func setText(_ node: xmlNodePtr, _ text: String) {
        while let c = node.pointee.children {
            xmlUnlinkNode(c)
            xmlFreeNode(c)
        }
        let t = Self.withXML(text) { xmlNewDocText(doc, $0) }!
        xmlAddChild(node, t)
    }

    /// A deep copy of `node` for this document.
    func copy(_ node: xmlNodePtr) -> xmlNodePtr { xmlDocCopyNode(node, doc, 1)! }

    /// Removes and frees `node`.
    static func remove(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Puts `node` right after `reference`.
    static func insert(_ node: xmlNodePtr, after reference: xmlNodePtr) {
        xmlAddNextSibling(reference, node)
        settle(node)
    }

    /// Puts `node` right before `reference`.
    static func insert(_ node: xmlNodePtr, before reference: xmlNodePtr) {
        xmlAddPrevSibling(reference, node)
        settle(node)
    }

    /// Makes `node` the last child of `parent`.
    static func append(_ node: xmlNodePtr, to parent: xmlNodePtr) {
        xmlAddChild(parent, node)
        settle(node)
    }

    /// A copied element declares the namespaces it was copied with; once it is in the
    /// tree, declarations its ancestors already make are dropped (libxml2's
    /// XML_DOM_RECONNS_REMOVEREDUND), so the saved part reads as Word writes it.
    static func settle(_ node: xmlNodePtr) {
        guard node.pointee.type == XML_ELEMENT_NODE, node.pointee.parent != nil else { return }
        _ = xmlDOMWrapReconcileNamespaces(nil, node, 1)
    }

    /// The ancestor of `node` that is a direct child of `container` (or `node` itself).
    static func ancestor(of node: xmlNodePtr, under container: xmlNodePtr) -> xmlNodePtr? {
        var n: xmlNodePtr? = node
        while let current = n {
            if current.pointee.parent == container { return current }
            n = current.pointee.parent
        }
        return nil
    }

    /// Every element of the document in document order.
    static func descendants(_ node: xmlNodePtr, _ visit: (xmlNodePtr) -> Void) {
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE {
                visit(n)
                descendants(n, visit)
            }
            c = n.pointee.next
        }
    }
}
