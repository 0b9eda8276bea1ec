import ContractModel
import Foundation

/// Splits quoted evidence into plain and highlighted pieces, from the deciding
/// words the matcher recorded (`Evidence.highlights`). Every whole-word
/// occurrence of a phrase is highlighted; overlapping ones, and ones apart only
/// by spaces, are joined.
public enum Highlighting {
    /// One piece of the text, highlighted or not.
    public struct Piece: Sendable, Equatable {
        public var text: String
        public var highlighted: Bool

        public init(_ text: String, highlighted: Bool) {
            self.text = text
            self.highlighted = highlighted
        }
    }

    /// The evidence's text in pieces; one plain piece when it has no highlights.
    public static func pieces(of evidence: Evidence) -> [Piece] {
        pieces(evidence.text, phrases: evidence.highlights ?? [])
    }

    public static func pieces(_ text: String, phrases: [String]) -> [Piece] {
        var ranges: [Range<String.Index>] = []
        for phrase in Set(phrases) where !phrase.isEmpty {
            var from = text.startIndex
            while let r = text.literalRange(of: phrase, from: from) {
                if isWordBoundary(text, before: r.lowerBound), isWordBoundary(text, after: r.upperBound) { ranges.append(r) }
                from = r.upperBound
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<String.Index>] = []
        for r in ranges {
            // overlapping ones, and ones apart only by spaces ("shall" "notify"), read as one phrase
            if let last = merged.last,
                r.lowerBound <= last.upperBound || text[last.upperBound..<r.lowerBound].allSatisfy({ $0 == " " })
            {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        var out: [Piece] = []
        var cursor = text.startIndex
        for r in merged {
            if cursor < r.lowerBound { out.append(Piece(String(text[cursor..<r.lowerBound]), highlighted: false)) }
            out.append(Piece(String(text[r]), highlighted: true))
            cursor = r.upperBound
        }
        if cursor < text.endIndex || out.isEmpty { out.append(Piece(String(text[cursor...]), highlighted: false)) }
        return out
    }

    private static func isWordBoundary(_ text: String, before i: String.Index) -> Bool {
        guard i > text.startIndex else { return true }
        return !isWordCharacter(text[text.index(before: i)])
    }

    private static func isWordBoundary(_ text: String, after i: String.Index) -> Bool {
        guard i < text.endIndex else { return true }
        return !isWordCharacter(text[i])
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_"
    }
}
