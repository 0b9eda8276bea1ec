import ContractModel
import Foundation
import Yams

/// Reads one provision file of the clause library.
enum ProvisionReader {
    static let keys: Set<String> = [
        "id", "title", "severity", "authority", "requirement", "rationale", "find", "elements", "qualifiers",
        "conflicts", "addressed", "parameters", "ask", "examples", "concepts",
    ]

    /// Reads the file's YAML document (`nil`: the file is empty); concepts it defines are added to `concepts`.
    static func read(_ node: Node?, file: String, concepts: inout [String: [String]]) throws(LibraryError) -> Provision {
        guard let node else { throw LibraryError(file: file, message: "the file is empty") }
        let root = YAMLNode(node: node, file: file, path: "")
        let map = try root.mapping(allowed: keys)
        func field(_ key: String) throws(LibraryError) -> String {
            try YAMLNode.required(map, key, in: root).string().trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let id = try field("id")
        guard id.range(of: #"^[a-z0-9]+(\.[a-z0-9-]+)+$"#, options: .regularExpression) != nil else {
            throw map["id"]!.error("an id is dotted lower-case words, e.g. ai.training-opt-out")
        }
        let severityNode = try YAMLNode.required(map, "severity", in: root)
        guard let severity = Finding.Severity(rawValue: try severityNode.string()) else {
            throw severityNode.error("severity must be critical, high, medium or low")
        }
        if let local = map["concepts"] {
            for (name, patterns) in try local.mapping(allowed: anyKeys(local)) {
                concepts[name] = try patterns.strings()
            }
        }
        let askNode = try YAMLNode.required(map, "ask", in: root)
        let askMap = try askNode.mapping(allowed: ["model_clause", "fallback", "heading", "replace"])
        let modelClause = try YAMLNode.required(askMap, "model_clause", in: askNode).string()
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var replacement = try askMap["replace"]?.string().trimmingCharacters(in: .whitespacesAndNewlines)
        // `replace: model_clause` reuses the model clause as the replacement
        if replacement == "model_clause" { replacement = modelClause }
        if let replaceNode = askMap["replace"], replacement?.isEmpty != false {
            throw replaceNode.error("ask.replace is the replacing language, or model_clause to reuse the model clause")
        }
        let ask = Provision.Ask(
            modelClause: modelClause,
            fallback: try YAMLNode.required(askMap, "fallback", in: askNode).string().trimmingCharacters(in: .whitespacesAndNewlines),
            heading: try askMap["heading"]?.string().trimmingCharacters(in: .whitespacesAndNewlines),
            replacement: replacement)
        var examples: [Provision.Example] = []
        for item in try map["examples"]?.sequence() ?? [] {
            let m = try item.mapping(allowed: ["text", "status", "parameters"])
            let statusNode = try YAMLNode.required(m, "status", in: item)
            guard let status = Finding.Status(rawValue: try statusNode.string()) else {
                throw statusNode.error("status must be met, partial, conflict or missing")
            }
            var parameters: [String: ParameterValue] = [:]
            if let p = m["parameters"] {
                for (name, value) in try p.mapping(allowed: anyKeys(p)) {
                    if case .sequence = value.node {
                        parameters[name] = .list(try value.strings())
                    } else {
                        parameters[name] = .number(try value.double())
                    }
                }
            }
            examples.append(
                Provision.Example(
                    text: try YAMLNode.required(m, "text", in: item).string().trimmingCharacters(in: .whitespacesAndNewlines),
                    status: status, parameters: parameters, line: item.line ?? 0))
        }
        return Provision(
            id: id, title: try field("title"), severity: severity, authority: try field("authority"),
            requirement: try field("requirement"), rationale: (try map["rationale"]?.string()) ?? "",
            find: try YAMLNode.required(map, "find", in: root).strings(),
            elements: try rules(map["elements"]), qualifiers: try rules(map["qualifiers"]),
            conflicts: try rules(map["conflicts"]), addressed: try rules(map["addressed"]),
            parameters: try parameterRules(map["parameters"]), ask: ask, examples: examples, file: file)
    }

    private static func anyKeys(_ node: YAMLNode) -> Set<String> {
        guard case .mapping(let m) = node.node else { return [] }
        return Set(m.keys.compactMap(\.string))
    }

    private static func rules(_ node: YAMLNode?) throws(LibraryError) -> [Provision.Rule] {
        var result: [Provision.Rule] = []
        for item in try node?.sequence() ?? [] {
            let m = try item.mapping(allowed: ["id", "reason", "absent", "when", "scope"])
            var scope = Provision.Rule.Scope.clause
            if let s = m["scope"] {
                guard let value = Provision.Rule.Scope(rawValue: try s.string()) else { throw s.error("scope is clause or document") }
                scope = value
            }
            result.append(
                Provision.Rule(
                    id: try YAMLNode.required(m, "id", in: item).string(),
                    reason: try YAMLNode.required(m, "reason", in: item).string().trimmingCharacters(in: .whitespacesAndNewlines),
                    absent: try m["absent"]?.string().trimmingCharacters(in: .whitespacesAndNewlines),
                    when: try condition(YAMLNode.required(m, "when", in: item)), scope: scope))
        }
        return result
    }

    private static func parameterRules(_ node: YAMLNode?) throws(LibraryError) -> [Provision.ParameterRule] {
        var result: [Provision.ParameterRule] = []
        for item in try node?.sequence() ?? [] {
            let m = try item.mapping(allowed: ["name", "kind", "from", "near", "per", "prefer", "at_most_policy", "at_least_policy", "reason"])
            let kindNode = try YAMLNode.required(m, "kind", in: item)
            guard let kind = Provision.ParameterRule.Kind(rawValue: try kindNode.string()) else {
                throw kindNode.error("kind is hours, days or regions")
            }
            result.append(
                Provision.ParameterRule(
                    name: try YAMLNode.required(m, "name", in: item).string(), kind: kind,
                    from: try YAMLNode.required(m, "from", in: item).string(), near: try m["near"]?.strings() ?? [],
                    per: try m["per"]?.strings() ?? [], prefer: try m["prefer"]?.string(), atMostPolicy: try m["at_most_policy"]?.string(), atLeastPolicy: try m["at_least_policy"]?.string(),
                    reason: try m["reason"]?.string() ?? ""))
        }
        return result
    }

    static func condition(_ node: YAMLNode) throws(LibraryError) -> Condition {
        let m = try node.mapping(allowed: [
            "all", "any", "none", "mentions", "mentions_any", "heading_mentions_any", "clause_mentions_any", "refers_to_mentions_any", "defined_mentions_any", "in_clause", "predicate",
            "duration", "regions",
        ])
        var parts: [Condition] = []
        for (key, value) in m.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "all", "any", "none":
                var subs: [Condition] = []
                for item in try value.sequence() { subs.append(try condition(item)) }
                parts.append(key == "all" ? .all(subs) : key == "any" ? .any(subs) : .none(subs))
            case "mentions": parts.append(.mentions(try value.strings()))
            case "mentions_any": parts.append(.mentionsAny(try value.strings()))
            case "heading_mentions_any": parts.append(.headingMentionsAny(try value.strings()))
            case "clause_mentions_any": parts.append(.clauseMentionsAny(try value.strings()))
            case "refers_to_mentions_any": parts.append(.refersToMentionsAny(try value.strings()))
            case "defined_mentions_any": parts.append(.definedMentionsAny(try value.strings()))
            case "in_clause": parts.append(.inClause(try condition(value)))
            case "predicate": parts.append(.predicate(try predicate(value)))
            case "duration":
                let d = try value.mapping(allowed: ["present", "at_most_policy_hours", "at_least_policy_days", "at_most_days", "soft"])
                parts.append(
                    .duration(
                        DurationTest(
                            present: try d["present"].map { n throws(LibraryError) in try bool(n) },
                            atMostPolicyHours: try d["at_most_policy_hours"]?.string(),
                            atLeastPolicyDays: try d["at_least_policy_days"]?.string(),
                            atMostDays: try d["at_most_days"]?.double(),
                            soft: try d["soft"].map { n throws(LibraryError) in try bool(n) })))
            case "regions":
                let r = try value.mapping(allowed: ["all_allowed", "some_outside"])
                parts.append(
                    .regions(
                        RegionTest(
                            allAllowed: try r["all_allowed"].map { n throws(LibraryError) in try bool(n) },
                            someOutside: try r["some_outside"].map { n throws(LibraryError) in try bool(n) })))
            default: break
            }
        }
        if parts.isEmpty { throw node.error("a condition needs at least one test") }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private static func bool(_ node: YAMLNode) throws(LibraryError) -> Bool {
        switch try node.string().lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw node.error("expected true or false")
        }
    }

    private static func predicate(_ node: YAMLNode) throws(LibraryError) -> PredicateTest {
        let m = try node.mapping(allowed: ["actor", "modality", "verb", "mentions", "mentions_any", "not_mentions", "exception"])
        var test = PredicateTest()
        if let a = m["actor"] {
            var actors: [Predicate.Actor] = []
            for name in try a.strings() {
                guard let actor = Predicate.Actor(rawValue: name) else { throw a.error("actor is vendor, customer, other or unknown") }
                actors.append(actor)
            }
            test.actors = actors
        }
        if let mo = m["modality"] {
            var list: [Predicate.Modality] = []
            for name in try mo.strings() {
                guard let modality = Predicate.Modality(rawValue: name) else {
                    throw mo.error("modality is obligation, prohibition or permission")
                }
                list.append(modality)
            }
            test.modalities = list
        }
        test.mentions = try m["mentions"]?.strings() ?? []
        test.mentionsAny = try m["mentions_any"]?.strings() ?? []
        test.notMentions = try m["not_mentions"]?.strings() ?? []
        test.verb = try m["verb"]?.strings() ?? []
        if let e = m["exception"] {
            if case .mapping = e.node {
                let em = try e.mapping(allowed: ["mentions_any", "not_mentions_any"])
                if let any = em["mentions_any"] { test.exception = .mentionsAny(try any.strings()) }
                if let none = em["not_mentions_any"] { test.exception = .notMentionsAny(try none.strings()) }
            } else {
                switch try e.string() {
                case "none": test.exception = PredicateTest.ExceptionTest.none
                case "present": test.exception = .present
                default: throw e.error("exception is none, present, or {mentions_any: [...]} / {not_mentions_any: [...]}")
                }
            }
        }
        return test
    }
}
