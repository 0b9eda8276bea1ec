import Foundation

/// A time limit read from a sentence: "within seventy-two (72) hours",
/// "no later than five (5) business days", "ten calendar days".
public struct Duration: Sendable, Equatable {
    public enum Unit: String, Sendable {
        case hours, days, businessDays = "business days", weeks, months
    }
    public var amount: Double
    public var unit: Unit
    /// The words as written.
    public var text: String
    /// Where it starts in the sentence (character offset), to tell which clause it belongs to.
    public var offset: Int

    /// Hours by the playbook's rule: a day is 24 hours; n business days count as
    /// the worst calendar span, 24 x (n + 2 x ceil(n/5)); a week 168; a month 30 days.
    public var hours: Double {
        switch unit {
        case .hours: amount
        case .days: amount * 24
        case .businessDays: 24 * (amount + 2 * (amount / 5).rounded(.up))
        case .weeks: amount * 168
        case .months: amount * 720
        }
    }

    /// Days, rounding business days by the same worst-case rule.
    public var days: Double { hours / 24 }
}

/// Finds time limits and soft deadlines in text.
public enum DurationReader {
    private static let regex: NSRegularExpression = {
        let n = NumberWords.pattern
        let pattern = #"\b(\#(n))(?:\s*\((\d+)\))?[\s-]+(?:(calendar|business|working)\s+)?(hours?|days?|weeks?|months?)\b"#
        return try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }()

    private static let softRegex = try! NSRegularExpression(
        pattern: #"\b(promptly|immediately|without (?:unreasonable|undue) delay|as soon as (?:reasonably )?(?:practicable|possible|feasible)|in a timely manner|timely|reasonable time|reasonably prompt)\b"#,
        options: [.caseInsensitive])

    /// Every duration in `text`, in order.
    public static func durations(in text: String) -> [Duration] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let words = ns.substring(with: m.range(at: 1))
            // "at least every forty-eight (48) hours" is a frequency, not a time limit
            let before = ns.substring(with: NSRange(location: max(0, m.range.location - 16), length: min(16, m.range.location))).lowercased()
            if before.hasSuffix("every ") || before.hasSuffix("each ") || before.hasSuffix("per ") { return nil }
            let digits = m.range(at: 2).location != NSNotFound ? ns.substring(with: m.range(at: 2)) : nil
            guard let amount = digits.flatMap(Double.init) ?? NumberWords.value(words) else { return nil }
            let kind = m.range(at: 3).location != NSNotFound ? ns.substring(with: m.range(at: 3)).lowercased() : ""
            let unitWord = ns.substring(with: m.range(at: 4)).lowercased()
            let unit: Duration.Unit
            if unitWord.hasPrefix("hour") {
                unit = .hours
            } else if unitWord.hasPrefix("day") {
                unit = kind == "business" || kind == "working" ? .businessDays : .days
            } else if unitWord.hasPrefix("week") {
                unit = .weeks
            } else {
                unit = .months
            }
            return Duration(amount: amount, unit: unit, text: ns.substring(with: m.range), offset: m.range.location)
        }
    }

    /// Soft deadlines without a fixed limit ("promptly", "without unreasonable delay").
    public static func softDeadlines(in text: String) -> [String] {
        let ns = text as NSString
        return softRegex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }
}
