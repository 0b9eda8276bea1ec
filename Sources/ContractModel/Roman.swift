/// Roman numerals, for clause numbers such as "ARTICLE IV" and "(iv)".
public enum Roman {
    private static let table: [(Int, String)] = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]

    /// The value of a well-formed roman numeral (either case), or `nil`.
    public static func value(of s: String) -> Int? {
        let lower = s.lowercased()
        guard !lower.isEmpty, lower.allSatisfy({ "ivxlcdm".contains($0) }) else { return nil }
        var rest = Substring(lower)
        var total = 0
        for (value, symbol) in table {
            while rest.hasPrefix(symbol) {
                total += value
                rest = rest.dropFirst(symbol.count)
            }
        }
        guard rest.isEmpty, total > 0, numeral(total) == lower else { return nil }
        return total
    }

    /// The lower-case roman numeral for `n` (1...3999).
    public static func numeral(_ n: Int) -> String {
        var n = n
        var out = ""
        for (value, symbol) in table {
            while n >= value {
                out += symbol
                n -= value
            }
        }
        return out
    }
}
