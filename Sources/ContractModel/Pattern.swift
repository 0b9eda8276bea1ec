import Foundation

/// A regular expression compiled once. The readers' fixed patterns use it:
/// `String.range(of:options: .regularExpression)` compiles its pattern on every
/// call, which is too slow inside the per-sentence loops. Matching is
/// thread-safe (NSRegularExpression is immutable).
public struct Pattern: @unchecked Sendable {
    private let regex: NSRegularExpression
    /// Rules out texts without the literal words every match begins with.
    private let prefilter: LiteralPrefilter?

    /// Compiles `pattern`; a pattern that does not compile is a programming error.
    public init(_ pattern: String, caseInsensitive: Bool = false) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
        prefilter = LiteralPrefilter(pattern: pattern)
    }

    /// The first match in `text`.
    public func firstRange(in text: some StringProtocol) -> Range<String.Index>? {
        let s = String(text)
        guard let start = earliestStart(in: s),
            let m = regex.firstMatch(in: s, from: start, length: s.utf16.count)
        else { return nil }
        return Range(m.range, in: s)
    }

    /// The last match in `text`.
    public func lastRange(in text: String) -> Range<String.Index>? {
        guard let start = earliestStart(in: text),
            let m = regex.matches(in: text, from: start, length: text.utf16.count).last
        else { return nil }
        return Range(m.range, in: text)
    }

    /// Every match in `text`, with the ranges of its capture groups (nil where a group took no part).
    public func matches(in text: String) -> [PatternMatch] {
        guard let start = earliestStart(in: text) else { return [] }
        return regex.matches(in: text, from: start, length: text.utf16.count).compactMap { m in
            guard let range = Range(m.range, in: text) else { return nil }
            let groups = (1..<max(1, m.numberOfRanges)).map { Range(m.range(at: $0), in: text) }
            return PatternMatch(range: range, groups: groups)
        }
    }

    /// Whether `text` has a match.
    public func matches(_ text: some StringProtocol) -> Bool {
        let s = String(text)
        guard let start = earliestStart(in: s) else { return false }
        return regex.firstMatch(in: s, from: start, length: s.utf16.count) != nil
    }

    /// Where a match may first begin in `text` (a UTF-16 offset; 0 without a
    /// prefilter), nil when the prefilter rules the text out.
    private func earliestStart(in text: String) -> Int? {
        guard let prefilter else { return 0 }
        return prefilter.earliestStart(in: text)
    }
}

/// One match of a `Pattern`: where it is and where its capture groups are.
public struct PatternMatch: Sendable {
    public var range: Range<String.Index>
    /// Group 1 first; nil where a group took no part in the match.
    public var groups: [Range<String.Index>?]
}
