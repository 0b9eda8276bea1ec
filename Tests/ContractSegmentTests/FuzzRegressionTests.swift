import ContractIngest
import ContractModel
import ContractSegment
import Foundation
import Testing

/// Every input the fuzzers (`make fuzz`, docs/security.md) found to crash or
/// hang is kept in Tests/Fuzz/regressions/ as an ordinary file named as it is read
/// (.docx, .txt, .md), and read again here: each must be read and segmented,
/// or refused with a ReadError, never crash.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fuzz/regressions")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    @Test func reproducersAreFound() {
        #expect(Self.files.count >= 2, "no reproducers in \(Self.directory.path)")
    }

    @Test(arguments: files)
    func readsOrRefuses(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let options = ReadOptions(maxInputBytes: 4 << 20, maxDecompressedBytes: 16 << 20, maxZipEntries: 200, maxPages: 20)
        do {
            let document = try DocumentReader(options: options).read(data, path: name)
            _ = Segmenter().segment(document)
        } catch {
            #expect(!error.description.isEmpty)
        }
    }
}
