import ContractIngest
import ContractModel
import Foundation
import Testing

@Suite("DOCX hostile and broken files")
struct DOCXSecurityTests {
    typealias F = DOCXFixture

    /// A package whose main part is `xml`, verbatim.
    static func package(main xml: String) -> Data {
        F.zip([
            ("[Content_Types].xml", F.contentTypes),
            ("_rels/.rels", F.rels([("rId1", F.relType + "officeDocument", "word/document.xml")])),
            ("word/document.xml", xml),
        ])
    }

    static func isDTDRefusal(_ reason: ReadError.Reason?) -> Bool {
        if case .corrupt(let why)? = reason { return why.contains("contains a DTD") }
        return false
    }

    @Test func externalEntityIsRefusedAndNeverExpanded() throws {
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE w:document [ <!ENTITY xxe SYSTEM "file:///etc/hostname"> ]>
            <w:document xmlns:w="\(F.wNS)"><w:body><w:p><w:r><w:t>host: &xxe;</w:t></w:r></w:p></w:body></w:document>
            """
        let data = Self.package(main: xml)
        let reason = F.failure(data)
        #expect(Self.isDTDRefusal(reason))
        if let reason, !hostname.isEmpty {
            #expect(!ReadError(file: "x", reason: reason).description.contains(hostname))
        }
        // a DTD in an optional part is refused too, not skipped
        var parts: [(String, String)] = [
            ("_rels/.rels", F.rels([("rId1", F.relType + "officeDocument", "word/document.xml")])),
            ("word/document.xml", #"<w:document xmlns:w="\#(F.wNS)"><w:body>\#(F.p("x"))</w:body></w:document>"#),
            ("word/_rels/document.xml.rels", F.rels([("rId2", F.relType + "styles", "styles.xml")])),
            ("word/styles.xml", #"<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/hostname"><w:styles xmlns:w="\#(F.wNS)"/>"#),
        ]
        #expect(Self.isDTDRefusal(F.failure(F.zip(parts))))
        // and in the relationships part
        parts[0].1 = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/hostname">]><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#
        #expect(Self.isDTDRefusal(F.failure(F.zip(parts))))
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var entities = #"<!ENTITY lol "lol">"#
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            entities += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">"
        }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE w:document [\(entities)]>
            <w:document xmlns:w="\(F.wNS)"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
            """
        let start = Date()
        #expect(Self.isDTDRefusal(F.failure(Self.package(main: xml))))
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func zipBombStopsAtTheCap() throws {
        // 3 MiB of one character deflates to a few KiB; the cap is 1 MiB
        let filler = String(repeating: "a", count: 3 << 20)
        let data = F.docx(body: F.p(filler))
        let options = ReadOptions(maxDecompressedBytes: 1 << 20)
        guard case .limitExceeded(_, _, let flag)? = F.failure(data, options: options) else {
            Issue.record("expected limitExceeded")
            return
        }
        #expect(flag == "--max-unzipped-bytes")
        // the same file reads with the default cap
        #expect(F.failure(data) == nil)
    }

    @Test func zipBombWithLyingHeadersStopsWhileStreaming() throws {
        let filler = String(repeating: "a", count: 3 << 20)
        var data = F.docx(body: F.p(filler))
        // rewrite every declared uncompressed size (local headers and central directory) to 100 bytes
        let bytes = [UInt8](data)
        func u32(_ i: Int) -> UInt32 { UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24 }
        var patched = bytes
        var i = 0
        while i + 30 < bytes.count {
            if u32(i) == 0x0403_4b50, u32(i + 22) > 1 << 20 {
                patched.replaceSubrange((i + 22)..<(i + 26), with: [100, 0, 0, 0])
            } else if u32(i) == 0x0201_4b50, i + 28 < bytes.count, u32(i + 24) > 1 << 20 {
                patched.replaceSubrange((i + 24)..<(i + 28), with: [100, 0, 0, 0])
            }
            i += 1
        }
        data = Data(patched)
        let reason = F.failure(data, options: ReadOptions(maxDecompressedBytes: 1 << 20))
        guard case .limitExceeded? = reason else {
            Issue.record("expected limitExceeded, got \(String(describing: reason))")
            return
        }
    }

    @Test func tooManyEntries() throws {
        var parts: [(String, String)] = [
            ("_rels/.rels", F.rels([("rId1", F.relType + "officeDocument", "word/document.xml")])),
            ("word/document.xml", #"<w:document xmlns:w="\#(F.wNS)"><w:body>\#(F.p("x"))</w:body></w:document>"#),
        ]
        for i in 0..<50 { parts.append(("junk/\(i).txt", "x")) }
        guard case .limitExceeded(_, _, let flag)? = F.failure(F.zip(parts), options: ReadOptions(maxZipEntries: 20)),
            flag == "--max-zip-entries"
        else {
            Issue.record("expected limitExceeded")
            return
        }
        #expect(F.failure(F.zip(parts)) == nil)
    }

    @Test func truncatedZipIsCorrupt() throws {
        let data = F.docx(body: F.p("Some text that makes the part a little longer than nothing."))
        guard case .corrupt? = F.failure(data.prefix(data.count / 2)) else {
            Issue.record("expected corrupt")
            return
        }
    }

    @Test func zipWithoutWordDocument() throws {
        let data = F.zip([("readme.txt", "hello"), ("../../etc/passwd", "not written anywhere")])
        guard case .unsupported(let format, _)? = F.failure(data) else {
            Issue.record("expected unsupported")
            return
        }
        #expect(format == "This ZIP archive")
        // a workbook is an OPC package too, but not a Word document
        let xlsx = F.zip([
            ("_rels/.rels", F.rels([("rId1", F.relType + "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"#),
        ])
        guard case .unsupported? = F.failure(xlsx) else {
            Issue.record("expected unsupported for a workbook")
            return
        }
    }

    @Test func malformedMainPartIsCorrupt() throws {
        guard case .corrupt(let why)? = F.failure(Self.package(main: "<w:document xmlns:w=\"\(F.wNS)\"><w:body>")) else {
            Issue.record("expected corrupt")
            return
        }
        #expect(why.contains("word/document.xml"))
    }
}
