import ContractIngest
import ContractModel
import ContractSegment
import Foundation
import Testing

/// The composed contracts of ../shared/eval: every labelled clause number is
/// found as a clause, in every format and numbering style the composer writes
/// (PDFs only when LibreOffice is installed).
@Suite struct ComposedContractTests {
    @Test func everyLabelledClauseIsFound() throws {
        guard let compose = sharedURL("eval/compose.py"), let bank = sharedURL("eval/bank") else { return }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("composed-\(UUID().uuidString)")
        let hasOffice = FileManager.default.fileExists(atPath: "/usr/bin/soffice")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", compose.path, bank.path, out.path, "--n", hasOffice ? "8" : "18", "--seed", "5"]
            + (hasOffice ? [] : ["--no-pdf"])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "compose.py failed")
        let labels = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("labels.json"))) as! [String: [String: Any]]
        var checked = 0
        var formats = Set<String>()
        for (name, entry) in labels.sorted(by: { $0.key < $1.key }) {
            let file = out.appendingPathComponent(entry["file"] as! String)
            let document = try DocumentReader().read(Data(contentsOf: file), path: file.lastPathComponent)
            let structure = try #require(Segmenter().segment(document).structure)
            let paths = Set(structure.clauses.filter { $0.part == .body }.map(\.path))
            formats.insert("\(entry["format"] ?? "")/\(entry["style"] ?? "")")
            for (provision, value) in entry["provisions"] as! [String: [String: Any]] {
                for clause in (value["clauses"] as? [String] ?? []) {
                    let wanted = ClausePath.normalise(clause)
                    #expect(paths.contains(wanted), "\(name) (\(entry["format"]!), \(entry["style"]!)): clause \(clause) of \(provision) not found")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
        #expect(formats.count >= 6, "formats and styles seen: \(formats.sorted())")
        try? FileManager.default.removeItem(at: out)
    }
}
