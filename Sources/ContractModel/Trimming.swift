extension Unicode.Scalar {
    /// A tab or a space separator (Unicode category Zs): Foundation's `CharacterSet.whitespaces`.
    @inline(__always)
    package var isHorizontalSpace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
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
