import ContractModel
import Foundation
import Testing

/// Folder of this test target's sources, found from this file's path.
let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
/// The repository root.
let repoRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()

/// Compares `actual` with `Snapshots/<name>` beside the tests. With
/// RECORD_SNAPSHOTS=1 in the environment (or when the snapshot does not exist
/// yet) it writes the snapshot instead and the test records an issue only in
/// the missing case, so a forgotten snapshot cannot pass silently.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = testsRoot.appendingPathComponent("Snapshots").appendingPathComponent(name)
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
    if record || !FileManager.default.fileExists(atPath: url.path) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        if !record {
            Issue.record("snapshot \(name) did not exist; recorded it, check it and run again", sourceLocation: sourceLocation)
        }
        return
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    #expect(actual == expected, "golden \(name) differs; re-record with RECORD_SNAPSHOTS=1 if the change is right", sourceLocation: sourceLocation)
}

/// Path to a file in ../shared beside the repository, if it exists.
func sharedPath(_ relative: String) -> URL? {
    let url = repoRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}
