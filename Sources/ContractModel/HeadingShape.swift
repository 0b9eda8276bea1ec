/// Whether a line of text has the shape of a heading: short, title case or
/// upper case, without closing punctuation. Readers use it for formats that do
/// not mark headings (text, bold paragraphs in Word, PDF lines).
public enum HeadingShape {
    /// `next` is the start of the following line, when it continues the same
    /// paragraph: a heading is not followed by a lower-case continuation.
    public static func isHeading(_ text: String, next: Substring? = nil) -> Bool {
        guard text.wordCount(upTo: 14, tabs: true) <= 14 else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty, words.count <= 14, let last = text.last else { return false }
        if ".;,:)\"\u{201D}]".contains(last) { return false }
        if let next, let c = next.first, c.isLowercase { return false }
        let significant = words.filter { $0.count >= 4 }
        guard !significant.isEmpty else { return words.allSatisfy { $0.first?.isUppercase == true } }
        let capitalised = significant.filter { $0.first?.isUppercase == true || $0.first == "\u{201C}" }
        return capitalised.count * 3 >= significant.count * 2 && (capitalised.count == significant.count || words.count <= 6)
    }
}
