extension Unicode.Scalar {
    /// A tab or a space separator (Unicode category Zs): Foundation's `CharacterSet.whitespaces`.
    @inline(__always)
    package var isHorizontalSpace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a character on its own beside any other such scalar:
    /// below the combining marks except CR (which joins LF), and the punctuation of
    /// U+2010-U+2027 and U+2030-U+205E (dashes, curly quotes, the ellipsis). A text of
    /// such scalars can be read scalar by scalar as its characters.
    package var standsAlone: Bool {
        (value < 0x300 && value != 0x0D) || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
    }
}

extension StringProtocol {
    /// The text without leading and trailing tabs and space separators: what
    /// `trimmingCharacters(in: .whitespaces)` gives, without Foundation's trip
    /// through NSString (this runs on every sentence of every contract).
    package func trimmingWhitespace() -> String {
        String(trimmedScalars(where: \.isHorizontalSpace))
    }

    /// The text without leading and trailing scalars for which `trim` holds
    /// (`trimmingCharacters(in:)` with a set given as a test).
    package func trimming(where trim: (Unicode.Scalar) -> Bool) -> String {
        String(trimmedScalars(where: trim))
    }

    private func trimmedScalars(where trim: (Unicode.Scalar) -> Bool) -> Substring.UnicodeScalarView {
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, trim(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start, trim(scalars[scalars.index(before: end)]) { scalars.formIndex(before: &end) }
        return scalars[start..<end]
    }
}
