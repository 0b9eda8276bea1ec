import Foundation

/// A regular expression compiled once. The readers' fixed patterns use it:
/// `String.range(of:options: .regularExpression)` compiles its pattern on every
/// call, which is too slow inside the per-sentence loops. Matching is
/// thread-safe (NSRegularExpression is immutable).
public struct Pattern: @unchecked Sendable {
    private let regex: NSRegularExpression

    /// Compiles `pattern`; a pattern that does not compile is a programming error.
    public init(_ pattern: String, caseInsensitive: Bool = false) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
    }

    /// The first match in `text`.
    public func firstRange(in text: some StringProtocol) -> Range<String.Index>? {
        let s = String(text)
        guard let m = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) else { return nil }
        return Range(m.range, in: s)
    }

    /// The last match in `text`.
    public func lastRange(in text: String) -> Range<String.Index>? {
        guard let m = regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).last else { return nil }
        return Range(m.range, in: text)
    }

    /// Whether `text` has a match.
    public func matches(_ text: some StringProtocol) -> Bool {
        let s = String(text)
        return regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}
