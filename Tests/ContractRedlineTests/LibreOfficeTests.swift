import ContractIngest
import ContractModel
import ContractRedline
import Foundation
import Testing

/// A redline opens in LibreOffice without repair: converted to PDF, the tracked insertions show.
/// Skipped when LibreOffice is not installed.
@Suite struct LibreOfficeTests {
    @Test func redlineConvertsToPDF() throws {
        let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let soffice, let (dir, labels) = try composed(seed: 1, n: 8) else { return }
        // a contract with automatic numbering, a tracked change by the vendor and missing provisions
        let name = try #require(labels.sorted(by: { $0.key < $1.key }).first { entry in
            entry.value["format"] as? String == "docx-auto" && entry.value["tracked_changes"] as? Bool == true
        }?.value["file"] as? String)
        let r = try Redlined(Data(contentsOf: dir.appendingPathComponent(name)), path: name)
        let insertion = try #require(r.plan.insertion)
        let out = dir.appendingPathComponent("redlined.docx")
        try r.output.write(to: out)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // a private profile, so that a LibreOffice already running elsewhere does not interfere
        process.arguments = [
            "-env:UserInstallation=file://" + dir.appendingPathComponent("lo-profile").path, "--headless", "--convert-to", "pdf",
            "--outdir", dir.path, out.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let pdf = dir.appendingPathComponent("redlined.pdf")
        let data = try Data(contentsOf: pdf)
        #expect(data.starts(with: Data("%PDF-".utf8)))
        // the PDF shows the changes: the new article and its first section, numbered by Word's numbering
        let text = try DocumentReader().read(data, path: "redlined.pdf").blocks.map(\.renderedText).joined(separator: " ")
        #expect(text.uppercased().contains("AI AND DATA PROTECTION"))
        #expect(text.contains(insertion.sections[0].heading))
    }
}
