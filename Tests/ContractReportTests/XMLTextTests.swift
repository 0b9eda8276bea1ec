import ContractReport
import Testing

/// The escaping of report text, which works on UTF-8 bytes, against the rule it
/// implements read scalar by scalar.
struct XMLTextTests {
    /// The rule: markup characters as entities; controls other than tab, line feed and
    /// carriage return dropped, and U+FFFE and U+FFFF.
    private func reference(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func escapesMarkupAndDropsWhatXMLForbids() {
        #expect(HTML.escape(#"Vendor's "AI" <Model> & Co."#) == "Vendor&#39;s &quot;AI&quot; &lt;Model&gt; &amp; Co.")
        #expect(HTML.escape("a\u{0}b\u{1}c\u{1F}d\te\nf\rg") == "abcd\te\nf\rg")
        #expect(HTML.escape("x\u{FFFE}y\u{FFFF}z") == "xyz")
        #expect(HTML.escape("plain text, § 4.2") == "plain text, § 4.2")
        #expect(HTML.escape("") == "")
    }

    @Test func sameAsTheScalarRuleOnEveryKindOfCharacter() {
        // characters whose UTF-8 begins with EF but are kept, next to those dropped
        let pieces = [
            "a", "Z", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "é", "e\u{301}",
            "§", "“", "”", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{F000}", "\u{FBFF}", "\u{FFBE}", "ﬁ", "👩🏽‍⚕️",
            "中", "\u{10FFFF}", " ", "&amp;",
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var s = ""
            for _ in 0..<12 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                s += pieces[Int(seed >> 33) % pieces.count]
            }
            #expect(HTML.escape(s) == reference(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        for piece in pieces { #expect(HTML.escape(piece) == reference(piece)) }
    }
}
