/// The contract's own structure, rebuilt from a ``Document`` by the segment
/// stage: its clauses as a tree, the terms it defines, its parties and their
/// roles, and the cross-references between clauses.
public struct ContractStructure: Sendable, Codable, Equatable {
    /// The title, when the document has one ("Business Associate Agreement").
    public var title: String?
    /// Every clause in document order; `Clause.parent` indexes this array.
    public var clauses: [Clause]
    /// Terms the contract defines, in the order they are defined.
    public var definitions: [DefinedTerm]
    /// The parties named in the preamble and their roles.
    public var parties: [Party]
    /// References from one clause to another ("as set forth in Section 9.3").
    public var crossReferences: [CrossReference]

    public init(
        title: String?, clauses: [Clause], definitions: [DefinedTerm], parties: [Party],
        crossReferences: [CrossReference]
    ) {
        self.title = title
        self.clauses = clauses
        self.definitions = definitions
        self.parties = parties
        self.crossReferences = crossReferences
    }

    /// The clauses whose parent is `index` (or the top level for `nil`).
    public func children(of index: Int?) -> [Clause] {
        clauses.filter { $0.parent == index }
    }

    /// The first clause whose citation or number matches `reference`
    /// ("4.2(b)", "Section 4.02", "ARTICLE IV"), compared on normalised paths.
    public func clause(cited reference: String) -> Clause? {
        let wanted = ClausePath.normalise(reference)
        guard !wanted.isEmpty else { return nil }
        return clauses.first { $0.part == .body && $0.path == wanted }
            ?? clauses.first { $0.path == wanted }
    }
}

/// Which part of the contract a clause belongs to. Only `body` clauses are
/// operative: a clause quoted in a recital is not an obligation.
public enum ContractPart: String, Sendable, Codable, Equatable {
    case title, preamble, recitals, body, signature, exhibit
}

/// One clause: a numbered or headed unit of the contract, with its place in the tree.
public struct Clause: Sendable, Codable, Equatable {
    /// Index of this clause in ``ContractStructure/clauses``.
    public var index: Int
    /// The number exactly as printed: "4.2", "(b)", "Section 4.02", "ARTICLE IV"; `nil` when unnumbered.
    public var number: String?
    /// How a reviewer cites it: "4.2(b)", "Section 4.02(a)", "Addendum 2.1", or the heading when unnumbered.
    public var citation: String
    /// The normalised number path: 4.2(b) -> ["4", "2", "b"]; ARTICLE IV -> ["4"].
    public var path: [String]
    /// The clause heading ("Term"), from a heading block or an inline heading.
    public var heading: String?
    /// The clause's own text, without its number, heading or sub-clauses.
    public var text: String
    /// The part of the contract it sits in.
    public var part: ContractPart
    /// The instrument it belongs to when the file joins several ("Addendum", "Exhibit A"); `nil` for the main one.
    public var instrument: String?
    /// Index of the parent clause, `nil` at the top level.
    public var parent: Int?
    /// Depth in the tree, 0 at the top.
    public var depth: Int
    /// Pages it spans (PDF), in order.
    public var pages: [Int]
    /// Indices of the document blocks it was built from.
    public var blocks: [Int]
    /// Where it starts in the source file.
    public var source: SourcePosition

    public init(
        index: Int, number: String?, citation: String, path: [String], heading: String?, text: String,
        part: ContractPart, instrument: String?, parent: Int?, depth: Int, pages: [Int], blocks: [Int],
        source: SourcePosition
    ) {
        self.index = index
        self.number = number
        self.citation = citation
        self.path = path
        self.heading = heading
        self.text = text
        self.part = part
        self.instrument = instrument
        self.parent = parent
        self.depth = depth
        self.pages = pages
        self.blocks = blocks
        self.source = source
    }

    /// The first page, when known.
    public var page: Int? { pages.first }
}

/// A term the contract defines: `"Customer Data" means ...`, `(the "Services")`.
public struct DefinedTerm: Sendable, Codable, Equatable {
    /// The term as written, without quotes.
    public var term: String
    /// The definition's text (the sentence that defines it).
    public var definition: String
    /// Index of the clause that defines it, `nil` for the preamble or recitals.
    public var clause: Int?
    /// Other defined or statutory terms the definition includes ("Protected Health Information").
    public var includes: [String]

    public init(term: String, definition: String, clause: Int?, includes: [String]) {
        self.term = term
        self.definition = definition
        self.clause = clause
        self.includes = includes
    }
}

/// A party to the contract and its role.
public struct Party: Sendable, Codable, Equatable {
    public enum Role: String, Sendable, Codable, Equatable {
        /// The covered entity (the customer whose PHI it is).
        case coveredEntity = "covered-entity"
        /// The business associate (the vendor).
        case businessAssociate = "business-associate"
        case unknown
    }
    /// The legal name: "Acme Scribe AI, Inc.".
    public var name: String
    /// The short names the contract uses for it: "Vendor", "Business Associate".
    public var aliases: [String]
    public var role: Role

    public init(name: String, aliases: [String], role: Role) {
        self.name = name
        self.aliases = aliases
        self.role = role
    }
}

/// A reference from one clause to another.
public struct CrossReference: Sendable, Codable, Equatable {
    /// The clause the reference sits in.
    public var from: Int
    /// The reference as written: "Section 9.3", "Article VI", "clause 4(b)".
    public var text: String
    /// The clause it points to, `nil` when no such clause exists.
    public var target: Int?

    public init(from: Int, text: String, target: Int?) {
        self.from = from
        self.text = text
        self.target = target
    }
}

/// Normalisation of clause numbers into comparable paths.
public enum ClausePath {
    /// "Section 4.02(b)" -> ["4", "2", "b"]; "ARTICLE IV" -> ["4"]; "(iv)" -> ["iv"].
    public static func normalise(_ label: String) -> [String] {
        var s = Substring(label.trimmingWhitespace())
        var out: [String] = []
        let upper = s.uppercased()
        if upper.hasPrefix("ARTICLE ") || upper.hasPrefix("PART ") {
            s = s.drop(while: { $0 != " " }).dropFirst()
            let token = s.prefix(while: { $0.isLetter || $0.isNumber })
            if let n = Int(token) {
                out.append(String(n))
            } else if let n = Roman.value(of: String(token)) {
                out.append(String(n))
            } else if !token.isEmpty {
                out.append(token.lowercased())
            }
            s = s.dropFirst(token.count)
        } else if let space = s.firstIndex(of: " "), s[..<space].allSatisfy({ $0.isLetter || $0 == "\u{00A7}" }) {
            s = s[s.index(after: space)...]  // "Section 4.02", "§ 4", "Exhibit A", "Addendum 2.1"
        }
        var token = ""
        func flush() {
            guard !token.isEmpty else { return }
            out.append(Int(token).map(String.init) ?? token.lowercased())
            token = ""
        }
        for c in s {
            if c.isNumber || c.isLetter {
                if let last = token.last, last.isNumber != c.isNumber { flush() }
                token.append(c)
            } else {
                flush()
            }
        }
        flush()
        return out
    }
}

import Foundation
