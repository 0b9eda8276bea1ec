/// One thing a sentence says a party must, must not or may do: the unit the
/// playbook's rules read. "Vendor shall not use PHI to train models, except
/// for Customer's benefit" is a prohibition whose actor is the vendor, whose
/// action is "use PHI to train models" and whose exception is "for Customer's benefit".
public struct Predicate: Sendable, Equatable {
    public enum Modality: String, Sendable, Codable, CaseIterable {
        case obligation, prohibition, permission
    }

    /// Who the sentence binds or empowers.
    public enum Actor: String, Sendable, Codable, CaseIterable {
        case vendor, customer, other, unknown
    }

    public var modality: Modality
    public var actor: Actor
    /// The words before the modal verb (the subject).
    public var subject: String
    /// Everything between the previous predicate (or the sentence start) and the modal,
    /// before the subject was cut at a clause boundary.
    public var stretch: String
    /// The modal words: "shall not", "may", "is permitted to", "grants".
    public var modal: String
    /// What is obliged, forbidden or allowed, up to an exception marker.
    public var action: String
    /// The text after "except", "unless", "other than", "provided, however" ...
    public var exception: String?
    /// Where the modal starts in the sentence (UTF-16 offset).
    public var offset: Int
}
