import ContractModel
import Foundation

/// Decides one provision for one contract from its sentences.
///
/// - conflict: any conflict rule holds in a candidate sentence;
/// - met: every element holds in some candidate sentence of a clause that no
///   clause-scoped qualifier touches, no document-scoped qualifier holds,
///   and every parameter is within the policy;
/// - partial: anything else that addresses the provision (an element, a
///   qualifier or an `addressed` rule holds);
/// - missing: nothing does.
struct ProvisionMatcher {
    var provision: Provision
    var policy: Policy
    var evaluator: ConditionEvaluator

    private struct Hit {
        var rule: Provision.Rule
        var sentences: [Sentence]
    }

    func decide(_ sentences: [Sentence]) -> Finding {
        let find = sentences.first.map { provision.find.compactMap($0.lexicon.key) } ?? []
        let candidates = sentences.filter { $0.mentionsAny(find) }
        let severity = policy.severity[provision.id] ?? provision.severity
        func finding(_ status: Finding.Status, _ evidence: [Evidence], _ parameters: [String: ParameterValue], _ reason: String, _ rules: [String]) -> Finding {
            Finding(
                provision: provision.id, title: provision.title, severity: severity, status: status, evidence: evidence,
                parameters: parameters, reason: reason, rules: rules)
        }
        func hits(_ rules: [Provision.Rule]) -> [Hit] {
            rules.compactMap { rule in
                let matching = candidates.filter { evaluator.holds(rule.when, in: $0) }
                return matching.isEmpty ? nil : Hit(rule: rule, sentences: matching)
            }
        }

        let elementHits = hits(provision.elements)
        let qualifierHits = hits(provision.qualifiers)
        let addressedHits = hits(provision.addressed)
        let parameters = readParameters(elementHits, fallback: qualifierHits + addressedHits)

        let conflictHits = hits(provision.conflicts)
        if let first = conflictHits.first {
            let evidence = Self.evidence(conflictHits.flatMap { hit in hit.sentences.map { ($0, hit.rule.id) } }, highlight: decidingWords)
            return finding(.conflict, evidence, parameters.values, fill(first.rule.reason, first.sentences), conflictHits.map(\.rule.id))
        }

        if elementHits.isEmpty && qualifierHits.isEmpty && addressedHits.isEmpty {
            return finding(.missing, [], [:], "Nothing in the contract addresses this: \(lowerFirst(provision.requirement))", [])
        }

        let spoiledClauses = Set(qualifierHits.filter { $0.rule.scope == .clause }.flatMap { $0.sentences.map(\.clause.index) })
        let documentQualifiers = qualifierHits.filter { $0.rule.scope == .document }
        var missingElements: [Provision.Rule] = []
        var spoiledElements: [Hit] = []
        for element in provision.elements {
            guard let hit = elementHits.first(where: { $0.rule.id == element.id }) else {
                missingElements.append(element)
                continue
            }
            if hit.sentences.allSatisfy({ spoiledClauses.contains($0.clause.index) }) { spoiledElements.append(hit) }
        }
        let clauseQualifiers = qualifierHits.filter { $0.rule.scope == .clause }
        // a clause-scoped qualifier spoils met only where it touches the element's clauses,
        // or when no element is found anywhere else
        let touching = clauseQualifiers.filter { q in
            q.sentences.contains { s in elementHits.contains { $0.sentences.contains { $0.clause.index == s.clause.index } } }
        }
        let effectiveQualifiers = documentQualifiers + (spoiledElements.isEmpty ? [] : touching)

        var reasons: [String] = []
        var fired: [String] = []
        var evidencePairs: [(Sentence, String)] = []
        for hit in effectiveQualifiers {
            reasons.append(fill(hit.rule.reason, hit.sentences))
            fired.append(hit.rule.id)
            evidencePairs += hit.sentences.map { ($0, hit.rule.id) }
        }
        reasons += parameters.problems
        for element in missingElements {
            reasons.append(element.absent ?? "No clause \(lowerFirst(element.reason)).")
        }
        let isMet = missingElements.isEmpty && effectiveQualifiers.isEmpty && parameters.problems.isEmpty
        for hit in elementHits {
            fired.append(hit.rule.id)
            evidencePairs += hit.sentences.filter { !spoiledClauses.contains($0.clause.index) || !isMet }.prefix(2).map { ($0, hit.rule.id) }
        }
        if isMet {
            let reason = elementHits.map { fill($0.rule.reason, $0.sentences) }.joined(separator: " ")
            return finding(.met, Self.evidence(evidencePairs, highlight: decidingWords), parameters.values, reason, fired)
        }
        if elementHits.isEmpty {
            for hit in qualifierHits + addressedHits where !fired.contains(hit.rule.id) {
                fired.append(hit.rule.id)
                reasons.insert(fill(hit.rule.reason, hit.sentences), at: 0)
                evidencePairs += hit.sentences.prefix(2).map { ($0, hit.rule.id) }
            }
        }
        let found = elementHits.map { fill($0.rule.reason, $0.sentences) }
        let reason = (found + reasons).joined(separator: " ")
        return finding(.partial, Self.evidence(evidencePairs, highlight: decidingWords), parameters.values, reason, fired)
    }

    private struct Parameters {
        var values: [String: ParameterValue] = [:]
        var problems: [String] = []
    }

    /// Reads each parameter from the sentences of its element, or, when that element was not
    /// found, from the sentences that made the provision partial ("primarily in the United States").
    private func readParameters(_ elementHits: [Hit], fallback: [Hit]) -> Parameters {
        var result = Parameters()
        for rule in provision.parameters {
            let hit: Hit
            if let own = elementHits.first(where: { $0.rule.id == rule.from }) {
                hit = own
            } else if !fallback.isEmpty {
                hit = Hit(rule: fallback[0].rule, sentences: fallback.flatMap(\.sentences))
            } else {
                continue
            }
            let sentences = hit.sentences
            switch rule.kind {
            case .hours, .days:
                // a maximum is defeated by the longest deadline, a minimum by the shortest
                let atMost = rule.atMostPolicy != nil
                let worse: (Double, Double) -> Double = atMost ? { max($0, $1) } : { min($0, $1) }
                let better: (Double, Double) -> Double = atMost ? { min($0, $1) } : { max($0, $1) }
                let values = sentences.compactMap { s in duration(in: s, rule).map { (s, $0) } }
                func combine(_ xs: [Double], _ f: (Double, Double) -> Double) -> Double? {
                    xs.first.map { xs.dropFirst().reduce($0, f) }
                }
                // the preferred element's clauses, where they give a value, give it alone
                let preferred = Set(elementHits.first { $0.rule.id == rule.prefer }?.sentences.map(\.clause.index) ?? [])
                func preferring(_ xs: [(Sentence, Double)]) -> [Double] {
                    let inPreferred = xs.filter { preferred.contains($0.0.clause.index) }
                    return (inPreferred.isEmpty ? xs : inPreferred).map(\.1)
                }
                // each kind of event gets the best deadline any sentence naming it gives; the worst of those binds
                let perKind = rule.per.compactMap { kind in combine(preferring(values.filter { $0.0.mentions(kind) }), better) }
                // otherwise, across clauses the worst deadline binds
                let best = combine(perKind.isEmpty ? preferring(values) : perKind, worse)
                guard let hours = best else { continue }
                let value = rule.kind == .hours ? hours : hours / 24
                result.values[rule.name] = .number(value)
                if let key = rule.atMostPolicy, let limit = policy.threshold(key), value > limit {
                    result.problems.append(describe(rule, value: value, limit: limit))
                }
                if let key = rule.atLeastPolicy, let limit = policy.threshold(key), value < limit {
                    result.problems.append(describe(rule, value: value, limit: limit))
                }
            case .regions:
                let regions = Array(Set(sentences.flatMap(\.regions))).sorted()
                guard !regions.isEmpty else { continue }
                result.values[rule.name] = .list(regions)
                if regions.contains(where: { !policy.allowedRegions.contains($0) }) {
                    result.problems.append(
                        rule.reason.replacingLiteral("{value}", with: regions.joined(separator: ", "))
                            .replacingLiteral("{policy}", with: policy.allowedRegions.joined(separator: ", ")))
                }
            }
        }
        return result
    }

    /// The deadline a sentence sets for `rule`: the one nearest its `near` concepts, else the shortest.
    private func duration(in s: Sentence, _ rule: Provision.ParameterRule) -> Double? {
        guard !s.durations.isEmpty else { return nil }
        guard !rule.near.isEmpty else { return s.durations.map(\.hours).min() }
        let anchors = rule.near.flatMap { s.offsets(of: $0) }
        return s.durations.min { a, b in distance(a.offset, anchors) < distance(b.offset, anchors) }?.hours
    }

    private func distance(_ offset: Int, _ anchors: [Int]) -> Int {
        anchors.map { abs($0 - offset) }.min() ?? Int.max
    }

    private func describe(_ rule: Provision.ParameterRule, value: Double, limit: Double) -> String {
        let v = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        let l = limit == limit.rounded() ? String(Int(limit)) : String(limit)
        return rule.reason.replacingLiteral("{value}", with: v).replacingLiteral("{policy}", with: l)
    }

    /// Fills `{clause}` with the clauses the sentences sit in.
    private func fill(_ template: String, _ sentences: [Sentence]) -> String {
        var seen: [String] = []
        for s in sentences where !seen.contains(s.clause.citation) { seen.append(s.clause.citation) }
        // "4.2" reads as "Clause 4.2"; "Section 4.02" and headings read as they are
        let named = seen.map { $0.first?.isNumber == true || $0.first == "(" ? "Clause " + $0 : $0 }
        // one subject keeps the rule's verb singular: "Clause 3.2(b) (with 3.2(c) and 5.4) obliges ..."
        var clauses = named.first ?? "The contract"
        if seen.count > 1 {
            let rest = Array(seen.dropFirst())
            clauses += " (with " + (rest.count == 1 ? rest[0] : rest.dropLast().joined(separator: ", ") + " and " + rest.last!) + ")"
        }
        return template.replacingLiteral("{clause}", with: clauses)
    }

    private func lowerFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.lowercased() + s.dropFirst()
    }

    /// The words of a sentence that made the rule `id` of this provision hold (for highlighting).
    private func decidingWords(_ sentence: Sentence, _ id: String) -> [String] {
        let rules = provision.conflicts + provision.elements + provision.qualifiers + provision.addressed
        guard let rule = rules.first(where: { $0.id == id }) else { return [] }
        return DecidingWords(evaluator: evaluator).phrases(rule.when, in: sentence)
    }

    /// One evidence entry per clause, in document order, its sentences joined;
    /// `highlight` gives the deciding words of a sentence for a rule id.
    static func evidence(_ pairs: [(Sentence, String)], highlight: (Sentence, String) -> [String] = { _, _ in [] }) -> [Evidence] {
        var order: [Int] = []
        var byClause: [Int: (Sentence, [Sentence], [String])] = [:]
        for (s, role) in pairs {
            if var entry = byClause[s.clause.index] {
                if !entry.1.contains(where: { $0 === s }) { entry.1.append(s) }
                if !entry.2.contains(role) { entry.2.append(role) }
                byClause[s.clause.index] = entry
            } else {
                byClause[s.clause.index] = (s, [s], [role])
                order.append(s.clause.index)
            }
        }
        return order.sorted().map { index in
            let (first, sentences, roles) = byClause[index]!
            let text = sentences.sorted { $0.position < $1.position }.map(\.text).joined(separator: " ")
            let words = DecidingWords.inTextOrder(pairs.filter { $0.0.clause.index == index }.flatMap { highlight($0.0, $0.1) }, text)
            return Evidence(
                clause: first.clause.citation, page: first.clause.page, text: text, role: roles.joined(separator: ", "),
                highlights: words.isEmpty ? nil : words)
        }
    }
}
