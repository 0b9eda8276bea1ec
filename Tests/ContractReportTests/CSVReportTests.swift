import ContractModel
import ContractReport
import Foundation
import Testing

/// The CSV export read back with a strict RFC 4180 parser.
@Suite struct CSVReportTests {
    /// RFC 4180: records end in CRLF; a field is quoted when it holds a comma, a quote or a line break,
    /// with quotes doubled. Anything else (a bare quote, a lone LF outside quotes) fails.
    static func parse(_ csv: String) throws -> [[String]] {
        struct Malformed: Error { var at: Int }
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        let chars = Array(csv.unicodeScalars)
        var i = 0
        var quoted = false
        var wasQuoted = false
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 2; continue }
                    quoted = false
                } else {
                    field.unicodeScalars.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw Malformed(at: i) }
                quoted = true
                wasQuoted = true
            case ",":
                record.append(field); field = ""; wasQuoted = false
            case "\r":
                guard i + 1 < chars.count, chars[i + 1] == "\n" else { throw Malformed(at: i) }
                record.append(field); records.append(record); record = []; field = ""; wasQuoted = false
                i += 1
            case "\n":
                throw Malformed(at: i)
            default:
                guard !wasQuoted else { throw Malformed(at: i) }
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        guard !quoted, field.isEmpty, record.isEmpty else { throw Malformed(at: i) }
        return records
    }

    @Test func roundTrip() throws {
        let review = ReviewFixture.review(vendor: "Acme, \"Scribe\" AI — Ünïcode")
        let csv = CSVReport.render(review)
        #expect(csv.hasSuffix("\r\n"))
        #expect(!csv.hasPrefix("\u{FEFF}"))
        let records = try Self.parse(csv)
        #expect(records.first == CSVReport.columns)
        #expect(Array(CSVReport.columns.prefix(10)) == [
            "document", "vendor", "provision", "title", "severity", "status", "clause", "page", "parameters", "reason",
        ])
        #expect(records.count == 1 + review.findings.count)
        #expect(records.allSatisfy { $0.count == CSVReport.columns.count })
        let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(CSVReport.columns, $0)) }
        #expect(rows.map { $0["provision"]! } == review.findings.map(\.provision))
        #expect(rows.allSatisfy { $0["vendor"] == "Acme, \"Scribe\" AI — Ünïcode" && $0["document"] == "contracts/acme baa.pdf" })
        #expect(rows.allSatisfy { $0["sha256"] == String(repeating: "0f", count: 32) && $0["tool_version"] == "9.9.9" })
        #expect(rows.allSatisfy { $0["library_hash"] == String(repeating: "ab", count: 32) && $0["policy_hash"] == String(repeating: "cd", count: 32) })
        let breach = rows[1]
        #expect(breach["status"] == "partial" && breach["severity"] == "critical")
        #expect(breach["clause"] == "3.2(b)" && breach["page"] == "3" && breach["parameters"] == "notice_hours: 336")
        #expect(rows[4]["parameters"] == "regions: US, EU")
        #expect(rows[2]["clause"] == "" && rows[2]["page"] == "")
        // a cell a spreadsheet would run as a formula is defused; line breaks survive inside quotes
        #expect(rows[3]["reason"] == "'=HYPERLINK(\"x\") looks like a formula,\nand has a line break.")
        #expect(rows[3]["title"] == "Audit, with a comma, and \"quotes\"")
    }

    @Test func severalContractsShareOneHeader() throws {
        let a = ReviewFixture.review()
        var b = ReviewFixture.review(vendor: "Other Vendor")
        b.document.path = "b.docx"
        let records = try Self.parse(CSVReport.render([a, b]))
        #expect(records.count == 1 + a.findings.count + b.findings.count)
        #expect(records.filter { $0 == CSVReport.columns }.count == 1)
        #expect(CSVReport.header + CSVReport.rows(a) + CSVReport.rows(b) == CSVReport.render([a, b]))
    }
}
