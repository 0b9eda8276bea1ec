import ContractModel
import ContractReport
import Foundation

/// A small review with one finding of each status, evidence that needs
/// escaping, and a playbook for it: the input of the renderer tests.
enum ReviewFixture {
    static let provenance = Provenance(
        tool: "baa-review", toolVersion: "9.9.9", libraryVersion: "2026.1.0", libraryHash: String(repeating: "ab", count: 32),
        policyHash: String(repeating: "cd", count: 32), policySources: ["org-policy.yaml"])

    static let findings: [Finding] = [
        Finding(
            provision: "ai.training-opt-out", title: "No training on PHI", severity: .critical, status: .conflict,
            evidence: [
                Evidence(
                    clause: "5.2", page: 4,
                    text: "Vendor may use Customer Data to train its models & improve \"Services\" <always>.",
                    role: "training-permitted", highlights: ["may", "train", "Customer Data"])
            ],
            parameters: [:], reason: "Clause 5.2 permits the vendor to train models on customer data.",
            rules: ["training-permitted"]),
        Finding(
            provision: "ai.breach-notification", title: "Breach notice, AI layer", severity: .critical, status: .partial,
            evidence: [
                Evidence(
                    clause: "3.2(b)", page: 3, text: "Vendor shall notify Customer within ten (10) business days of a Breach.",
                    role: "notice, fixed-deadline", highlights: ["shall", "notify", "ten (10) business days", "Breach"])
            ],
            parameters: ["notice_hours": .number(336)],
            reason: "Clause 3.2(b) obliges the vendor to notify. The notice deadline is 336 hours, longer than 72.",
            rules: ["notice", "fixed-deadline"]),
        Finding(
            provision: "hipaa.accounting", title: "Accounting of disclosures", severity: .high, status: .missing, evidence: [],
            parameters: [:], reason: "Nothing in the contract addresses this: an accounting, within 30 days.", rules: []),
        Finding(
            provision: "hipaa.audit", title: "Audit, with a comma, and \"quotes\"", severity: .medium, status: .missing,
            evidence: [], parameters: [:], reason: "=HYPERLINK(\"x\") looks like a formula,\nand has a line break.", rules: []),
        Finding(
            provision: "hipaa.safeguards", title: "Safeguards", severity: .high, status: .met,
            evidence: [Evidence(clause: "4.1", page: 2, text: "Vendor shall implement safeguards.", role: "safeguards")],
            parameters: ["regions": .list(["US", "EU"])], reason: "Clause 4.1 requires safeguards.", rules: ["safeguards"]),
    ]

    static func review(vendor: String = "Acme Scribe AI, Inc.", findings: [Finding] = findings) -> Review {
        var metadata = DocumentMetadata(
            path: "contracts/acme baa.pdf", sha256: String(repeating: "0f", count: 32), format: .pdf, byteCount: 1000)
        metadata.pages = 7
        return Review(document: metadata, vendor: vendor, findings: findings, provenance: provenance)
    }

    static let playbook = Playbook(
        findings.map { f in
            ProvisionGuide(
                id: f.provision, title: f.title, authority: "45 CFR 164.504(e) for \(f.provision)",
                requirement: "What \(f.provision) requires.", rationale: "Why \(f.provision) matters to the covered entity.",
                modelClause: "Business Associate shall do what \(f.provision) requires.",
                fallback: "At least, the fallback for \(f.provision).")
        })
}
