import ContractModel
import ContractPortfolio
import ContractReport
import Foundation
import Testing

@Suite struct PortfolioMatrixTests {
    func entry(_ path: String, vendor: String, run: Int64 = 1, _ training: Finding.Status, _ breach: Finding.Status) -> PortfolioEntry {
        PortfolioEntry(
            path: path, reportName: ReportNames.assign([path])[path]!, vendor: vendor, sha256: "sha-\(path)", format: "text",
            pages: nil, firstSeenRun: run,
            cells: [
                "ai.training-opt-out": .init(status: training, clauses: training == .missing ? [] : ["4.2"], parameters: [:]),
                "ai.breach-notification": .init(status: breach, clauses: ["7"], parameters: ["notice_hours": .number(72)]),
            ])
    }

    var caption: PortfolioMatrix.Caption { .init(libraryVersion: "test", libraryHash: "0123456789abcdef", policyHash: "fedcba9876543210") }

    @Test func rowsPerVendorWithVersionsAndTotals() {
        let entries = [
            entry("c/zeta.txt", vendor: "Zeta Health LLC", .met, .met),
            entry("c/acme-v10.txt", vendor: "Acme AI, Inc.", .met, .partial),
            entry("c/acme-v2.txt", vendor: "ACME AI Inc", .conflict, .partial),
            entry("c/beta.txt", vendor: "Beta Scribe", .missing, .conflict),
        ]
        let matrix = PortfolioMatrix(columns: Fixtures.columns, entries: entries.shuffled(), failures: [], caption: caption)
        #expect(matrix.rows.map(\.vendor) == ["Acme AI, Inc.", "Beta Scribe", "Zeta Health LLC"])
        #expect(matrix.rows[0].current.path == "c/acme-v10.txt")  // natural order: v2 before v10
        #expect(matrix.rows[0].earlier.map(\.path) == ["c/acme-v2.txt"])
        #expect(matrix.totals("ai.training-opt-out") == [.met: 2, .missing: 1])
        #expect(matrix.totalsSentence(Fixtures.columns[0]) == "1 of 3 vendors lack it (1 missing)")
        #expect(matrix.totalsSentence(Fixtures.columns[1]) == "1 of 3 vendors lack it (1 conflict); 1 only in part")
    }

    @Test func aLaterRunsVersionIsCurrent() {
        let entries = [entry("c/acme-signed.txt", vendor: "Acme", run: 1, .conflict, .met), entry("c/acme-draft.txt", vendor: "Acme", run: 2, .met, .met)]
        let matrix = PortfolioMatrix(columns: Fixtures.columns, entries: entries, failures: [], caption: caption)
        #expect(matrix.rows.count == 1)
        #expect(matrix.rows[0].current.path == "c/acme-draft.txt")
    }

    @Test func csvAndHTML() {
        let entries = [entry("c/acme.txt", vendor: "=Acme, \"AI\" <Inc>", .met, .partial), entry("c/beta.txt", vendor: "Beta", .missing, .conflict)]
        let failures = [BatchFailure(path: "c/broken.pdf", code: "corrupt", message: "the file is damaged, \"really\".")]
        let matrix = PortfolioMatrix(columns: Fixtures.columns, entries: entries, failures: failures, caption: caption)
        let csv = MatrixCSV.render(matrix)
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "vendor,contract,report,format,pages,earlier_versions,ai.training-opt-out,ai.breach-notification")
        #expect(lines[1] == "\"'=Acme, \"\"AI\"\" <Inc>\",c/acme.txt,reports/c-acme.txt.html,text,,,met,partial")
        #expect(lines[2] == "Beta,c/beta.txt,reports/c-beta.txt.html,text,,,missing,conflict")
        #expect(MatrixCSV.failures(failures) == "path,code,reason\nc/broken.pdf,corrupt,\"the file is damaged, \"\"really\"\".\"\n")

        let html = MatrixHTML.render(matrix)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("&lt;Inc&gt;"))
        #expect(!html.contains("<Inc>"))
        #expect(html.contains("<td class=\"s-conflict\" data-sort=\"3\""))
        #expect(html.contains("href=\"reports/c-acme.txt.html\""))
        #expect(html.contains("1 of 2 vendors lack it (1 missing)"))
        #expect(html.contains("<script>"))
        #expect(html.contains("failures.csv"))
        #expect(!html.contains("http://") && !html.contains("https://"))  // self-contained
        // the same entries in another order give the same bytes
        let again = PortfolioMatrix(columns: Fixtures.columns, entries: entries.reversed(), failures: failures, caption: caption)
        #expect(MatrixHTML.render(again) == html)
        #expect(MatrixCSV.render(again) == csv)
    }

    @Test func reportNamesAreUniqueAndSafe() {
        let names = ReportNames.assign(["q3/acme/baa.pdf", "q3-acme-baa.pdf", "Q3/ACME/baa.pdf", "a b/ü?.txt", "../x.md"])
        #expect(names["Q3/ACME/baa.pdf"] == "Q3-ACME-baa.pdf")
        #expect(names["q3-acme-baa.pdf"] == "q3-acme-baa.pdf-2")
        #expect(names["q3/acme/baa.pdf"] == "q3-acme-baa.pdf-3")
        #expect(names["a b/ü?.txt"] == "a-b---.txt")
        #expect(names["../x.md"] == "x.md")
        #expect(Set(names.values.map { $0.lowercased() }).count == 5)
    }

    @Test func vendorKeys() {
        #expect(VendorKey.of("Acme Clinical AI, LLC") == VendorKey.of("ACME Clinical AI LLC"))
        #expect(VendorKey.of("The Quill Medical Intelligence Ltd.") == "quill medical intelligence")
        #expect(VendorKey.of("Inc.") == "inc")
    }

    @Test func framesSurviveAnySplit() throws {
        let payloads = [Data("{\"id\":1}".utf8), Data(), Data(repeating: 0x41, count: 70_000)]
        var stream = Data()
        for p in payloads { stream.append(Frame.encode(p)) }
        for chunk in [1, 7, 4096, stream.count] {
            var reader = Frame.Reader()
            var got: [Data] = []
            var offset = 0
            while offset < stream.count {
                let piece = stream[offset..<min(offset + chunk, stream.count)]
                reader.append(Data(piece))
                offset += chunk
                while let p = try reader.next() { got.append(p) }
            }
            #expect(got == payloads)
            #expect(reader.pending == 0)
        }
        var bad = Frame.Reader()
        bad.append(Data("hello world\n".utf8))
        #expect(throws: Frame.Reader.FrameError.self) { try bad.next() }
    }

    @Test func workerMessagesRoundTrip() throws {
        let review = Fixtures.review(path: "a.txt", vendor: "Acme", sha: "abc", findings: [Fixtures.finding("x", .partial, clause: "1", parameters: ["n": .number(2)])])
        let reply = WorkerReply(id: 7, review: .init(document: review.document, vendor: review.vendor, findings: review.findings))
        #expect(try JSONDecoder().decode(WorkerReply.self, from: JSONEncoder().encode(reply)) == reply)
        let line = try WorkerRequest(id: 3, path: "odd\nname.pdf").line()
        #expect(line.last == 0x0A && line.dropLast().firstIndex(of: 0x0A) == nil)
        #expect(BatchFailure(path: "a", code: "corrupt", message: "m").isProperty)
        #expect(!BatchFailure(path: "a", code: "time-limit", message: "m").isProperty)
    }
}
