import ContractModel
import ContractPortfolio
import ContractReport
import Foundation
import Testing

@Suite struct ContractDiffTests {
    let units: ContractDiff.Units = ["notice_hours": "hours", "regions": "regions"]

    func side(_ path: String, _ findings: [Finding]) -> ContractDiff.Side {
        .init(path: path, sha256: String(repeating: path.count % 2 == 0 ? "a" : "b", count: 64), vendor: "Acme AI, Inc.", findings: findings)
    }

    @Test func statusMovementsParametersAndRenumbering() throws {
        let old = side("acme-v1.docx", [
            Fixtures.finding("ai.training-opt-out", .conflict, clause: "4.2", text: "Vendor may train its models on Customer Data."),
            Fixtures.finding("ai.breach-notification", .partial, clause: "7.1", text: "Vendor shall notify Customer within sixty days.",
                             parameters: ["notice_hours": .number(1440)]),
            Fixtures.finding("hipaa.access", .met, clause: "3.1", text: "Vendor shall provide access to PHI in a designated record set."),
            Fixtures.finding("hipaa.termination", .met, clause: "9.2", text: "Customer may terminate for a material breach."),
            Fixtures.finding("ai.audit-rights", .partial, clause: "8.1", text: "Customer may audit once a year."),
        ])
        let new = side("acme-v2.docx", [
            Fixtures.finding("ai.training-opt-out", .met, clause: "4.2", text: "Vendor shall not train any model on Customer Data."),
            Fixtures.finding("ai.breach-notification", .met, clause: "7.1", text: "Vendor shall notify Customer within seventy-two hours.",
                             parameters: ["notice_hours": .number(72)]),
            Fixtures.finding("hipaa.access", .met, clause: "3.4", text: "Vendor shall provide access to PHI in a designated record set."),
            Fixtures.finding("hipaa.termination", .conflict, clause: "9.2", text: "Customer may not terminate before the end of the term."),
            Fixtures.finding("ai.audit-rights", .partial, clause: "8.1", text: "Customer may audit once a year."),
        ])
        let diff = ContractDiff.compare(old: old, new: new, units: units)
        #expect(diff.unchanged == ["ai.audit-rights"])
        let byID = Dictionary(uniqueKeysWithValues: diff.changes.map { ($0.provision, $0) })
        #expect(byID["ai.training-opt-out"]?.movement == .gapClosed)
        #expect(byID["hipaa.termination"]?.movement == .newConflict)
        let breach = try #require(byID["ai.breach-notification"])
        #expect(breach.movement == .gapClosed)
        #expect(breach.parameters.first?.summary == "shortened from 60 days to 72 hours")
        let access = try #require(byID["hipaa.access"])
        #expect(access.movement == nil)
        #expect(access.clauses == [.init(kind: .renumbered, old: "3.1", new: "3.4")])

        let markdown = DiffReport.markdown(diff)
        #expect(markdown.contains("gap closed (conflict -> met)"))
        #expect(markdown.contains("notice_hours: shortened from 60 days to 72 hours"))
        #expect(markdown.contains("clause renumbered 3.1 -> 3.4"))
        #expect(markdown.contains("new conflict (met -> conflict)"))
        #expect(markdown.contains("1 provision unchanged."))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(DiffReport.json(diff).utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "baa-review/diff@1")
        let changes = try #require(json["changes"] as? [[String: Any]])
        let breachJSON = try #require(changes.first { $0["provision"] as? String == "ai.breach-notification" })
        #expect(breachJSON["movement"] as? String == "gap-closed")
        let parameter = try #require((breachJSON["parameters"] as? [[String: Any]])?.first)
        #expect(parameter["old"] as? Int == 1440)
        #expect(parameter["new"] as? Int == 72)
        #expect((json["old"] as? [String: Any])?["path"] as? String == "acme-v1.docx")
    }

    @Test func identicalReviewsHaveNoChanges() {
        let findings = [Fixtures.finding("ai.training-opt-out", .met, clause: "4.2")]
        let diff = ContractDiff.compare(old: side("a.txt", findings), new: side("b.txt", findings))
        #expect(diff.changes.isEmpty)
        #expect(DiffReport.markdown(diff).contains("No provision changed."))
    }

    @Test func worsenedImprovedAddedRemovedAndRegions() throws {
        let old = side("a.txt", [
            Fixtures.finding("ai.data-residency", .partial, clause: "5", parameters: ["regions": .list(["US", "DE"])]),
            Fixtures.finding("hipaa.access", .met, clause: "3"),
            Fixtures.finding("ai.indemnification", .missing),
            Fixtures.finding("hipaa.old", .met, clause: "1"),
        ])
        let new = side("b.txt", [
            Fixtures.finding("ai.data-residency", .partial, clause: "5", parameters: ["regions": .list(["US", "FR"])]),
            Fixtures.finding("hipaa.access", .partial, clause: "3"),
            Fixtures.finding("ai.indemnification", .partial, clause: "9.1", text: "Vendor shall indemnify Customer for some losses."),
            Fixtures.finding("ai.new", .met, clause: "2"),
        ])
        let diff = ContractDiff.compare(old: old, new: new, units: units)
        let byID = Dictionary(uniqueKeysWithValues: diff.changes.map { ($0.provision, $0) })
        #expect(byID["ai.data-residency"]?.parameters.first?.summary == "added FR; removed DE")
        #expect(byID["hipaa.access"]?.movement == .worsened)
        #expect(byID["ai.indemnification"]?.movement == .improved)
        #expect(byID["ai.indemnification"]?.clauses == [.init(kind: .added, old: nil, new: "9.1")])
        #expect(byID["ai.new"]?.movement == .added)
        #expect(byID["hipaa.old"]?.movement == .removed)
        #expect(diff.changes.last?.provision == "hipaa.old")
    }

    @Test func movedAndRewordedClause() {
        let old = side("a.txt", [Fixtures.finding("x", .met, clause: "4.2", text: "Vendor shall notify Customer of any Breach within five days of discovery.")])
        let new = side("b.txt", [Fixtures.finding("x", .met, clause: "6.1", text: "Vendor shall promptly notify Customer of any Breach within five days of discovery.")])
        let diff = ContractDiff.compare(old: old, new: new)
        #expect(diff.changes.first?.clauses == [.init(kind: .renumberedAndReworded, old: "4.2", new: "6.1")])
    }

    @Test func savedReportsReadBack() throws {
        let review = Fixtures.review(path: "a.txt", vendor: "Acme", sha: "abc", findings: [
            Fixtures.finding("ai.breach-notification", .partial, clause: "2", parameters: ["notice_hours": .number(336)])
        ])
        let json = try BatchReports.reportFiles(for: review, name: "a.txt", playbook: Playbook([])).first { $0.name.hasSuffix(".json") }!.bytes
        let side = try #require(ReportSnapshot.side(fromReportJSON: json))
        #expect(side.findings == review.findings)
        #expect(side.vendor == "Acme")
        #expect(ReportSnapshot.side(fromReportJSON: Data("{\"a\": 1}".utf8)) == nil)
        #expect(ReportSnapshot.side(fromReportJSON: Data("not json".utf8)) == nil)
    }
}
