import ContractIngest
import ContractMatch
import ContractModel
import ContractRedline
import ContractSegment
import Foundation
import Testing
import ZIPFoundation

let redlineRepoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The repository's clause library, loaded once.
let library: ClauseLibrary = {
    do {
        return try ClauseLibrary.load(from: redlineRepoRoot.appendingPathComponent("clause-library"))
    } catch {
        fatalError("the clause library does not load: \(error)")
    }
}()

/// A contract through the whole redline, as `baa-review redline` runs it.
struct Redlined {
    var input: Data
    var document: Document
    var before: [Finding]
    var plan: RedlinePlan
    var output: Data
    var log: [String]

    init(_ data: Data, path: String, author: String = "baa-review", date: String = RedlineDate.fixed) throws {
        input = data
        document = Segmenter().segment(try DocumentReader().read(data, path: path))
        let policy = library.defaultPolicy
        before = Reviewer(library: library, policy: policy).review(document)
        let test = SentenceConflictTest(library: library, policy: policy, document: document)
        var planner = RedlinePlanner(asks: RedlineAsk.all(library))
        planner.conflictTest = { test.isConflict($0, provision: $1) }
        plan = planner.plan(document, findings: before)
        let result = try DOCXRedliner(author: author, date: date).redline(data, plan: plan, file: path)
        output = result.data
        log = result.log
    }

    /// The findings of the redlined file read again, every change accepted.
    func after() throws -> [Finding] {
        let again = try DocumentReader().read(output, path: "out.docx")
        return Reviewer(library: library, policy: library.defaultPolicy).review(Segmenter().segment(again))
    }

    func roundTrip() throws -> RoundTrip {
        RoundTrip(before: before, after: try after(), plan: plan)
    }
}

/// The entries of a ZIP, by name.
func zipEntries(_ data: Data) throws -> [(String, Data)] {
    let archive = try Archive(data: data, accessMode: .read)
    var out: [(String, Data)] = []
    for entry in archive {
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        out.append((entry.path, bytes))
    }
    return out
}

func zip(_ parts: [(String, Data)]) throws -> Data {
    let archive = try Archive(accessMode: .create)
    for (name, data) in parts {
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
            provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    return archive.data!
}

func part(_ data: Data, _ name: String) throws -> String? {
    try zipEntries(data).first(where: { $0.0 == name }).map { String(decoding: $0.1, as: UTF8.self) }
}

/// Composed contracts of ../shared/eval (DOCX, text and Markdown), in a fresh temporary folder.
func composed(seed: Int, n: Int) throws -> (URL, [String: [String: Any]])? {
    let shared = redlineRepoRoot.deletingLastPathComponent().appendingPathComponent("shared/eval")
    let compose = shared.appendingPathComponent("compose.py")
    guard FileManager.default.fileExists(atPath: compose.path) else { return nil }
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("redline-composed-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", compose.path, shared.appendingPathComponent("bank").path, out.path, "--n", String(n), "--seed", String(seed),
        "--no-pdf",
    ]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "compose.py failed")
    let labels = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("labels.json")))
    return (out, labels as! [String: [String: Any]])
}

/// The body of a main part read as if every change by `author` were rejected and
/// their comments removed: one line per paragraph, with its properties, its runs'
/// formatting and text (neighbouring runs of one format joined), and every
/// other author's tracked change and comment marker spelled out. A redline that
/// touches nothing else gives the same lines as the original.
func rejected(_ xml: String, author: String, ourComments: Set<String>) throws -> [String] {
    let root = try SafeXML.parse(Data(xml.utf8), name: "document.xml")
    guard let body = root.child("body") else { return [] }
    var lines: [String] = []
    func signature(_ e: XElement) -> String {
        e.name + e.attributes.filter { $0.name != "space" }.map { " \($0.name)=\($0.value)" }.joined()
            + (e.elements.isEmpty ? "" : "{" + e.elements.map(signature).joined(separator: ",") + "}")
    }
    func ours(_ e: XElement) -> Bool { e.attr("author") == author }
    func paragraph(_ p: XElement) -> String? {
        if let mark = p.child("pPr")?.child("rPr")?.child("ins"), ours(mark) { return nil }
        var items: [(String, String)] = []
        func add(_ sig: String, _ text: String) {
            if let last = items.last, last.0 == sig {
                items[items.count - 1].1 += text
            } else {
                items.append((sig, text))
            }
        }
        func walk(_ e: XElement, deletedByUs: Bool) {
            for c in e.elements {
                switch c.name {
                case "pPr": add("pPr " + signature(c), "")
                case "ins" where ours(c): continue
                case "del" where ours(c): walk(c, deletedByUs: true)
                case "commentRangeStart", "commentRangeEnd":
                    if !ourComments.contains(c.attr("id") ?? "") { add(signature(c), "") }
                case "r":
                    if let ref = c.child("commentReference"), ourComments.contains(ref.attr("id") ?? "") { continue }
                    let rPr = c.child("rPr").map(signature) ?? ""
                    for t in c.elements where t.name != "rPr" {
                        switch t.name {
                        case "t": add("r " + rPr, t.text)
                        case "delText": add("r " + rPr + (deletedByUs ? "" : " deleted"), t.text)
                        default: add("r " + rPr, "<" + signature(t) + ">")
                        }
                    }
                default:
                    add("<" + c.name + c.attributes.map { " \($0.name)=\($0.value)" }.joined() + ">", "")
                    walk(c, deletedByUs: deletedByUs)
                    add("</" + c.name + ">", "")
                }
            }
        }
        walk(p, deletedByUs: false)
        return items.map { "[\($0.0)]\($0.1)" }.joined()
    }
    func blocks(_ e: XElement) {
        for c in e.elements {
            if c.name == "p" {
                if let line = paragraph(c) { lines.append(line) }
            } else if c.name == "sectPr" {
                lines.append("sectPr " + signature(c))
            } else {
                lines.append("<\(c.name)>")
                blocks(c)
            }
        }
    }
    blocks(body)
    return lines
}

/// The ids of the comments by `author` in a comments part.
func commentIDs(_ xml: String?, author: String) throws -> Set<String> {
    guard let xml else { return [] }
    let root = try SafeXML.parse(Data(xml.utf8), name: "comments.xml")
    return Set(root.elements.filter { $0.name == "comment" && $0.attr("author") == author }.compactMap { $0.attr("id") })
}

/// Every w:id of tracked changes and comments in a part, with how often it occurs as a revision.
func revisionIDs(_ xml: String) throws -> [String] {
    let root = try SafeXML.parse(Data(xml.utf8), name: "document.xml")
    var ids: [String] = []
    func walk(_ e: XElement) {
        for c in e.elements {
            if ["ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange"].contains(c.name), let id = c.attr("id") { ids.append(id) }
            walk(c)
        }
    }
    walk(root)
    return ids
}
