import ContractModel
import Foundation

/// The words that name each side in one contract: the generic role names
/// (Business Associate, Vendor, ...; Covered Entity, Customer, ...) plus the
/// parties' own names and aliases from the preamble.
public struct PartyLexicon: Sendable {
    public var vendorNames: [String]
    public var customerNames: [String]
    private let vendorRegex: NSRegularExpression
    private let customerRegex: NSRegularExpression
    private let otherRegex: NSRegularExpression

    public static let genericVendor = [
        "business associate", "vendor", "contractor", "supplier", "service provider", "provider", "processor",
        "licensor", "company", "consultant",
    ]
    public static let genericCustomer = [
        "covered entity", "customer", "client", "health system", "plan sponsor", "hospital", "practice", "licensee",
        "controller", "organization",
    ]

    public init(parties: [Party] = []) {
        var vendor = Self.genericVendor
        var customer = Self.genericCustomer
        for party in parties {
            let names = [party.name] + party.aliases
            switch party.role {
            case .businessAssociate: vendor += names.map { $0.lowercased() }
            case .coveredEntity: customer += names.map { $0.lowercased() }
            case .unknown: break
            }
        }
        // a name used for both sides (rare) belongs to neither
        let both = Set(vendor).intersection(customer)
        vendor = vendor.filter { !both.contains($0) }
        customer = customer.filter { !both.contains($0) }
        vendorNames = vendor
        customerNames = customer
        vendorRegex = Self.regexes.regex(for: vendor)
        customerRegex = Self.regexes.regex(for: customer)
        otherRegex = Self.otherRegex
    }

    private static let otherRegex = try! NSRegularExpression(
        pattern: #"\b(?:subcontractors?|sub-?processors?|third[- ]part(?:y|ies)|agents?|affiliates?|the secretary|individuals?)\b"#,
        options: [.caseInsensitive])

    /// One side's regexes by their pattern, shared by the contracts that name the same parties.
    private static let regexes = NameRegexes()

    private final class NameRegexes: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: NSRegularExpression] = [:]

        /// The regex of `words` as a party's name (not "Customer Data").
        func regex(for words: [String]) -> NSRegularExpression {
            // "Customer Data" and "Client Information" name data, not the party
            let pattern = #"\b"# + PartyLexicon.alternation(words) + #"\b(?!\s+(?:data|content|information|materials|personal data|property)\b)"#
            return lock.withLock {
                if let regex = known[pattern] { return regex }
                if known.count >= 256 { known.removeAll() }
                let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                known[pattern] = regex
                return regex
            }
        }
    }

    /// Who the words name. The last name mentioned wins ("Customer's vendor" is
    /// rare; "the Vendor's subcontractors" are the vendor's side).
    public func actor(in text: String) -> Predicate.Actor {
        let range = NSRange(location: 0, length: (text as NSString).length)
        let v = vendorRegex.matches(in: text, range: range).last?.range.location ?? -1
        let c = customerRegex.matches(in: text, range: range).last?.range.location ?? -1
        if v < 0 && c < 0 {
            return otherRegex.firstMatch(in: text, range: range) != nil ? .other : .unknown
        }
        if let o = otherRegex.matches(in: text, range: range).last?.range.location, o > max(v, c) {
            // "Vendor's subcontractors" act for the vendor; "Customer's auditors" for the customer
            return v > c ? .vendor : .customer
        }
        return v > c ? .vendor : .customer
    }

    /// Who is named first in `text` ("grants Vendor a license to use Customer Data": the vendor).
    public func firstActor(in text: String) -> Predicate.Actor {
        let range = NSRange(location: 0, length: (text as NSString).length)
        let v = vendorRegex.firstMatch(in: text, range: range)?.range.location ?? Int.max
        let c = customerRegex.firstMatch(in: text, range: range)?.range.location ?? Int.max
        if v == Int.max && c == Int.max { return .unknown }
        return v < c ? .vendor : .customer
    }

    /// The party a text begins with ("Vendor to Customer", "the Business Associate"),
    /// unless it is a possessive ("Customer's policies" names policies, not an actor).
    public func leadingActor(in text: String) -> Predicate.Actor {
        let ns = text as NSString
        let range = NSRange(location: 0, length: ns.length)
        for (regex, actor) in [(vendorRegex, Predicate.Actor.vendor), (customerRegex, .customer)] {
            guard let m = regex.firstMatch(in: text, range: range), m.range.location <= 4 else { continue }
            let rest = ns.substring(from: m.range.location + m.range.length)
            if rest.hasPrefix("'") || rest.hasPrefix("\u{2019}") { continue }
            return actor
        }
        return .unknown
    }

    /// The vendor's names as a regex alternation (for concept patterns).
    public var vendorPattern: String { Self.alternation(vendorNames) }
    /// The customer's names as a regex alternation.
    public var customerPattern: String { Self.alternation(customerNames) }

    /// `words` as a regex alternation in a group, each escaped, longest first.
    static func alternation(_ words: [String]) -> String {
        "(?:" + longestFirst(words).map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")"
    }

    /// `words` once each, longest first, as a regex alternation wants them. Two
    /// different lower-case names of one length never match at the same place, so
    /// their order changes no match: they go in text order, and contracts that
    /// name the same parties get the same pattern (and share its compiled regex).
    package static func longestFirst(_ words: [String]) -> [String] {
        Set(words).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }
}
