import Foundation
/// A test over one sentence, written in the clause library's YAML. Conditions
/// combine the general readers (concepts, predicates, durations, regions); a
/// provision is data that combines them.
///
/// ```yaml
/// all:
///   - predicate: {actor: vendor, modality: prohibition, mentions: [train-model, customer-data]}
/// none:
///   - mentions_any: [deidentified]
/// ```
public indirect enum Condition: Sendable, Equatable {
    /// Every concept appears in the sentence.
    case mentions([String])
    /// At least one concept appears in the sentence.
    case mentionsAny([String])
    /// At least one concept appears anywhere in the sentence's clause (its heading or another sentence).
    case clauseMentionsAny([String])
    /// The sentence mentions a concept through a term it uses whose definition does
    /// ("Data Protection Claims" defined to include regulatory fines).
    case definedMentionsAny([String])
    /// The condition holds in some sentence of the same clause.
    case inClause(Condition)
    /// The sentence refers to another clause ("obligations under Section 7.1") that mentions one of the concepts.
    case refersToMentionsAny([String])
    /// At least one concept appears in the clause's heading.
    case headingMentionsAny([String])
    /// Some predicate of the sentence matches.
    case predicate(PredicateTest)
    /// A fixed time limit in the sentence compared with a policy threshold.
    case duration(DurationTest)
    /// The sentence names regions, compared with the policy's allowed regions.
    case regions(RegionTest)
    case all([Condition])
    case any([Condition])
    case none([Condition])
}

/// A test on one predicate of a sentence.
public struct PredicateTest: Sendable, Equatable {
    /// Accepted actors; `vendor` also accepts an unnamed actor (passive voice).
    public var actors: [Predicate.Actor]?
    public var modalities: [Predicate.Modality]?
    /// Concepts that must all appear in the action (or, with `inSentence`, in the sentence after the modal).
    public var mentions: [String]
    public var mentionsAny: [String]
    public var notMentions: [String]
    /// Concepts one of which must name the action itself: it occurs within the first
    /// words after the modal ("shall promptly notify", not "shall indemnify ... notification costs").
    public var verb: [String]
    /// `nil`: no test; `[]` ("none"): no exception allowed; concepts: an exception mentioning one of them.
    public var exception: ExceptionTest?

    public enum ExceptionTest: Sendable, Equatable {
        case none
        case present
        case mentionsAny([String])
        case notMentionsAny([String])
    }

    public init(
        actors: [Predicate.Actor]? = nil, modalities: [Predicate.Modality]? = nil, mentions: [String] = [],
        mentionsAny: [String] = [], notMentions: [String] = [], verb: [String] = [], exception: ExceptionTest? = nil
    ) {
        self.verb = verb
        self.actors = actors
        self.modalities = modalities
        self.mentions = mentions
        self.mentionsAny = mentionsAny
        self.notMentions = notMentions
        self.exception = exception
    }
}

/// A test on the time limits of a sentence.
public struct DurationTest: Sendable, Equatable {
    /// The sentence has a fixed limit (`true`) or none (`false`).
    public var present: Bool?
    /// The shortest limit, in hours, is at most the policy value named here.
    public var atMostPolicyHours: String?
    /// The shortest limit, in days, is at least the policy value named here.
    public var atLeastPolicyDays: String?
    /// The shortest limit is at most this many days.
    public var atMostDays: Double?
    /// The sentence has a soft deadline ("promptly", "without unreasonable delay").
    public var soft: Bool?
}

/// A test on the regions a sentence names.
public struct RegionTest: Sendable, Equatable {
    /// Every region named is allowed by the policy (and at least one is named).
    public var allAllowed: Bool?
    /// Some region named is outside the policy.
    public var someOutside: Bool?
}
