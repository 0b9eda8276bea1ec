import ContractModel

/// Maps the parties named in the preamble to their roles: who is the covered
/// entity and who the business associate, and the short names the contract uses.
enum PartyReader {
    static let businessAssociateNames = [
        "business associate", "vendor", "contractor", "supplier", "service provider", "provider", "processor",
        "subcontractor", "consultant", "licensor", "company",
    ]
    static let coveredEntityNames = [
        "covered entity", "customer", "client", "health system", "plan sponsor", "plan", "hospital", "practice",
        "controller", "licensee", "organization",
    ]

    /// `between Acme Scribe AI, Inc. ("Vendor")`: a name and the short name it is given.
    private static let namedParty = Pattern(
        #"(?:between|and|by|with|,)\s+([^()]{2,160}?)\s*\((?:the |hereinafter |hereinafter referred to as )?[“"]([^”"]{2,40})[”"]\)"#)
    private static let descriptor = Pattern(#",\s+(a|an|the|with|having|located|whose)\s"#)
    private static let leadingConnector = Pattern(#"^(between|and|by|with|among)\s+"#, caseInsensitive: true)

    /// The role a short name implies, if any.
    static func role(of alias: String) -> Party.Role {
        let lower = alias.lowercased()
        if businessAssociateNames.contains(lower) { return .businessAssociate }
        if coveredEntityNames.contains(lower) { return .coveredEntity }
        return .unknown
    }

    /// Parties from the preamble's parenthetical definitions, e.g.
    /// `Acme Scribe AI, Inc., a Delaware corporation ("Vendor")`.
    static func parties(preamble: [String], definitions: [DefinedTerm]) -> [Party] {
        var parties: [Party] = []
        for paragraph in preamble {
            for match in namedParty.matches(in: paragraph) {
                guard let nameRange = match.groups[0], let aliasRange = match.groups[1] else { continue }
                var name = String(paragraph[nameRange]).trimmingWhitespace()
                // drop a descriptor: ", a Delaware corporation", ", with offices at ..."
                if let r = descriptor.firstRange(in: name) {
                    name = String(name[..<r.lowerBound])
                }
                while let r = leadingConnector.firstRange(in: name) {
                    name.removeSubrange(r)
                }
                name = name.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
                let alias = String(paragraph[aliasRange])
                guard !name.isEmpty, name.split(separator: " ").count <= 12, name.first?.isUppercase == true else { continue }
                let aliasRole = role(of: alias)
                if aliasRole == .unknown, !alias.contains(" "), alias.lowercased() == "agreement" { continue }
                if let existing = parties.firstIndex(where: { $0.name == name }) {
                    parties[existing].aliases.append(alias)
                    if parties[existing].role == .unknown { parties[existing].role = aliasRole }
                } else if ["agreement", "effective date", "baa", "addendum", "services"].contains(alias.lowercased()) {
                    continue
                } else {
                    parties.append(Party(name: name, aliases: [alias], role: aliasRole))
                }
            }
        }
        // a definition such as "Business Associate" shall mean Acme ... links roles to names
        for definition in definitions {
            let role = role(of: definition.term)
            guard role != .unknown else { continue }
            for i in parties.indices where parties[i].role == .unknown || parties[i].role == role {
                let aliases = parties[i].aliases
                if definition.definition.contains(parties[i].name) || aliases.contains(where: { definition.definition.contains("“\($0)”") || definition.definition.contains("\"\($0)\"") }) {
                    parties[i].role = role
                    if !aliases.contains(definition.term) { parties[i].aliases.append(definition.term) }
                }
            }
        }
        return parties
    }
}

import Foundation
