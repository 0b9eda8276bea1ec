import ContractModel
import Foundation

/// The rider for a contract that is not a Word file (PDF, text): an addendum
/// with the language asked for on every gap as numbered clauses, after a
/// cover note listing the gaps. The cover note and the addendum's opening
/// paragraph sit before the first clause, where a reader of the rider
/// (baa-review included) takes them as preamble, not as obligations.
public struct RiderBuilder: Sendable {
    public var asks: [String: RedlineAsk]
    public var title = "Addendum: AI and Data Protection Terms"

    public init(asks: [String: RedlineAsk]) {
        self.asks = asks
    }

    /// The provisions the rider asks for, in the order of the findings.
    public func requested(_ findings: [Finding]) -> [Finding] {
        findings.filter { $0.status != .met && asks[$0.provision] != nil }
    }

    public func build(_ document: Document, findings: [Finding]) -> RiderDocument {
        let structure = document.structure
        let wording = RedlineWording(structure: structure)
        let gaps = requested(findings)
        let file = (document.metadata.path as NSString).lastPathComponent
        let agreement = structure?.title.map { Self.titleCase($0) } ?? "agreement"
        var paragraphs: [RiderDocument.Paragraph] = [RiderDocument.Paragraph(.title, [.init(title.uppercased())])]

        // the cover note
        let count = gaps.count
        paragraphs.append(
            .init(.body, [
                .init("Cover note. ", bold: true),
                .init(
                    "We reviewed \(file) (the \(agreement)) against our requirements for business associates "
                        + "that handle protected health information with artificial intelligence systems. "
                        + (count == 0
                            ? "It meets all of them; this Addendum is not needed."
                            : "\(count) requirement\(count == 1 ? " is" : "s are") not met, as listed below. "
                                + "The Addendum on the next page supplies the language we ask for; its clauses are numbered in the order of this list.")),
            ]))
        for (i, f) in gaps.enumerated() {
            let clauses = Array(Set(f.evidence.map(\.clause))).sorted { $0.compare($1, options: .numeric) == .orderedAscending }
            // "clauses 3.2(b), 5.4", but "Section 3.02" as the contract cites it
            let bare = clauses.allSatisfy { $0.first?.isNumber == true || $0.first == "(" }
            let place = clauses.isEmpty ? "" : "; " + (bare ? (clauses.count == 1 ? "clause " : "clauses ") : "") + clauses.joined(separator: ", ")
            let reason = f.reason.isEmpty ? "" : " " + f.reason
            paragraphs.append(
                .init(.body, [
                    .init("\u{2013} \(i + 1): \(f.title.prefix(1).uppercased() + f.title.dropFirst())", bold: true),
                    .init(" (\(Self.statusWord(f.status))\(place)).\(reason)"),
                ]))
        }

        // the addendum
        let parties = structure?.parties ?? []
        let customer = parties.first(where: { $0.role == .coveredEntity })
        let vendor = parties.first(where: { $0.role == .businessAssociate })
        func named(_ party: Party?, _ generic: String) -> String {
            guard let party, let alias = party.aliases.first else { return "the \(generic)" }
            return "\(party.name) (\u{201C}\(alias)\u{201D})"
        }
        paragraphs.append(
            .init(
                .body,
                [
                    .init("Addendum. ", bold: true),
                    .init(
                        "This Addendum amends the \(agreement) between \(named(customer, "Covered Entity")) and "
                            + "\(named(vendor, "Business Associate")) (the \u{201C}Agreement\u{201D}). If this Addendum and the "
                            + "Agreement conflict, this Addendum governs. Capitalised terms used but not defined in this Addendum "
                            + "have the meanings given in the Agreement. The Parties agree as follows:")
                ], pageBreakBefore: true))
        for (i, f) in gaps.enumerated() {
            guard let ask = asks[f.provision] else { continue }
            paragraphs.append(
                .init(.clause, [
                    .init("\(i + 1).\t"), .init(wording.inContractTerms(ask.heading) + ".", bold: true),
                    .init(" " + wording.inContractTerms(ask.modelClause)),
                ]))
        }
        paragraphs.append(
            .init(.body, [.init("IN WITNESS WHEREOF, the Parties have signed this Addendum as of the date last signed below.")]))
        for (party, generic) in [(customer, "COVERED ENTITY"), (vendor, "BUSINESS ASSOCIATE")] {
            paragraphs.append(.init(.signature, [.init(party?.name.uppercased() ?? generic)]))
            for line in ["By: ______________________________", "Name:", "Title:", "Date:"] {
                paragraphs.append(.init(.signature, [.init(line)]))
            }
        }
        return RiderDocument(title: title, paragraphs: paragraphs)
    }

    static func statusWord(_ status: Finding.Status) -> String {
        switch status {
        case .met: "met"
        case .partial: "incomplete"
        case .conflict: "in conflict"
        case .missing: "missing"
        }
    }

    /// "BUSINESS ASSOCIATE AGREEMENT" -> "Business Associate Agreement"; mixed case stays.
    static func titleCase(_ s: String) -> String {
        guard s == s.uppercased() else { return s }
        return RedlineAsk.headingCase(s.lowercased())
    }
}
