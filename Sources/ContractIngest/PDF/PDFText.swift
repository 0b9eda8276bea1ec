/// Fast text checks for the PDF path, which looks at every line of every page:
/// ASCII fast paths before the (slow) Unicode property look-ups.
enum PDFText {
    /// The scalars as a string, encoded directly (`String.UnicodeScalarView(_:)` on a
    /// slice goes through an unspecialised generic append, about 40 times slower).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for u in scalars {
            let v = u.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | (v >> 6)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                bytes.append(UInt8(0xE0 | (v >> 12)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                bytes.append(UInt8(0xF0 | (v >> 18)))
                bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The scalar starting at byte `i` of valid UTF-8 `bytes` (as a `String`
    /// holds them) and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            return (Unicode.Scalar(((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F))!, 2)
        }
        if b0 < 0xF0 {
            let v = ((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F)
            return (Unicode.Scalar(v)!, 3)
        }
        let v = ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12) | ((UInt32(bytes[i + 2]) & 0x3F) << 6)
            | (UInt32(bytes[i + 3]) & 0x3F)
        return (Unicode.Scalar(v)!, 4)
    }

    /// Whitespace, checked for ASCII first.
    @inline(__always)
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u == " " || u == "\t" || u == "\n" || u == "\r" || u.value == 0x0B || u.value == 0x0C }
        return u.properties.isWhitespace || u == "\u{200B}"
    }

    /// A letter, checked for ASCII first.
    @inline(__always)
    static func isLetter(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return (u.value | 0x20) >= 0x61 && (u.value | 0x20) <= 0x7A }
        return u.properties.isAlphabetic
    }

    /// ``Whitespace/collapse(_:)``, skipped when the text is already collapsed
    /// (no leading, trailing or double spaces, no tabs, no control characters,
    /// no other space characters), which is true of most PDF lines.
    static func collapse(_ s: String) -> String {
        var s = s
        let clean = s.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            var previousSpace = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b < 0x20 || b == 0x7F { return false }
                    if b == 0x20 {
                        if previousSpace { return false }
                        previousSpace = true
                    } else {
                        previousSpace = false
                    }
                    i += 1
                    continue
                }
                previousSpace = false
                let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0
                let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
                switch b {
                case 0xC2 where b1 >= 0x80 && b1 <= 0xA0: return false  // C1 controls, no-break space
                case 0xE1 where b1 == 0x9A && b2 == 0x80: return false  // ogham space
                case 0xE2 where b1 == 0x80 && (b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF): return false
                case 0xE2 where b1 == 0x81 && b2 == 0x9F: return false
                case 0xE3 where b1 == 0x80 && b2 == 0x80: return false  // ideographic space
                default: break
                }
                i += 1
            }
            return true
        }
        return clean ? s : Whitespace.collapse(s)
    }

    /// Whether `text` may start with a clause label, cheaply: a digit, "(",
    /// "§", a capitalised word followed by a space ("Section 4"), or up to seven
    /// letters followed by "." or ")" ("a.", "iv)"). Lines that fail this
    /// never reach ``LabelParser``.
    static func mayStartWithLabel(_ text: String) -> Bool {
        var it = text.unicodeScalars.makeIterator()
        var first = it.next()
        while let f = first, f == " " { first = it.next() }
        guard let f = first else { return false }
        if ("0"..."9").contains(f) || f == "(" || f == "\u{00A7}" { return true }
        guard isLetter(f) else { return false }
        let capital = f.properties.isUppercase
        var count = 1
        while let u = it.next() {
            if isLetter(u) {
                count += 1
                if count > 12 { return false }
                continue
            }
            if u == "." || u == ")" { return count <= 7 }
            guard capital, u == " " || u == "\u{00A0}" else { return false }
            return LabelParser.keywords.contains(
                String(String.UnicodeScalarView(text.unicodeScalars.drop(while: { $0 == " " }).prefix(count))))
        }
        return count <= 7
    }

    /// A leading clause label of `text` (glued numbers "4.2Text" spaced first).
    static func label(_ text: String) -> LabelParser.Match? {
        guard mayStartWithLabel(text) else { return nil }
        return LabelParser.split(PDFLayout.spaced(text))
    }
}
