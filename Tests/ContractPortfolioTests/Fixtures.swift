import ContractModel
import ContractPortfolio
import ContractReport
import Foundation

/// Findings and reviews built by hand for the portfolio tests.
enum Fixtures {
    static let provenance = Provenance(
        tool: "baa-review", toolVersion: "0.1.0", libraryVersion: "test", libraryHash: "lib-hash", policyHash: "policy-hash",
        policySources: [])

    static func finding(
        _ provision: String, _ status: Finding.Status, clause: String? = nil, text: String = "The vendor shall do it.",
        parameters: [String: ParameterValue] = [:]
    ) -> Finding {
        Finding(
            provision: provision, title: "Title of \(provision)", severity: .high, status: status,
            evidence: clause.map { [Evidence(clause: $0, page: nil, text: text, role: "rule")] } ?? [],
            parameters: parameters, reason: "Because.", rules: status == .missing ? [] : ["rule"])
    }

    static func review(path: String, vendor: String, sha: String, findings: [Finding]) -> Review {
        Review(
            document: DocumentMetadata(path: path, sha256: sha, format: .text, byteCount: 100),
            vendor: vendor, findings: findings, provenance: provenance)
    }

    static let columns = [
        PortfolioMatrix.Column(id: "ai.training-opt-out", title: "No training on PHI", severity: "critical"),
        PortfolioMatrix.Column(id: "ai.breach-notification", title: "Breach notice", severity: "critical"),
    ]

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baa-portfolio-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
