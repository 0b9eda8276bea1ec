/// Whitespace normalisation shared by the readers.
package enum Whitespace {
    /// Collapses tabs, line breaks, no-break and other spaces into single
    /// spaces and trims both ends. Control characters are dropped.
    package static func collapse(_ s: some StringProtocol) -> String {
        // built as UTF-8 bytes: appending scalars one by one to a string is slow
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for u in s.unicodeScalars {
            let v = u.value
            let space = v < 0x80 ? v == 0x20 || (v >= 0x09 && v <= 0x0D) : u.properties.isWhitespace || v == 0x200B
            if space {
                pendingSpace = !out.isEmpty
                continue
            }
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { continue }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if v < 0x80 {
                out.append(UInt8(v))
            } else {
                UTF8.encode(u) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
