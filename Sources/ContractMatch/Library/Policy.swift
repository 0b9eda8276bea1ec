import Foundation
import ContractModel
import Yams

/// An organization's review policy: thresholds, allowed regions, provisions
/// switched off and severities changed. Defaults come from the library's
/// `policy.yaml`; `--policy FILE` overrides any of them.
public struct Policy: Sendable, Equatable {
    /// Numeric thresholds by name: breach_notice_max_hours, subprocessor_notice_days, ...
    public var thresholds: [String: Double]
    /// ISO 3166 alpha-2 codes where PHI may be stored and processed.
    public var allowedRegions: [String]
    /// Provision ids not to check.
    public var disabled: [String]
    /// Severity overrides by provision id.
    public var severity: [String: Finding.Severity]
    /// The files it was read from, for reports.
    public var sources: [String]

    public init(
        thresholds: [String: Double] = [:], allowedRegions: [String] = ["US"], disabled: [String] = [],
        severity: [String: Finding.Severity] = [:], sources: [String] = []
    ) {
        self.thresholds = thresholds
        self.allowedRegions = allowedRegions
        self.disabled = disabled
        self.severity = severity
        self.sources = sources
    }

    /// The value of threshold `name`.
    public func threshold(_ name: String) -> Double? {
        thresholds[name]
    }

    /// Reads a policy file over `base`: keys present replace the base's values.
    public static func read(_ text: String, file: String, over base: Policy) throws(LibraryError) -> Policy {
        let node: Node?
        do { node = try YAMLNode.compose(text) } catch {
            throw LibraryError(file: file, message: "not valid YAML: \(error)")
        }
        guard let node else { return base }
        let root = YAMLNode(node: node, file: file, path: "")
        guard case .mapping(let mapping) = node else { throw root.error("expected a mapping of policy settings") }
        var policy = base
        policy.sources.append(file)
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            let v = YAMLNode(node: value, file: file, path: name)
            switch name {
            case "allowed_regions":
                policy.allowedRegions = try v.strings().map { $0.uppercased() }
            case "disabled":
                policy.disabled = try v.strings()
            case "severity":
                let entries = try v.mapping(allowed: anyKey(v))
                for (id, sev) in entries {
                    guard let s = Finding.Severity(rawValue: try sev.string()) else {
                        throw sev.error("severity must be critical, high, medium or low")
                    }
                    policy.severity[id] = s
                }
            default:
                let known = base.thresholds.keys.sorted()
                guard known.isEmpty ? (name.hasSuffix("_hours") || name.hasSuffix("_days")) : known.contains(name) else {
                    let settings = (known + ["allowed_regions", "disabled", "severity"]).joined(separator: ", ")
                    throw YAMLNode(node: key, file: file, path: "").error("unknown policy setting '\(name)'; the settings are: \(settings)")
                }
                policy.thresholds[name] = try v.double()
            }
        }
        return policy
    }

    private static func anyKey(_ node: YAMLNode) -> Set<String> {
        guard case .mapping(let m) = node.node else { return [] }
        return Set(m.keys.compactMap(\.string))
    }
}
