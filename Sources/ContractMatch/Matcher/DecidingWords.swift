import ContractModel
import Foundation

/// The words of a sentence that made a rule hold: the concepts it names, the
/// modal verbs and actions of the predicates it matched, the deadlines and the
/// places it read. Reports highlight them in the quoted evidence.
///
/// This only reads what the evaluator already decided; it never changes a
/// finding's status, evidence or reason.
struct DecidingWords {
    var evaluator: ConditionEvaluator

    /// The phrases of `sentence.text` that made `condition` hold, in text order, overlaps merged.
    func phrases(_ condition: Condition, in sentence: Sentence) -> [String] {
        var ranges: [NSRange] = []
        collect(condition, sentence, into: &ranges)
        return Self.merge(ranges).map { sentence.text.substring(utf16: $0) }
    }

    private func collect(_ condition: Condition, _ s: Sentence, into ranges: inout [NSRange]) {
        switch condition {
        case .mentions(let names), .mentionsAny(let names), .definedMentionsAny(let names), .clauseMentionsAny(let names):
            for name in names { ranges += s.occurrences(of: name, inText: s.text) }
        case .headingMentionsAny, .refersToMentionsAny, .none:
            break  // the words are elsewhere (a heading, another clause) or must be absent
        case .inClause(let inner):
            if evaluator.holds(inner, in: s) { collect(inner, s, into: &ranges) }
        case .all(let list):
            for c in list { collect(c, s, into: &ranges) }
        case .any(let list):
            for c in list where evaluator.holds(c, in: s) { collect(c, s, into: &ranges) }
        case .predicate(let test):
            for p in s.predicates where evaluator.matches(test, p, in: s) {
                ranges += Self.find(p.modal, in: s.text)
                for name in test.mentions + test.mentionsAny + test.verb {
                    ranges += s.occurrences(of: name, inText: s.text)
                }
                if case .mentionsAny(let names)? = test.exception {
                    for name in names { ranges += s.occurrences(of: name, inText: s.text) }
                }
            }
        case .duration(let test):
            if test.soft == true {
                for phrase in s.softDeadlines { ranges += Self.find(phrase, in: s.text) }
            } else {
                for d in s.durations { ranges += Self.find(d.text, in: s.text) }
            }
        case .regions:
            ranges += RegionReader.nameRanges(in: s.text)
        }
    }

    /// Every occurrence of `phrase` in `text`, ignoring case.
    private static func find(_ phrase: String, in text: String) -> [NSRange] {
        text.rangesIgnoringCase(of: phrase.trimmingWhitespace())
    }

    /// Sorted ranges with overlapping or touching ones joined.
    static func merge(_ ranges: [NSRange]) -> [NSRange] {
        var merged: [NSRange] = []
        for r in ranges.filter({ $0.length > 0 }).sorted(by: { ($0.location, $0.length) < ($1.location, $1.length) }) {
            if let last = merged.last, r.location <= last.location + last.length {
                merged[merged.count - 1].length = max(last.location + last.length, r.location + r.length) - last.location
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// Distinct phrases in order of first appearance in `text` (case-sensitive, as quoted).
    static func inTextOrder(_ phrases: [String], _ text: String) -> [String] {
        var seen = Set<String>()
        // each phrase's first position, looked up once
        let found = phrases.compactMap { phrase -> (phrase: String, at: String.Index)? in
            guard !phrase.isEmpty, !seen.contains(phrase), let range = text.literalRange(of: phrase) else { return nil }
            seen.insert(phrase)
            return (phrase, range.lowerBound)
        }
        return found.sorted { a, b in a.at != b.at ? a.at < b.at : a.phrase.count > b.phrase.count }.map(\.phrase)
    }
}
