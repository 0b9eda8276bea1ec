import Foundation
import ContractModel

/// The words a redline adds: comment texts, and the library's language in
/// the contract's own names for the parties. Comments speak to the vendor,
/// so they never show the playbook's fallback position or severities.
struct RedlineWording: Sendable {
    /// The contract's short name for the business associate and the covered entity ("Vendor", "Client").
    var vendor: String?
    var customer: String?

    init(structure: ContractStructure?) {
        let parties = structure?.parties ?? []
        vendor = parties.first(where: { $0.role == .businessAssociate })?.aliases.first
        customer = parties.first(where: { $0.role == .coveredEntity })?.aliases.first
    }

    init(vendor: String?, customer: String?) {
        self.vendor = vendor
        self.customer = customer
    }

    /// The library's language with "Business Associate" and "Covered Entity"
    /// replaced by the names the contract uses for them.
    func inContractTerms(_ text: String) -> String {
        var out = text
        for (generic, name) in [("Business Associate", vendor), ("Covered Entity", customer)] {
            guard let name, !name.isEmpty, name != generic else { continue }
            out = Self.replaceWords(generic, with: name, in: out)
        }
        return out
    }

    /// Replaces whole-word occurrences only ("Business Associate's" yes, "Business Associates" no).
    private static func replaceWords(_ target: String, with replacement: String, in text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let r = rest.range(of: target) {
            let before = rest[..<r.lowerBound]
            let next = rest[r.upperBound...].first
            let previous = before.last ?? out.last
            let boundary = !(next?.isLetter ?? false) && !(previous?.isLetter ?? false)
            out += before
            out += boundary ? replacement : target
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    /// A comment on a partial or conflicting provision.
    func comment(_ finding: Finding, _ ask: RedlineAsk?, replaced: Bool) -> [String] {
        var out = [finding.title.prefix(1).uppercased() + finding.title.dropFirst() + ": " + Self.statusPhrase(finding.status)]
        if !finding.reason.isEmpty { out.append(finding.reason) }
        if let ask {
            if replaced {
                out.append("We have replaced the conflicting language with the tracked insertion.")
            } else {
                let lead = finding.status == .conflict ? "Please replace it with: " : "Please revise it to read: "
                out.append(lead + inContractTerms(ask.modelClause))
            }
            if !ask.authority.isEmpty { out.append("Authority: " + ask.authority) }
        }
        return out
    }

    /// A comment on a section added for a missing provision.
    func additionComment(_ finding: Finding, _ ask: RedlineAsk) -> [String] {
        var out = [finding.title.prefix(1).uppercased() + finding.title.dropFirst() + ": " + Self.statusPhrase(.missing)]
        if !finding.reason.isEmpty { out.append(finding.reason + " We have added this section.") }
        if !ask.authority.isEmpty { out.append("Authority: " + ask.authority) }
        return out
    }

    static func statusPhrase(_ status: Finding.Status) -> String {
        switch status {
        case .met: "met."
        case .partial: "not fully addressed."
        case .conflict: "this clause conflicts with our requirements."
        case .missing: "not addressed in the agreement."
        }
    }
}
