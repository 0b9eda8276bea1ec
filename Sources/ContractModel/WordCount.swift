extension StringProtocol {
    /// How many words `split(whereSeparator: isSeparator)` gives, counting no further
    /// than `limit + 1`: a long paragraph need not be split to learn that it has more
    /// than `limit` words.
    package func wordCount(upTo limit: Int, separatedBy isSeparator: (Character) -> Bool) -> Int {
        var count = 0
        var inWord = false
        for c in self {
            if isSeparator(c) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > limit { return count }
            }
        }
        return count
    }

    /// `wordCount(upTo:separatedBy:)` with words separated by spaces, or by spaces and
    /// tabs (`tabs`). Read from the bytes while they are ASCII, where each byte is a
    /// character as far as a space or tab is concerned (only CR LF joins two, and
    /// neither is a separator); a text with other characters before the count is
    /// decided (a mark may join a space into another character) is read by character.
    package func wordCount(upTo limit: Int, tabs: Bool = false) -> Int {
        var text = String(self)
        let counted = text.withUTF8 { bytes -> Int? in
            var count = 0
            var inWord = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (tabs && byte == 0x09) {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                    if count > limit { return count }
                }
            }
            return count
        }
        return counted ?? wordCount(upTo: limit, separatedBy: tabs ? { $0 == " " || $0 == "\t" } : { $0 == " " })
    }
}
