import ContractIngest
import ContractModel
import ContractRedline
import ContractSegment
import Foundation
import Testing

/// Composed contracts of ../shared/eval in Word: automatic and typed
/// numbering in the three styles (decimal, ARTICLE/Section, flat), some with
/// tracked changes by "Vendor Counsel". Every redline must round-trip: its
/// inserted provisions read as met, no conflict is new, and the contract with
/// our changes rejected is the original.
@Suite struct ComposedRedlineTests {
    @Test(arguments: [1, 4, 7, 10])
    func composedContractsRoundTrip(seed: Int) throws {
        guard let (dir, labels) = try composed(seed: seed, n: 8) else { return }
        var checked = 0
        for (name, entry) in labels.sorted(by: { $0.key < $1.key }) {
            guard let file = entry["file"] as? String, file.hasSuffix(".docx") else { continue }
            let format = entry["format"] as? String ?? ""
            let style = entry["style"] as? String ?? ""
            let input = try Data(contentsOf: dir.appendingPathComponent(file))
            let r = try Redlined(input, path: file)
            let what = "\(name) (\(format), \(style))"

            // every gap is acted on
            let gaps = r.before.filter { $0.status != .met }
            let acted = Set(r.plan.comments.map(\.provision) + r.plan.replacements.map(\.provision)
                + (r.plan.insertion?.sections.map(\.provision) ?? []))
            #expect(Set(gaps.map(\.provision)) == acted, "\(what): \(r.plan.notes)")
            #expect(r.plan.notes.isEmpty, "\(what): \(r.plan.notes)")

            // the round trip
            let trip = try r.roundTrip()
            #expect(trip.holds, "\(what): \(trip.summary)")
            #expect(trip.replaced.allSatisfy { $0.1 == .met }, "\(what): \(trip.summary)")

            // new sections are numbered as the contract numbers
            if let insertion = r.plan.insertion {
                let after = Segmenter().segment(try DocumentReader().read(r.output, path: "out.docx"))
                let clauses = after.structure!.clauses
                for section in insertion.sections {
                    let label = try #require(section.label, "\(what): \(section.provision) has no number")
                    #expect(
                        clauses.contains { $0.path == ClausePath.normalise(label) && $0.heading == section.heading },
                        "\(what): \(label) \(section.heading) is not read back as a clause")
                }
                let sectionLabels = insertion.sections.compactMap(\.label)
                switch style {
                case "decimal": #expect(sectionLabels.allSatisfy { $0.range(of: #"^\d+\.\d+$"#, options: .regularExpression) != nil })
                case "article": #expect(sectionLabels.allSatisfy { $0.range(of: #"^Section \d+\.\d\d$"#, options: .regularExpression) != nil })
                default: #expect(sectionLabels.allSatisfy { $0.range(of: #"^\d+\.$"#, options: .regularExpression) != nil })
                }
                if style == "article" { #expect(insertion.article.label?.hasPrefix("ARTICLE ") == true) }
                if style == "flat" { #expect(insertion.article.label == nil) }
                // automatic numbering stays automatic: no typed number in the new paragraphs
                let xml = try #require(try part(r.output, "word/document.xml"))
                if format == "docx-auto", let first = sectionLabels.first {
                    #expect(!xml.contains(">\(first) <"), "\(what): typed number in an automatically numbered document")
                }
                // the new article comes before the signature block
                let text = after.blocks.map(\.renderedText)
                let article = try #require(text.firstIndex { $0.uppercased().contains("AI AND DATA PROTECTION") })
                let witness = try #require(text.firstIndex { $0.hasPrefix("IN WITNESS WHEREOF") })
                #expect(article < witness)
            }

            // untouched: other entries byte for byte, the body with our changes rejected as it was
            let before = Dictionary(uniqueKeysWithValues: try zipEntries(input))
            let after = Dictionary(uniqueKeysWithValues: try zipEntries(r.output))
            for (entry, data) in before where !["word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"].contains(entry) {
                #expect(after[entry] == data, "\(what): \(entry) changed")
            }
            let ours = try commentIDs(after["word/comments.xml"].map { String(decoding: $0, as: UTF8.self) }, author: "baa-review")
            #expect(ours.count == r.plan.comments.count + r.plan.replacements.count + (r.plan.insertion?.sections.count ?? 0))
            let original = try rejected(String(decoding: before["word/document.xml"]!, as: UTF8.self), author: "baa-review", ourComments: [])
            let redlined = try rejected(String(decoding: after["word/document.xml"]!, as: UTF8.self), author: "baa-review", ourComments: ours)
            #expect(original == redlined, "\(what): the redline changed more than it marks")
            if entry["tracked_changes"] as? Bool == true {
                #expect(original.joined().contains("author=Vendor Counsel"), "\(what): the vendor's tracked change is gone")
            }
            let ids = try revisionIDs(String(decoding: after["word/document.xml"]!, as: UTF8.self))
            #expect(Set(ids).count == ids.count, "\(what): revision ids repeat")
            checked += 1
        }
        #expect(checked > 0)
    }

    /// A conflicting sentence is deleted and the library's language inserted, as tracked changes.
    @Test func conflictingSentenceIsReplaced() throws {
        guard let (dir, labels) = try composed(seed: 9, n: 5) else { return }
        var replaced = 0
        for (_, entry) in labels.sorted(by: { $0.key < $1.key }) {
            guard let file = entry["file"] as? String, file.hasSuffix(".docx") else { continue }
            let r = try Redlined(Data(contentsOf: dir.appendingPathComponent(file)), path: file)
            let xml = try #require(try part(r.output, "word/document.xml"))
            for replacement in r.plan.replacements {
                for deletion in replacement.deletions {
                    let text = try #require(deletion.text)
                    // the sentence is still in the file, as deleted text
                    let escaped = String(text.prefix(40)).replacingOccurrences(of: "&", with: "&amp;")
                        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                    #expect(xml.contains(escaped))
                }
                replaced += 1
            }
            let ourDeletions = xml.components(separatedBy: #"w:author="baa-review""#).count > 1
                && xml.range(of: #"<w:del w:id="\d+" w:author="baa-review""#, options: .regularExpression) != nil
            #expect(ourDeletions == !r.plan.replacements.isEmpty)
            #expect(try r.roundTrip().replaced.allSatisfy { $0.1 == .met })
        }
        #expect(replaced > 0)
    }
}
