import Foundation
import Testing

/// One hostile or broken file and what reading it must give.
struct HostileCase: CustomTestStringConvertible, Sendable {
    enum Expect: Sendable {
        /// A clear error naming the file that contains this text, exit 1.
        case error(String)
        /// A correct reading, exit 0; stdout contains this text.
        case reads(String)
    }
    var name: String
    var file: String
    var expect: Expect
    var extraArguments: [String] = []
    var make: @Sendable (Sandbox) throws -> Data
    var testDescription: String { name }
}

/// The hostile-input suite: each file is generated here, read by the CLI as a
/// subprocess (so a crash is seen as a signal) under a 2 GiB address-space limit,
/// and must end in a clear error naming the file, or a correct reading, never
/// a crash or a hang; the output never holds a local file's content, and the
/// run writes no file but its audit log.
@Suite("Hostile input")
struct HostileInputTests {
    typealias H = HostileFiles

    static let passwdFirstLine: String? = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8))?
        .split(separator: "\n").first.map(String.init)

    static func docx(_ body: String, prolog: String = "") -> Data {
        H.docx(document: H.documentXML(body, prolog: prolog))
    }

    static let cases: [HostileCase] = [
        HostileCase(name: "XXE through an external entity", file: "xxe-external.docx", expect: .error("contains a DTD")) { s in
            docx(H.paragraph("a &xxe; b &pw;"),
                 prolog: #"<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://\#(s.secretFile.path)"><!ENTITY pw SYSTEM "file:///etc/passwd">]>"#)
        },
        HostileCase(name: "XXE through a parameter entity", file: "xxe-parameter.docx", expect: .error("contains a DTD")) { s in
            docx(H.paragraph("text"),
                 prolog: #"<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file://\#(s.secretFile.path)"><!ENTITY % q SYSTEM "http://127.0.0.1:9/x.dtd"> %p; %q;]>"#)
        },
        HostileCase(name: "billion laughs", file: "laughs.docx", expect: .error("contains a DTD")) { _ in
            var entities = #"<!ENTITY l0 "lol">"#
            for i in 1...9 { entities += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
            return docx(H.paragraph("&l9;"), prolog: "<!DOCTYPE w:document [\(entities)]>")
        },
        HostileCase(
            name: "zip bomb: a 4 GiB part in 4 MB, honest sizes", file: "bomb.docx", expect: .error("--max-unzipped-bytes")
        ) { _ in H.zipBomb(lying: false) },
        HostileCase(
            name: "zip bomb: a 4 GiB part in 4 MB, sizes that lie", file: "bomb-lying.docx",
            expect: .error("--max-unzipped-bytes")
        ) { _ in H.zipBomb(lying: true) },
        HostileCase(name: "zip with 20,000 entries", file: "entries.docx", expect: .error("--max-zip-entries")) { _ in
            H.zip((0..<20_000).map { .stored("junk/\($0).xml", "<x/>") })
        },
        HostileCase(name: "entry named ../../x", file: "slip.docx", expect: .reads("Vendor shall comply.")) { s in
            H.docx(
                document: H.documentXML(H.paragraph("Vendor shall comply.")),
                extra: [.stored("../../\(Self.slipName(s))", "written outside"), .stored("/tmp/\(Self.slipName(s))", "absolute")])
        },
        HostileCase(name: "main part outside the package", file: "escape.docx", expect: .error("not a Word document")) { _ in
            H.docx(document: H.documentXML(H.paragraph("x")), mainTarget: "../../../../etc/passwd")
        },
        HostileCase(name: "DOCX without document.xml", file: "nodoc.docx", expect: .error("not a Word document")) { _ in
            H.zip([.stored("_rels/.rels", H.rels()), .stored("word/styles.xml", "<w:styles/>")])
        },
        HostileCase(name: "truncated ZIP", file: "truncated.docx", expect: .error("damaged")) { _ in
            let whole = docx(H.paragraph(String(repeating: "Vendor shall comply. ", count: 50)))
            return whole.prefix(whole.count * 2 / 3)
        },
        HostileCase(name: "random bytes named .docx", file: "random.docx", expect: .error("not supported")) { _ in
            H.randomBytes(64 << 10)
        },
        HostileCase(name: "50,000 nested elements", file: "nested.docx", expect: .error("damaged")) { _ in
            docx(String(repeating: "<w:sdt><w:sdtContent>", count: 25_000) + String(repeating: "</w:sdtContent></w:sdt>", count: 25_000))
        },
        HostileCase(name: "4.2 million tiny XML elements", file: "elements.docx", expect: .error("--max-xml-elements")) { _ in
            docx(String(repeating: "<p/>", count: 4_200_000))
        },
        HostileCase(name: "50,000 nested Markdown quotes and lists", file: "nested.md", expect: .reads("deep")) { _ in
            Data((String(repeating: "> ", count: 25_000) + "deep\n\n" + String(repeating: "  - ", count: 25_000) + "deeper\n").utf8)
        },
        HostileCase(name: "a clause number 50,000 levels deep", file: "deep.txt", expect: .reads("Vendor")) { _ in
            Data(("1. Scope\n\n" + (1...50_000).map { _ in "1" }.joined(separator: ".") + " Vendor shall comply.\n").utf8)
        },
        HostileCase(name: "one sentence quoting 10,000 defined terms", file: "terms.txt", expect: .reads("Term")) { _ in
            // minutes when the definition reader was quadratic, a few seconds now
            Data(String(repeating: #""Term" means (the "Other") "#, count: 5_000).utf8)
        },
        HostileCase(name: "20,000 unclosed quotes", file: "quotes.txt", expect: .reads("Vendor")) { _ in
            Data(("Vendor shall comply " + String(repeating: "\u{201C}Term ", count: 20_000)).utf8)
        },
        HostileCase(name: "empty PDF", file: "empty.pdf", expect: .error("the file is empty")) { _ in Data() },
        HostileCase(name: "PDF header then garbage", file: "garbage.pdf", expect: .error("damaged")) { _ in
            Data("%PDF-1.7\n".utf8) + H.randomBytes(32 << 10)
        },
        HostileCase(name: "encrypted PDF", file: "encrypted.pdf", expect: .error("--password")) { _ in
            try Data(contentsOf: cliRepoRoot.appendingPathComponent("Tests/ContractIngestTests/Fixtures/pdf/encrypted.pdf"))
        },
        HostileCase(
            name: "encrypted PDF with its password", file: "encrypted.pdf", expect: .reads("Business Associate"),
            extraArguments: ["--password", "secret"]
        ) { _ in try Data(contentsOf: cliRepoRoot.appendingPathComponent("Tests/ContractIngestTests/Fixtures/pdf/encrypted.pdf")) },
        HostileCase(name: "PDF without a text layer", file: "drawing.pdf", expect: .error("no extractable text")) { _ in
            H.pdfWithoutText
        },
        HostileCase(name: "10,000 blank pages", file: "blank.pdf", expect: .error("--max-pages")) { _ in H.blankPages(10_000) },
        HostileCase(
            name: "10,000 blank pages, limit raised", file: "blank.pdf", expect: .error("no extractable text"),
            extraArguments: ["--max-pages", "10000"]
        ) { _ in H.blankPages(10_000) },
        HostileCase(name: "page tree that loops", file: "loop.pdf", expect: .error("damaged")) { _ in H.pdfPageTreeLoop },
        HostileCase(name: "legacy .doc", file: "old.doc", expect: .error("legacy Word 97-2003")) { _ in H.legacyDoc },
        HostileCase(name: "PNG named .pdf", file: "scan.pdf", expect: .error("A PNG image is not supported")) { _ in H.png },
        HostileCase(name: "invalid UTF-8", file: "latin1.txt", expect: .reads("Vendor shall comply")) { _ in
            Data("1. Vendor shall comply with caf".utf8) + Data([0xE9, 0xFF, 0xC3]) + Data(" rules.\n".utf8)
        },
        HostileCase(name: "empty text file", file: "empty.txt", expect: .error("the file is empty")) { _ in Data() },
    ]

    static func slipName(_ sandbox: Sandbox) -> String {
        "baa-review-slip-" + sandbox.root.lastPathComponent
    }

    @Test(arguments: cases)
    func endsCleanly(_ hostile: HostileCase) throws {
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.root) }
        let path = try sandbox.file(hostile.file, try hostile.make(sandbox))
        let before = sandbox.files()
        for command in [["extract"], ["check", "--format", "json", "--audit-log", sandbox.auditLog.path]] {
            let result = try runSandboxed(command + hostile.extraArguments + [path], in: sandbox)
            let label = "\(command[0]) \(hostile.name)"
            #expect(!result.killed, "\(label): still running after the kill timeout")
            #expect(!result.signaled, "\(label): ended on a signal (status \(result.status)); stderr: \(result.stderr.suffix(2000))")
            switch hostile.expect {
            case .error(let text):
                #expect(result.status == 1, "\(label): exit \(result.status); stderr: \(result.stderr.suffix(2000))")
                #expect(result.stderr.contains("baa-review: error: \(path): "), "\(label): \(result.stderr.suffix(2000))")
                #expect(result.stderr.contains(text), "\(label): \(result.stderr.suffix(2000))")
            case .reads(let text):
                #expect(result.status == 0, "\(label): exit \(result.status); stderr: \(result.stderr.suffix(2000))")
                if command[0] == "extract" { #expect(result.stdout.contains(text), "\(label): \(result.stdout.prefix(500))") }
            }
            #expect(!result.output.contains(sandbox.secret), "\(label): a local file's content is in the output")
            if let line = Self.passwdFirstLine {
                #expect(!result.output.contains(line), "\(label): /etc/passwd is in the output")
            }
        }
        // nothing written but the audit log, neither in the sandbox nor where ../../x would land
        #expect(sandbox.files().subtracting(before) == ["state/audit.jsonl"])
        let slip = Self.slipName(sandbox)
        for base in [sandbox.workingDirectory, sandbox.input, URL(fileURLWithPath: "/tmp")] {
            let escaped = base.appendingPathComponent("../../" + slip).standardized.path
            #expect(!FileManager.default.fileExists(atPath: escaped), "\(escaped) was written")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/" + slip))
    }

    /// The hand-made deflate stream of the zip bomb is valid: its CRC routine
    /// agrees with the byte-by-byte one, and the stream decodes to zeros (checked on a small one).
    @Test func bombGeneratorIsValid() throws {
        #expect(H.crc32OfZeros(1_000) == H.crc32(Data(count: 1_000)))
        #expect(H.crc32OfZeros(1 + 258 * 40) == H.crc32(Data(count: 1 + 258 * 40)))
        let (stream, size) = H.deflatedZeros(repeats: 40)
        #expect(size == 1 + 258 * 40)
        let entry = HostileFiles.ZipEntry(
            name: "word/document.xml", method: 8, payload: stream, crc: H.crc32OfZeros(size), uncompressedSize: UInt32(size),
            declaredSize: UInt32(size))
        // a package whose main part is 10,321 zeros: read, and refused as not well-formed XML (so it was inflated)
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.root) }
        let path = try sandbox.file("small-bomb.docx", H.zip([.stored("_rels/.rels", H.rels()), entry]))
        let result = try runSandboxed(["extract", path], in: sandbox)
        #expect(result.status == 1)
        #expect(result.stderr.contains("word/document.xml is not well-formed XML"), "\(result.stderr)")
        #expect(H.zipBomb(lying: false).count < 5 << 20)
    }
}
