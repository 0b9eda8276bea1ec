import ContractIngest
import ContractMatch
import ContractModel
import Foundation
import Testing

/// The real documents in ../shared/corpus/real (the HHS sample provisions as
/// Markdown, DOCX and PDF; Common Paper's AI addendum and DPA): every labelled
/// provision gets the status, clause and parameters of labels.json.
@Suite struct RealContractTests {
    nonisolated(unsafe) static let entries: [(String, [String: Any])] = {
        guard let url = sharedCorpus("corpus/real/labels.json"), let data = try? Data(contentsOf: url),
            let labels = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
        else { return [] }
        return labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }()

    @Test(arguments: entries.map(\.0))
    func statusesMatchTheLabels(name: String) throws {
        let entry = try #require(Self.entries.first { $0.0 == name }?.1)
        let url = try #require(sharedCorpus("corpus/real/" + (entry["file"] as! String)))
        let document = try DocumentReader().read(Data(contentsOf: url), path: url.lastPathComponent)
        let findings = Reviewer(library: builtInLibrary, policy: builtInLibrary.defaultPolicy).review(document)
        let byId = Dictionary(uniqueKeysWithValues: findings.map { ($0.provision, $0) })
        for (provision, label) in entry["provisions"] as! [String: [String: Any]] {
            let finding = try #require(byId[provision])
            #expect(finding.status.rawValue == label["status"] as? String, "\(name) \(provision): \(finding.reason)")
            if let clauses = label["clauses"] as? [String] {
                let cited = finding.evidence.map { ClausePathKey.key($0.clause) }
                let ok = clauses.contains { want in cited.contains { Array($0.prefix(ClausePathKey.key(want).count)) == ClausePathKey.key(want) } }
                #expect(ok, "\(name) \(provision): evidence \(finding.evidence.map(\.clause)) not in \(clauses)")
            }
            for (key, value) in (label["params"] as? [String: Any]) ?? [:] {
                if let n = value as? Double { #expect(finding.parameters[key] == .number(n), "\(name) \(provision) \(key)") }
            }
        }
    }
}

/// The evaluation's clause comparison: numbers and lettered items in order.
enum ClausePathKey {
    static func key(_ s: String) -> [String] {
        let lower = s.lowercased()
        var out: [String] = []
        var i = lower.startIndex
        while i < lower.endIndex {
            if lower[i].isNumber {
                let digits = lower[i...].prefix(while: \.isNumber)
                out.append(String(Int(digits) ?? 0))
                i = lower.index(i, offsetBy: digits.count)
            } else if lower[i] == "(", let close = lower[i...].firstIndex(of: ")"),
                lower[lower.index(after: i)..<close].allSatisfy(\.isLetter), lower.distance(from: i, to: close) <= 5
            {
                out.append(String(lower[lower.index(after: i)..<close]))
                i = lower.index(after: close)
            } else {
                i = lower.index(after: i)
            }
        }
        return out
    }
}
