/// Undoes hyphenation at line ends using the document's own vocabulary.
///
/// For "Intellec-" + "tual": join when the joined word occurs elsewhere in the
/// document; keep the hyphen when the hyphenated form occurs elsewhere, or the
/// head is a compound prefix (anti, non, pre, co, self, multi, re, ...) and the
/// tail is a word of its own; otherwise join (typesetters hyphenate inside
/// words far more often than they break compounds).
package struct Dehyphenator {
    /// Lower-cased words (letter runs) seen in the document, outside line-end breaks.
    private var words: Set<String> = []
    /// Lower-cased hyphenated compounds seen whole ("pre-paid").
    private var compounds: Set<String> = []

    static let prefixes: Set<String> = [
        "anti", "non", "pre", "co", "self", "multi", "re", "post", "sub", "inter", "intra", "cross", "semi",
        "well", "cyber", "third", "over", "under", "ex", "quasi", "e",
    ]

    static let tens: Set<String> = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let units: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

    /// How a line that ends in a hyphen continues.
    package enum Join: Equatable {
        /// Not a hyphenation break: join the lines with a space.
        case space
        /// Drop the hyphen and join ("Intellec-" + "tual").
        case join
        /// Keep the hyphen and join ("pre-" + "paid").
        case keepHyphen
        /// A dash set apart ("term -" + "including"): keep it, spaces around.
        case dash
    }

    /// Learns the vocabulary from the lines of the document in reading order:
    /// every space-separated token except the two halves of a line-end break
    /// (the last token of a broken line and the first of the line after it).
    /// Works on the UTF-8 bytes: this runs over every word of the document.
    package init(lines: [String]) {
        var previousBroken = false
        var scratch = Scratch()
        for var line in lines {
            let broken = Self.hyphenBreak(line) != nil
            line.withUTF8 { bytes in
                // a token is added once the next one starts, so the last one can be left out
                var pending: Range<Int>?
                var pendingIsFirst = false
                var count = 0
                func addPending() {
                    if let p = pending, !(pendingIsFirst && previousBroken) { add(bytes, p, &scratch) }
                }
                func token(_ range: Range<Int>) {
                    addPending()
                    pending = range
                    pendingIsFirst = count == 0
                    count += 1
                }
                var start = -1
                var i = 0
                while i < bytes.count {
                    let (u, length) = PDFText.scalar(in: bytes, at: i)
                    if PDFText.isSpace(u) {
                        if start >= 0 { token(start..<i) }
                        start = -1
                    } else if start < 0 {
                        start = i
                    }
                    i += length
                }
                if start >= 0 { token(start..<bytes.count) }
                if !broken { addPending() }
            }
            previousBroken = broken
        }
    }

    /// Byte buffers reused from one token to the next.
    private struct Scratch {
        var current: [UInt8] = []
        var whole: [UInt8] = []
    }

    /// Adds the letter runs of one token (UTF-8 `bytes[range]`) to `words`, and
    /// its hyphenated compound, if it is one, to `compounds`.
    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ scratch: inout Scratch) {
        // both built lower-cased as they go, as UTF-8
        scratch.current.removeAll(keepingCapacity: true)
        scratch.whole.removeAll(keepingCapacity: true)
        var hasHyphen = false
        let hyphen = UInt8(ascii: "-")
        var i = range.lowerBound
        while i < range.upperBound {
            let (u, length) = PDFText.scalar(in: bytes, at: i)
            i += length
            if PDFText.isLetter(u) {
                if u.value < 0x80 {
                    let lower = UInt8(u.value | 0x20)
                    scratch.current.append(lower)
                    scratch.whole.append(lower)
                } else {
                    let utf8 = u.properties.lowercaseMapping.utf8
                    scratch.current += utf8
                    scratch.whole += utf8
                }
                continue
            }
            if !scratch.current.isEmpty { words.insert(String(decoding: scratch.current, as: UTF8.self)) }
            scratch.current.removeAll(keepingCapacity: true)
            if u == "-" || u == "\u{2010}", !scratch.whole.isEmpty, scratch.whole.last != hyphen {
                scratch.whole.append(hyphen)
                hasHyphen = true
            } else if !scratch.whole.isEmpty {
                if hasHyphen, scratch.whole.last != hyphen { compounds.insert(String(decoding: scratch.whole, as: UTF8.self)) }
                scratch.whole.removeAll(keepingCapacity: true)
                hasHyphen = false
            }
        }
        if !scratch.current.isEmpty { words.insert(String(decoding: scratch.current, as: UTF8.self)) }
        if hasHyphen, scratch.whole.last != hyphen, !scratch.whole.isEmpty {
            compounds.insert(String(decoding: scratch.whole, as: UTF8.self))
        }
    }

    /// The line without its break hyphen and whether a space preceded it, when
    /// the line ends in a hyphen after a letter ("Intellec-", "Intellec -").
    static func hyphenBreak(_ line: String) -> (head: Substring, spaced: Bool)? {
        // fast exit for the common case: the line does not end in - U+2010 U+00AD (then spaces)
        var bytes = line.utf8.reversed().drop(while: { $0 == 0x20 }).makeIterator()
        switch bytes.next() {
        case 0x2D: break
        case 0x90: guard bytes.next() == 0x80, bytes.next() == 0xE2 else { return nil }
        case 0xAD: guard bytes.next() == 0xC2 else { return nil }
        default: return nil
        }
        var s = Substring(line)
        while let last = s.last, last == " " { s = s.dropLast() }
        guard let last = s.last, last == "-" || last == "\u{2010}" || last == "\u{00AD}" else { return nil }
        s = s.dropLast()
        var spaced = false
        if s.last == " " {
            spaced = true
            while s.last == " " { s = s.dropLast() }
        }
        guard let c = s.last, c.isLetter else { return nil }
        return (s, spaced)
    }

    /// The longest end of `text` whose characters all satisfy `test`.
    private static func suffix(of text: Substring, while test: (Character) -> Bool) -> Substring {
        var start = text.endIndex
        while start > text.startIndex {
            let before = text.index(before: start)
            guard test(text[before]) else { break }
            start = before
        }
        return text[start...]
    }

    /// How `line` (ending in a hyphen) continues into `next`.
    package func decide(_ line: String, _ next: String) -> Join {
        guard let (head, spaced) = Self.hyphenBreak(line) else { return .space }
        let nextTrimmed = next.drop(while: { $0 == " " })
        let tail = nextTrimmed.prefix(while: \.isLetter)
        guard let first = tail.first else { return spaced ? .dash : .keepHyphen }
        let headWord = Self.suffix(of: head, while: \.isLetter)
        let headLetters = headWord.lowercased()
        let tailLower = tail.lowercased()
        if line.last == "\u{00AD}" { return .join }  // a soft hyphen is always a break
        // the whole token before the break, for compounds like "conflict-of-"
        let headToken = Self.suffix(of: head, while: { $0 != " " })
        let compound = (headToken + "-" + tail).lowercased().drop(while: { !$0.isLetter })
        // compound numbers keep their hyphen: "forty-" + "eight"
        if Self.tens.contains(headLetters), Self.units.contains(tailLower) { return .keepHyphen }
        if words.contains(headLetters + tailLower), first.isLowercase || headWord.last?.isUppercase == true {
            return .join
        }
        if compounds.contains(String(compound)) { return .keepHyphen }
        if Self.prefixes.contains(headLetters), words.contains(tailLower) { return .keepHyphen }
        if first.isUppercase { return spaced ? .dash : .keepHyphen }  // "non-|Covered", "Anti-|Kickback"
        if spaced, words.contains(headLetters), words.contains(tailLower) { return .dash }
        return .join
    }
}
