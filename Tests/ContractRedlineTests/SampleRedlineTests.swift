import ContractIngest
import ContractModel
import ContractRedline
import Foundation
import Testing

/// samples/acme-scribe-baa.docx: Word's automatic numbering, a footnote,
/// headers and footers, and two tracked changes by the customer's lawyer.
@Suite struct SampleRedlineTests {
    static let sample = redlineRepoRoot.appendingPathComponent("samples/acme-scribe-baa.docx")

    @Test func commentsLandOnTheDecidingClauses() throws {
        let r = try Redlined(Data(contentsOf: Self.sample), path: "acme-scribe-baa.docx")
        // the sample has three partial provisions and nothing missing
        #expect(r.plan.insertion == nil)
        #expect(r.plan.replacements.isEmpty)
        let anchors = Dictionary(uniqueKeysWithValues: r.plan.comments.map { ($0.provision, $0.anchor.clause) })
        #expect(anchors == ["ai.breach-notification": "3.2(b)", "ai.subprocessors": "5.3(c)", "ai.training-opt-out": "5.2"])
        let comments = try #require(try part(r.output, "word/comments.xml"))
        #expect(try commentIDs(comments, author: "baa-review").count == 3)
        // the comment states the gap and the change requested, never the fallback position
        #expect(comments.contains("The notice deadline is 336 hours"))
        #expect(comments.contains("Please revise it to read: Business Associate shall notify Covered Entity"))
        #expect(!comments.contains("At a minimum"))
        let document = try #require(try part(r.output, "word/document.xml"))
        #expect(document.contains(#"<w:commentRangeStart w:id="#))
        #expect(document.components(separatedBy: "<w:commentReference ").count - 1 == 3)
    }

    @Test func everythingElseIsUntouched() throws {
        let input = try Data(contentsOf: Self.sample)
        let r = try Redlined(input, path: "acme-scribe-baa.docx")
        let before = Dictionary(uniqueKeysWithValues: try zipEntries(input))
        let after = try zipEntries(r.output)
        // the original entries, in their order, then the new comments part
        #expect(after.map(\.0) == (try zipEntries(input)).map(\.0) + ["word/comments.xml"])
        let changed = Set(["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml", "word/comments.xml"])
        for (name, data) in after where !changed.contains(name) {
            #expect(before[name] == data, "\(name) changed")
        }
        // the body with our changes rejected is the original, the customer's lawyer's tracked changes included
        let ours = try commentIDs(try part(r.output, "word/comments.xml"), author: "baa-review")
        let original = try rejected(String(decoding: before["word/document.xml"]!, as: UTF8.self), author: "baa-review", ourComments: [])
        let redlined = try rejected(try #require(try part(r.output, "word/document.xml")), author: "baa-review", ourComments: ours)
        #expect(original == redlined)
        #expect(original.joined().contains("Jordan Reyes (Riverbend Legal)"))
        // one relationship and one content type for the new part
        let rels = try #require(try part(r.output, "word/_rels/document.xml.rels"))
        #expect(rels.components(separatedBy: "relationships/comments\"").count - 1 == 1)
        let types = try #require(try part(r.output, "[Content_Types].xml"))
        #expect(types.components(separatedBy: "/word/comments.xml").count - 1 == 1)
    }

    @Test func deterministicAndDated() throws {
        let input = try Data(contentsOf: Self.sample)
        let a = try Redlined(input, path: "a.docx")
        let b = try Redlined(input, path: "b.docx")
        #expect(a.output == b.output)
        let dated = try Redlined(input, path: "a.docx", author: "Dana Whitfield", date: "2026-11-02T09:30:00Z")
        let comments = try #require(try part(dated.output, "word/comments.xml"))
        #expect(comments.contains(#"w:author="Dana Whitfield" w:date="2026-11-02T09:30:00Z" w:initials="DW""#))
        // new ids are above every id the file already used (the tracked changes are 101 and 102)
        let ids = try revisionIDs(try #require(try part(dated.output, "word/document.xml")))
        #expect(Set(ids).count == ids.count)
        #expect(try commentIDs(comments, author: "Dana Whitfield").allSatisfy { Int($0)! > 102 })
    }

    @Test func roundTripKeepsEveryFinding() throws {
        let r = try Redlined(Data(contentsOf: Self.sample), path: "acme-scribe-baa.docx")
        let trip = try r.roundTrip()
        #expect(trip.holds)
        #expect(trip.worse.isEmpty)
        // comments change nothing the reader sees
        #expect(try r.after().map(\.status) == r.before.map(\.status))
    }

    /// Existing comments by others stay, ours are appended with new ids; the relationship is reused.
    @Test func existingCommentsAreKept() throws {
        var parts = try zipEntries(Data(contentsOf: Self.sample))
        let theirs =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
            + #"<w:comment w:id="0" w:author="Vendor Counsel" w:date="2025-03-01T10:00:00Z" w:initials="VC"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Our standard form; please accept.</w:t></w:r></w:p></w:comment></w:comments>"#
        for i in parts.indices {
            switch parts[i].0 {
            case "word/document.xml":
                var xml = String(decoding: parts[i].1, as: UTF8.self)
                let run = "<w:r><w:t>BUSINESS ASSOCIATE AGREEMENT</w:t></w:r>"
                #expect(xml.contains(run))
                xml = xml.replacingOccurrences(
                    of: run,
                    with: #"<w:commentRangeStart w:id="0"/>"# + run
                        + #"<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#)
                parts[i].1 = Data(xml.utf8)
            case "word/_rels/document.xml.rels":
                parts[i].1 = Data(
                    String(decoding: parts[i].1, as: UTF8.self).replacingOccurrences(
                        of: "</Relationships>",
                        with: #"<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#
                    ).utf8)
            case "[Content_Types].xml":
                parts[i].1 = Data(
                    String(decoding: parts[i].1, as: UTF8.self).replacingOccurrences(
                        of: "</Types>",
                        with: #"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#
                    ).utf8)
            default: break
            }
        }
        parts.append(("word/comments.xml", Data(theirs.utf8)))
        let input = try zip(parts)
        let r = try Redlined(input, path: "commented.docx")
        let comments = try #require(try part(r.output, "word/comments.xml"))
        #expect(comments.contains(#"<w:comment w:id="0" w:author="Vendor Counsel" w:date="2025-03-01T10:00:00Z" w:initials="VC"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Our standard form; please accept.</w:t></w:r></w:p></w:comment>"#))
        let ours = try commentIDs(comments, author: "baa-review")
        #expect(ours.count == 3 && !ours.contains("0"))
        // nothing to add to the relationships or content types: they already name the part
        let before = Dictionary(uniqueKeysWithValues: parts)
        let after = Dictionary(uniqueKeysWithValues: try zipEntries(r.output))
        #expect(after["word/_rels/document.xml.rels"] == before["word/_rels/document.xml.rels"])
        #expect(after["[Content_Types].xml"] == before["[Content_Types].xml"])
        let original = try rejected(String(decoding: before["word/document.xml"]!, as: UTF8.self), author: "baa-review", ourComments: [])
        let redlined = try rejected(try #require(try part(r.output, "word/document.xml")), author: "baa-review", ourComments: ours)
        #expect(original == redlined)
        #expect(original[0].contains("commentRangeStart id=0"))
    }
}
