import Foundation
import ContractModel

/// Evaluates library conditions on sentences.
struct ConditionEvaluator {
    var policy: Policy

    /// "may do so", "may exercise this right": the action the clause already named.
    private static let proForm = Pattern(#"^\s*(?:do so|exercise (?:this|that|such|the) (?:right|audit|rights)|so)\b"#)

    func holds(_ condition: Condition, in s: Sentence) -> Bool {
        switch condition {
        case .mentions(let names): return names.allSatisfy { s.mentions($0) }
        case .mentionsAny(let names): return names.contains { s.mentions($0) }
        case .headingMentionsAny(let names): return names.contains { s.headingMentions($0) }
        case .clauseMentionsAny(let names): return names.contains { s.clauseMentions($0) }
        case .refersToMentionsAny(let names): return names.contains { s.referencedClausesMention($0) }
        case .definedMentionsAny(let names): return names.contains { s.mentions($0) || s.definitionsMention($0) }
        case .inClause(let inner): return s.clauseSentences().contains { holds(inner, in: $0) }
        // the same answers in two passes, the cheap conditions (concepts the sentence mentions, which
        // are cached) first: a sentence that fails one is never read for its predicates or durations
        case .all(let list):
            return list.allSatisfy { !$0.isCheap || holds($0, in: s) } && list.allSatisfy { $0.isCheap || holds($0, in: s) }
        case .any(let list):
            return list.contains { $0.isCheap && holds($0, in: s) } || list.contains { !$0.isCheap && holds($0, in: s) }
        case .none(let list):
            return !(list.contains { $0.isCheap && holds($0, in: s) } || list.contains { !$0.isCheap && holds($0, in: s) })
        case .predicate(let test): return s.predicates.contains { matches(test, $0, in: s) }
        case .duration(let test): return holds(test, in: s)
        case .regions(let test):
            let named = s.regions
            if let all = test.allAllowed {
                let ok = !named.isEmpty && named.allSatisfy { policy.allowedRegions.contains($0) }
                if ok != all { return false }
            }
            if let outside = test.someOutside {
                if named.contains(where: { !policy.allowedRegions.contains($0) }) != outside { return false }
            }
            return true
        }
    }

    private func holds(_ test: DurationTest, in s: Sentence) -> Bool {
        let shortest = s.durations.map(\.hours).min()
        if let present = test.present, (shortest != nil) != present { return false }
        if let soft = test.soft, s.softDeadlines.isEmpty == soft { return false }
        if let key = test.atMostPolicyHours {
            guard let shortest, let limit = policy.threshold(key), shortest <= limit else { return false }
        }
        if let key = test.atLeastPolicyDays {
            guard let shortest, let limit = policy.threshold(key), shortest / 24 >= limit else { return false }
        }
        if let days = test.atMostDays {
            guard let shortest, shortest / 24 <= days else { return false }
        }
        return true
    }

    func matches(_ test: PredicateTest, _ p: Predicate, in s: Sentence) -> Bool {
        if let actors = test.actors {
            let accepted = actors.contains(p.actor) || (actors.contains(.vendor) && p.actor == .unknown)
            if !accepted { return false }
        }
        if let modalities = test.modalities, !modalities.contains(p.modality) { return false }
        var scope = p.subject + " " + p.action
        // "Customer may do so ...", "may exercise this right ...": the action is the one the clause already named
        if Self.proForm.matches(p.action) {
            scope += " " + s.clause.text
        }
        for name in test.mentions where !s.mentions(name, inText: scope) { return false }
        if !test.mentionsAny.isEmpty, !test.mentionsAny.contains(where: { s.mentions($0, inText: scope) }) { return false }
        if test.notMentions.contains(where: { s.mentions($0, inText: scope) }) { return false }
        if !test.verb.isEmpty {
            // the action's head: its first words, past adverbs such as "promptly" or "also"
            var head = p.action.split(separator: " ").prefix(6).joined(separator: " ")
            // passive voice names the act in its subject: "Notice of any Breach shall be delivered by Vendor"
            if p.action.hasPrefix(" be ") || p.action.hasPrefix(" not be ") {
                head = p.stretch.split(separator: " ").prefix(4).joined(separator: " ") + " " + head
            }
            if !test.verb.contains(where: { s.mentions($0, inText: head) }) { return false }
        }
        switch test.exception {
        case nil: break
        case .none?: if p.exception != nil { return false }
        case .present?: if p.exception == nil { return false }
        case .mentionsAny(let names)?:
            guard let e = p.exception, names.contains(where: { s.mentions($0, inText: e) }) else { return false }
        case .notMentionsAny(let names)?:
            if let e = p.exception, names.contains(where: { s.mentions($0, inText: e) }) { return false }
        }
        return true
    }
}

extension Condition {
    /// Whether the condition only asks which concepts the sentence or its heading mentions:
    /// answered from a cache, where the others run the readers.
    fileprivate var isCheap: Bool {
        switch self {
        case .mentions, .mentionsAny, .headingMentionsAny: return true
        default: return false
        }
    }
}
