/// Whitespace normalisation shared by the readers.
package enum Whitespace {
    /// Collapses tabs, line breaks, no-break and other spaces into single
    /// spaces and trims both ends. Control characters are dropped.
    package static func collapse(_ s: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace || u == "\u{200B}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(u)
        }
        return String(out)
    }
}
