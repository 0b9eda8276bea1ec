/// Groups a vendor's contracts under one key whatever the punctuation and legal
/// suffix: "Acme Clinical AI, LLC" and "ACME Clinical AI LLC" are one vendor.
public enum VendorKey {
    /// Words dropped from the end (and "the" from the start) of a vendor's name.
    static let legalSuffixes: Set<String> = [
        "inc", "incorporated", "llc", "l", "c", "ltd", "limited", "corp", "corporation", "co", "company", "plc",
        "gmbh", "lp", "llp", "pc", "pllc", "sa", "ag", "bv", "nv", "pty", "sas", "srl",
    ]

    /// The grouping key of a vendor's name: lower-case words without punctuation or legal suffix.
    public static func of(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        while words.count > 1, let last = words.last, legalSuffixes.contains(last) { words.removeLast() }
        let key = words.joined(separator: " ")
        return key.isEmpty ? name.lowercased() : key
    }
}
