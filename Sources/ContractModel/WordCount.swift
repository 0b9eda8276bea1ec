extension StringProtocol {
    /// How many words `split(whereSeparator: isSeparator)` gives, counting no further
    /// than `limit + 1`: a long paragraph need not be split to learn that it has more
    /// than `limit` words.
    package func wordCount(upTo limit: Int, separatedBy isSeparator: (Character) -> Bool = { $0 == " " }) -> Int {
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
}
