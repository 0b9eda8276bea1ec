import Foundation

extension NSRegularExpression {
    /// The matches in `text` (whose UTF-16 length is `length`) that begin at UTF-16
    /// offset `start` or later, found as in the whole text: look-behinds and word
    /// boundaries see the text before `start` (transparent bounds), and `^` does not
    /// match there (no anchoring bounds).
    ///
    /// When no match can begin before `start` (a `LiteralPrefilter`'s earliest start),
    /// these are the matches of the whole text, found without ICU trying every
    /// position before it.
    public func matches(in text: String, from start: Int, length: Int) -> [NSTextCheckingResult] {
        matches(in: text, options: Self.options(from: start), range: NSRange(location: start, length: length - start))
    }

    /// The first match in `text` that begins at UTF-16 offset `start` or later, found
    /// as in the whole text (see `matches(in:from:length:)`).
    public func firstMatch(in text: String, from start: Int, length: Int) -> NSTextCheckingResult? {
        firstMatch(in: text, options: Self.options(from: start), range: NSRange(location: start, length: length - start))
    }

    private static func options(from start: Int) -> MatchingOptions {
        start == 0 ? [] : [.withTransparentBounds, .withoutAnchoringBounds]
    }
}
