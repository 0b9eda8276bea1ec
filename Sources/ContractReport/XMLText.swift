/// Text made safe for XML and the project's XML-well-formed HTML.
enum XMLText {
    /// `s` with the five markup characters escaped and the characters XML forbids
    /// dropped. `apostrophe` is the entity for `'` (`&apos;` in XML; HTML 4 readers
    /// know only `&#39;`).
    static func escape(_ s: String, apostrophe: String = "&apos;") -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
