import ContractReport
import Foundation
import Testing

/// The memo opens in LibreOffice: one conversion to PDF, whose text has the memo's headings.
/// Skipped where LibreOffice (soffice) or pdftotext is not installed.
@Suite struct LibreOfficeTests {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/opt/libreoffice/program/"].map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: tool("soffice") != nil && tool("pdftotext") != nil, "needs LibreOffice and pdftotext"))
    func memoConvertsToPDF() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("baa-review-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let memo = GapMemo(review: ReviewFixture.review(), playbook: ReviewFixture.playbook, to: "General Counsel")
        let docx = dir.appendingPathComponent("memo.docx")
        try MemoWord.render(memo).write(to: docx)
        // a profile of its own, so a LibreOffice already running elsewhere does not take the job
        let (status, log) = try Self.run(
            Self.tool("soffice")!,
            ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.path, docx.path])
        let pdf = dir.appendingPathComponent("memo.pdf")
        #expect(status == 0, "\(log)")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "no PDF: \(log)")
        let (_, text) = try Self.run(Self.tool("pdftotext")!, ["-layout", pdf.path, "-"])
        for heading in ["Gap memo: Acme Scribe AI, Inc.", "Executive summary", "What blocks signature", "The gaps, by severity", "How this memo was produced", "Language to request", "Fallback position"] {
            #expect(text.contains(heading), "\(heading)")
        }
    }
}
