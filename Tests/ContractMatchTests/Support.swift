import ContractIngest
import ContractMatch
import ContractModel
import Foundation

let matchRepoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The repository's clause library, loaded once.
let builtInLibrary: ClauseLibrary = {
    do {
        return try ClauseLibrary.load(from: matchRepoRoot.appendingPathComponent("clause-library"))
    } catch {
        fatalError("the clause library does not load: \(error)")
    }
}()

/// Reviews `text` as a text contract with the built-in library.
func review(_ text: String, policy: Policy? = nil) throws -> [String: Finding] {
    let document = try DocumentReader().read(Data(text.utf8), path: "contract.txt")
    let findings = Reviewer(library: builtInLibrary, policy: policy ?? builtInLibrary.defaultPolicy).review(document)
    return Dictionary(uniqueKeysWithValues: findings.map { ($0.provision, $0) })
}

func sharedCorpus(_ relative: String) -> URL? {
    let url = matchRepoRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}
