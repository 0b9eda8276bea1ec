/// Text made safe for XML and the project's XML-well-formed HTML.
enum XMLText {
    /// `s` with the five markup characters escaped and the characters XML forbids
    /// dropped (controls other than tab, line feed and carriage return; U+FFFE and
    /// U+FFFF). `apostrophe` is the entity for `'` (`&apos;` in XML; HTML 4 readers
    /// know only `&#39;`).
    ///
    /// Works on the UTF-8 bytes: every byte it changes is ASCII, or the lead of
    /// U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`), so the other bytes are copied as they are.
    static func escape(_ s: String, apostrophe: String = "&apos;") -> String {
        var s = s
        return s.withUTF8 { utf8 -> String? in
            // most texts (a clause number, a provision id, a sentence) hold nothing to change
            guard let first = utf8.firstIndex(where: mayChange) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 16)
            out.append(contentsOf: utf8[..<first])
            var i = first
            while i < utf8.count {
                let byte = utf8[i]
                i += 1
                guard mayChange(byte) else {
                    out.append(byte)
                    continue
                }
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: apostrophe.utf8)
                case 0xEF:
                    // U+FFFE and U+FFFF are EF BF BE and EF BF BF; other characters from EF stay
                    if i + 1 < utf8.count, utf8[i] == 0xBF, utf8[i + 1] >= 0xBE {
                        i += 2
                    } else {
                        out.append(byte)
                    }
                default:
                    break  // a control character XML forbids
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }

    /// Whether `byte` is one `escape` may change: a markup character, a control
    /// character other than tab, line feed and carriage return, or the lead byte of
    /// U+FFFE/U+FFFF.
    private static func mayChange(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return false
        case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: return true
        default: return false
        }
    }
}
