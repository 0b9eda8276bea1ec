extension StringProtocol {
    /// How many words `split(whereSeparator: isSeparator)` gives, counting no further
    /// than `limit + 1`: a long paragraph need not be split to learn that it has more
    /// than `limit` words.
    package func wordCount(upTo limit: Int, separatedBy isSeparator: (Character) -> Bool) -> Int {
        Self.countWords(in: self, upTo: limit, isSeparator: isSeparator)!
    }

    /// `wordCount(upTo:separatedBy:)` with words separated by spaces, or by spaces and
    /// tabs (`tabs`). Read from the bytes while they are ASCII, where each byte is a
    /// character as far as a space or tab is concerned (only CR LF joins two, and
    /// neither is a separator); a text with other characters before the count is
    /// decided (a mark may join a space into another character) is read by character.
    package func wordCount(upTo limit: Int, tabs: Bool = false) -> Int {
        var text = String(self)
        let counted = text.withUTF8 { bytes in
            Self.countWords(in: bytes, upTo: limit, isSeparator: { $0 == 0x20 || (tabs && $0 == 0x09) }, giveUp: { $0 >= 0x80 })
        }
        return counted ?? wordCount(upTo: limit, separatedBy: tabs ? { $0 == " " || $0 == "\t" } : { $0 == " " })
    }

    /// The words of `units` split where `isSeparator` holds, counted to `limit + 1` at
    /// most; nil when `giveUp` holds for a unit read before the count is decided.
    @inline(__always)
    private static func countWords<Units: Sequence>(
        in units: Units, upTo limit: Int, isSeparator: (Units.Element) -> Bool, giveUp: (Units.Element) -> Bool = { _ in false }
    ) -> Int? {
        var count = 0
        var inWord = false
        for unit in units {
            if giveUp(unit) { return nil }
            if isSeparator(unit) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > limit { return count }
            }
        }
        return count
    }
}
