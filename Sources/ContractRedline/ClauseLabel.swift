import ContractModel

/// New clause numbers written the way a contract writes its own: the label
/// of an existing clause is the template, and only its numbers change
/// ("Section 8.08" with path [8, 8] becomes "Section 9.01" for [9, 1];
/// "ARTICLE VIII" becomes "ARTICLE IX"; "23." becomes "24.").
enum ClauseLabel {
    /// `label` (whose numbers are `path`) renumbered to `newPath`, or `nil`
    /// when the label's numbers cannot be matched to its path.
    static func renumber(_ label: String, path: [String], to newPath: [String]) -> String? {
        guard !path.isEmpty, path.count == newPath.count else { return nil }
        let tokens = Self.tokens(label)
        var replacements: [(range: Range<Int>, text: String)] = []
        var limit = tokens.count
        for i in stride(from: path.count - 1, through: 0, by: -1) {
            guard let t = tokens[..<limit].lastIndex(where: { represents($0.text, path[i]) }) else { return nil }
            limit = t
            guard let rendered = render(newPath[i], like: tokens[t].text) else { return nil }
            replacements.append((tokens[t].range, rendered))
        }
        var chars = Array(label)
        for r in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            chars.replaceSubrange(r.range, with: Array(r.text))
        }
        return String(chars)
    }

    /// Runs of letters or of digits, with their character offsets.
    private static func tokens(_ label: String) -> [(text: String, range: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var current = ""
        var start = 0
        for (i, c) in label.enumerated() {
            if let last = current.last, (c.isNumber != last.isNumber) || !(c.isLetter || c.isNumber) {
                out.append((current, start..<i))
                current = ""
            }
            if c.isLetter || c.isNumber {
                if current.isEmpty { start = i }
                current.append(c)
            }
        }
        if !current.isEmpty { out.append((current, start..<(start + current.count))) }
        return out
    }

    /// Whether a token of a label shows the path component: "08" for "8", "VIII" for "8", "b" for "b".
    private static func represents(_ token: String, _ component: String) -> Bool {
        if let n = Int(token) { return Int(component) == n }
        if token.count == 1, token.lowercased() == component.lowercased() { return true }
        if let n = Roman.value(of: token), let c = Int(component) { return n == c }
        return false
    }

    /// `component` in the style of `token`: zero-padded digits, roman numerals or a letter, in its case.
    private static func render(_ component: String, like token: String) -> String? {
        guard let n = Int(component) else {
            return token.first?.isUppercase == true ? component.uppercased() : component.lowercased()
        }
        if token.allSatisfy(\.isNumber) {
            let digits = String(n)
            let width = token.hasPrefix("0") ? token.count : 0
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        if Roman.value(of: token) != nil, n > 0, n < 4000 {
            let numeral = Roman.numeral(n)
            return token.first?.isUppercase == true ? numeral.uppercased() : numeral
        }
        if token.count == 1, n >= 1, n <= 26 {
            let letter = String(UnicodeScalar(UInt8(96 + n)))
            return token.first?.isUppercase == true ? letter.uppercased() : letter
        }
        return nil
    }
}
