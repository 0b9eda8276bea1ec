import Foundation

/// A cheap test that rules a text out before a regular expression runs on it.
///
/// From a pattern it reads the literal texts every match must begin with
/// ("notif" for `notif(?:y|ication)`, "business associate" and "vendor" for
/// `business associate|vendor`). A text that contains none of them, compared
/// without case, cannot match, and the regex is skipped. Patterns whose matches
/// need not begin with a literal (`\w+`, `[A-Z]`, `^\W*`) get no prefilter:
/// every text goes to the regex. The test never changes a result, only how
/// fast it comes.
public struct LiteralPrefilter: Sendable {
    /// Lower-case ASCII prefixes, none of which has another as its own prefix, in byte order.
    let anchors: [[UInt8]]
    /// For each first byte, the anchors that start with it (a range of `anchors`).
    private let byFirstByte: [Range<Int>]
    /// The anchors' first bytes, as a bit set over ASCII.
    private let firstBytes: (UInt64, UInt64)
    /// Whether every match begins a word (the pattern is wrapped in `(?<![\w-])`):
    /// then an anchor counts only where no ASCII letter, digit, `_` or `-` precedes it.
    let wordStart: Bool
    /// What every match holds further on, when the pattern says (a text with an
    /// anchor but without these is ruled out too).
    private let required: RequiredLiterals?

    /// The prefilter of `pattern`, or nil when some match could begin without a literal.
    /// `wordStart`: the caller only looks for matches that begin a word.
    public init?(pattern: String, wordStart: Bool = false) {
        let (prefixes, _) = Self.literals(of: Array(pattern.utf8)[...], limits: .prefixes)
        self.init(anchors: prefixes.map(\.bytes), wordStart: wordStart, required: RequiredLiterals(pattern: pattern))
    }

    /// The prefilter of an alternation of patterns, from the prefilters of its
    /// alternatives (the anchors of reading the alternation itself, without the
    /// literals its matches hold further on); nil when any is nil.
    public init?(anyOf alternatives: [LiteralPrefilter?], wordStart: Bool) {
        var all: [[UInt8]] = []
        for alternative in alternatives {
            guard let alternative else { return nil }
            all += alternative.anchors
        }
        self.init(anchors: all, wordStart: wordStart)
    }

    /// A prefilter for a pattern every match of which begins with one of `literals`
    /// (a party's names): nil when one is empty or not plain ASCII, whose case folding
    /// a byte comparison could miss.
    public init?(literals: [String], wordStart: Bool) {
        guard literals.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        self.init(anchors: literals.map { $0.utf8.map(Self.lower) }, wordStart: wordStart)
    }

    /// Whether every anchor begins with `prefix` (so every match does).
    public func anchorsAllBegin(with prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        return anchors.allSatisfy { $0.starts(with: bytes) }
    }

    private init?(anchors prefixes: [[UInt8]], wordStart: Bool, required: RequiredLiterals? = nil) {
        guard !prefixes.isEmpty, !prefixes.contains([]) else { return nil }
        self.wordStart = wordStart
        self.required = required
        // a text holding "notif" holds every longer anchor's start too: keep the shortest
        let sorted = Set(prefixes).sorted {
            $0.count < $1.count || ($0.count == $1.count && $0.lexicographicallyPrecedes($1))
        }
        var kept: [[UInt8]] = []
        for anchor in sorted where !kept.contains(where: { anchor.starts(with: $0) }) { kept.append(anchor) }
        anchors = kept.sorted { $0.lexicographicallyPrecedes($1) }
        firstBytes = kept.reduce((0, 0)) { Self.adding($1[0], to: $0) }
        byFirstByte = Self.rangesByFirstByte(anchors)
    }

    /// For sorted, non-empty `strings`: the range of those starting with each byte.
    static func rangesByFirstByte(_ strings: [[UInt8]]) -> [Range<Int>] {
        var ranges = [Range<Int>](repeating: 0..<0, count: 256)
        var i = 0
        while i < strings.count {
            let first = strings[i][0]
            var j = i + 1
            while j < strings.count, strings[j][0] == first { j += 1 }
            ranges[Int(first)] = i..<j
            i = j
        }
        return ranges
    }

    /// Whether `text` may match: false only when it holds none of the anchors.
    public func mayMatch(_ text: some StringProtocol) -> Bool {
        earliestStart(in: text) != nil
    }

    /// Where in `text` a match may first begin (a UTF-16 offset): where an anchor first
    /// occurs; nil when none does, and so no match can; 0 for a text that cannot be folded.
    ///
    /// Most texts asked about once (a clause for a cross-reference, a definition) hold
    /// none: their bytes are looked through for an anchor's start first, lower-casing
    /// as they go, and only a text that has one, or has characters that may fold into
    /// one, is folded for the whole test.
    public func earliestStart(in text: some StringProtocol) -> Int? {
        var string = String(text)
        let ruledOut = string.withUTF8 { bytes -> Bool in
            var previousIsWord = false
            for start in 0..<bytes.count {
                let byte = bytes[start]
                // a text with other characters may hold one that case-folds into an anchor ("ſ")
                if byte >= 0x80 { return false }
                if !(wordStart && previousIsWord), anchorStarts(at: start, in: bytes, folded: false) { return false }
                previousIsWord = Self.continuesWord(Self.lower(byte))
            }
            return true
        }
        if ruledOut { return nil }
        guard let folded = FoldedText(string) else { return 0 }
        return earliestStart(in: folded)
    }

    /// Whether an anchor starts at `start` of `bytes`, compared with ASCII letters
    /// lower-cased unless the bytes are `folded` already (inlined, the test of a
    /// constant costs nothing). An ASCII byte no anchor begins with is passed over at once.
    @inline(__always)
    private func anchorStarts(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, folded: Bool) -> Bool {
        let first = folded ? bytes[start] : Self.lower(bytes[start])
        if first < 64 ? firstBytes.0 & (1 << UInt64(first)) == 0 : first < 128 && firstBytes.1 & (1 << UInt64(first - 64)) == 0 {
            return false
        }
        for k in byFirstByte[Int(first)] {
            let anchor = anchors[k]
            guard start + anchor.count <= bytes.count else { continue }
            var j = 1
            while j < anchor.count, (folded ? bytes[start + j] : Self.lower(bytes[start + j])) == anchor[j] { j += 1 }
            if j == anchor.count { return true }
        }
        return false
    }

    /// Whether a text already folded may match.
    public func mayMatch(_ text: FoldedText) -> Bool {
        firstAnchor(in: text) != nil
    }

    /// Where in a text already folded a match may first begin (a UTF-16 offset), nil
    /// when no match can. A search that starts there, seeing the text before it
    /// (`NSRegularExpression.matches(in:from:length:)`), finds what a search of the
    /// whole text finds: every match begins with an anchor.
    public func earliestStart(in text: FoldedText) -> Int? {
        firstAnchor(in: text).map(text.utf16Offset(ofByte:))
    }

    /// The byte offset of the first anchor in `text` (at a word's start for a `wordStart`
    /// prefilter), nil when there is none or a literal every match holds is missing.
    private func firstAnchor(in text: FoldedText) -> Int? {
        if wordStart {
            guard firstBytes.0 & text.wordFirstBytes.0 != 0 || firstBytes.1 & text.wordFirstBytes.1 != 0 else { return nil }
        }
        // this runs for every concept on every text: plain loops, no slices or closures
        let first = text.bytes.withUnsafeBufferPointer { bytes -> Int? in
            if wordStart {
                for start in text.wordStarts where anchorStarts(at: start, in: bytes, folded: true) { return start }
            } else {
                for start in 0..<bytes.count where anchorStarts(at: start, in: bytes, folded: true) { return start }
            }
            return nil
        }
        guard let first, required?.hold(in: text) ?? true else { return nil }
        return first
    }

    static func adding(_ byte: UInt8, to set: (UInt64, UInt64)) -> (UInt64, UInt64) {
        byte < 64 ? (set.0 | (1 << UInt64(byte)), set.1) : byte < 128 ? (set.0, set.1 | (1 << UInt64(byte - 64))) : set
    }

    // MARK: reading the pattern

    /// When to stop growing a set of literals: at `longEnough` bytes an anchor is
    /// selective enough; beyond `tooMany` strings a set is not worth growing.
    /// `exact`: the set must be exactly the pattern's matches, so a zero-width assertion
    /// (which prefixes may step over) ends the reading.
    struct Limits {
        var longEnough: Int
        var tooMany: Int
        var exact: Bool
        static let prefixes = Limits(longEnough: 12, tooMany: 64, exact: false)
        /// For reading a pattern's whole matches: no length limit.
        static let whole = Limits(longEnough: .max, tooMany: 48, exact: true)
    }

    private static let backslash = UInt8(ascii: "\\"), open = UInt8(ascii: "("), closing = UInt8(ascii: ")")
    private static let question = UInt8(ascii: "?"), star = UInt8(ascii: "*"), plus = UInt8(ascii: "+")
    private static let brace = UInt8(ascii: "{"), bar = UInt8(ascii: "|"), colon = UInt8(ascii: ":")
    private static let classOpen = UInt8(ascii: "["), classClose = UInt8(ascii: "]")
    private static let metacharacters = Set("()[]{}.^$|?*+".utf8)

    /// The literal texts every match of `pattern` begins with, and whether they are
    /// the whole of each match (so that what follows a group can extend them).
    static func literals(of pattern: ArraySlice<UInt8>, limits: Limits) -> (Set<LiteralBytes>, complete: Bool) {
        // contracts expand the same concept patterns around their own party names: the
        // unchanged parts are read once per process
        let key = LiteralCache.Key(
            pattern: String(decoding: pattern, as: UTF8.self), longEnough: limits.longEnough, tooMany: limits.tooMany,
            exact: limits.exact)
        if let known = literalCache.value(key) { return known }
        let read = readLiterals(of: pattern, limits: limits)
        literalCache.store(read, for: key)
        return read
    }

    private static let literalCache = LiteralCache()

    private static func readLiterals(of pattern: ArraySlice<UInt8>, limits: Limits) -> (Set<LiteralBytes>, complete: Bool) {
        var result = Set<LiteralBytes>()
        var complete = true
        for branch in split(pattern) {
            let (found, whole) = sequence(branch, limits: limits)
            result.formUnion(found)
            complete = complete && whole
        }
        return (result, complete)
    }

    /// Reads one alternative from the left, extending every prefix while the
    /// pattern stays literal; stops at the first construct it cannot enumerate.
    ///
    /// A run of single characters ("business associate") is collected and appended to
    /// every prefix at once, not one character at a time (a contract's party names made
    /// that most of the reading).
    private static func sequence(_ branch: ArraySlice<UInt8>, limits: Limits) -> (Set<LiteralBytes>, complete: Bool) {
        var prefixes: Set<LiteralBytes> = [[]]
        var shortest = 0  // the length of the shortest prefix
        var run: [UInt8] = []  // characters read since, to append to every prefix
        /// Appends each option to each prefix; false (leaving the prefixes as they were)
        /// when, past the first piece, the product would hold more than `tooMany` strings.
        func extend(_ options: Set<LiteralBytes>, optional: Bool) -> Bool {
            guard prefixes.count <= 1 || prefixes.count * (options.count + (optional ? 1 : 0)) <= limits.tooMany else {
                return false
            }
            var next = Set<LiteralBytes>(minimumCapacity: prefixes.count * (options.count + (optional ? 1 : 0)))
            for p in prefixes {
                if optional { next.insert(p) }
                for o in options { next.insert(p + o) }
            }
            prefixes = next
            shortest = prefixes.lazy.map(\.count).min() ?? 0
            return true
        }
        /// The prefixes with the run appended.
        func flushed() -> Set<LiteralBytes> {
            guard !run.isEmpty else { return prefixes }
            let piece = LiteralBytes(run)
            run.removeAll(keepingCapacity: true)
            prefixes = Set(prefixes.map { $0 + piece })
            shortest += piece.count
            return prefixes
        }
        var i = branch.startIndex
        while i < branch.endIndex {
            if prefixes.count > limits.tooMany || shortest + run.count >= limits.longEnough { return (flushed(), false) }
            let c = branch[i]
            var options: Set<LiteralBytes> = []  // a group's literals
            let end: Int  // the last byte of this piece
            var whole = true
            // a single character: the run takes it when no quantifier follows
            var single: ArraySlice<UInt8>?
            if c == open {
                guard let close = close(of: i, in: branch) else { return (flushed(), false) }
                if close == i + 3 && Array(branch[i..<close]) == Array("(?!".utf8) { return ([], true) }  // "(?!)" never matches
                if isLookaround(at: i, closing: close, in: branch) {
                    if limits.exact { return (flushed(), false) }
                    i = close + 1  // zero-width: the match's text is what follows
                    continue
                }
                let body: ArraySlice<UInt8>
                if branch[i + 1] == question {
                    // only a plain non-capturing group; flags start no literal
                    guard i + 2 < close, branch[i + 2] == colon else { return (flushed(), false) }
                    body = branch[(i + 3)..<close]
                } else {
                    body = branch[(i + 1)..<close]
                }
                let found = literals(of: body, limits: limits)
                options = found.0
                whole = found.complete
                end = close
            } else if c == backslash {
                guard i + 1 < branch.endIndex else { return (flushed(), false) }
                let escaped = branch[i + 1]
                if escaped == UInt8(ascii: "b") {
                    if limits.exact { return (flushed(), false) }
                    i += 2  // a word boundary is zero-width
                    continue
                }
                // \s, \w, \d, \u... are classes, not literals; non-ASCII may fold without case
                guard escaped < 0x80, !isAlphanumeric(escaped) else { return (flushed(), false) }
                single = [lower(escaped)]
                end = i + 1
            } else if c >= 0x80 {
                // a character without case ("§", curly quotes) is its own literal; others may fold
                guard let width = uncased(branch[i...]) else { return (flushed(), false) }
                single = branch[i..<(i + width)]
                end = i + width - 1
            } else {
                guard !metacharacters.contains(c) else { return (flushed(), false) }
                single = [lower(c)]
                end = i
            }
            let quantifier = end + 1 < branch.endIndex ? branch[end + 1] : nil
            if let single, quantifier == nil || ![question, star, brace, plus].contains(quantifier!) {
                run += single
                i = end + 1
                continue
            }
            let piece = single.map { [LiteralBytes(Array($0))] } ?? options
            _ = flushed()
            switch quantifier {
            case question?:
                guard extend(piece, optional: true) else { return (prefixes, false) }
                i = end + 2
            case star?, brace?:
                return (prefixes, false)
            case plus?:
                _ = extend(piece, optional: false)
                return (prefixes, false)
            default:
                guard extend(piece, optional: false) else { return (prefixes, false) }
                i = end + 1
            }
            if !whole { return (prefixes, false) }
        }
        return (flushed(), true)
    }

    /// The byte length of the non-ASCII character starting `bytes` when it has no case
    /// mappings (so a case-insensitive regex matches it only as itself), else nil.
    static func uncased(_ bytes: ArraySlice<UInt8>) -> Int? {
        let lead = bytes[bytes.startIndex]
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard width > 0, bytes.count >= width,
            let scalar = String(decoding: bytes.prefix(width), as: UTF8.self).unicodeScalars.first,
            scalar.value >= 0x80, !scalar.properties.changesWhenCaseMapped, !scalar.properties.changesWhenCaseFolded
        else { return nil }
        return width
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Whether the group opened at `start` (closing at `close`) is a zero-width look-ahead or look-behind.
    static func isLookaround(at start: Int, closing close: Int, in pattern: ArraySlice<UInt8>) -> Bool {
        let opener = Array(pattern[start..<min(start + 4, close)])
        return opener.starts(with: "(?=".utf8) || opener.starts(with: "(?!".utf8) || opener.starts(with: "(?<=".utf8)
            || opener.starts(with: "(?<!".utf8)
    }

    /// Whether a folded byte is one after which no anchor starts a word: a lower-case
    /// ASCII letter, a digit, `_` or `-`.
    @inline(__always)
    static func continuesWord(_ folded: UInt8) -> Bool {
        (folded >= 0x61 && folded <= 0x7A) || (folded >= 0x30 && folded <= 0x39) || folded == 0x5F || folded == 0x2D
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The alternatives of `pattern` at its top level.
    static func split(_ pattern: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var branches: [ArraySlice<UInt8>] = []
        var start = pattern.startIndex
        walk(pattern, from: pattern.startIndex) { i, byte, depth in
            if byte == bar && depth == 0 {
                branches.append(pattern[start..<i])
                start = i + 1
            }
            return true
        }
        branches.append(pattern[start..<pattern.endIndex])
        return branches
    }

    /// Where the group opened at `start` closes, or nil when it does not.
    static func close(of start: Int, in pattern: ArraySlice<UInt8>) -> Int? {
        var found: Int?
        walk(pattern, from: start) { i, byte, depth in
            if byte == closing && depth == 0 { found = i }
            return found == nil
        }
        return found
    }

    /// Visits the bytes of `pattern` from `start` that are outside escapes and character
    /// classes, with the group depth after each (an opening parenthesis counts itself);
    /// stops when `visit` returns false.
    private static func walk(_ pattern: ArraySlice<UInt8>, from start: Int, _ visit: (Int, UInt8, Int) -> Bool) {
        var depth = 0, inClass = false, i = start
        while i < pattern.endIndex {
            let c = pattern[i]
            if c == backslash {
                i += 2
                continue
            }
            if inClass {
                if c == classClose { inClass = false }
            } else if c == classOpen {
                inClass = true
            } else {
                if c == open { depth += 1 }
                if c == closing { depth -= 1 }
                if !visit(i, c, depth) { return }
            }
            i += 1
        }
    }
}

/// A literal's bytes, hashed in one call (an array of bytes hashes byte by byte,
/// which dominated reading a pattern's literals).
struct LiteralBytes: Hashable, ExpressibleByArrayLiteral {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(arrayLiteral elements: UInt8...) { bytes = elements }

    var count: Int { bytes.count }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func + (a: LiteralBytes, b: LiteralBytes) -> LiteralBytes { LiteralBytes(a.bytes + b.bytes) }
}

/// What `LiteralPrefilter.literals(of:limits:)` read from each (sub)pattern, shared
/// by threads; emptied when it holds about 4 MB, so that the party names of many
/// contracts cannot grow it without end.
private final class LiteralCache: @unchecked Sendable {
    struct Key: Hashable {
        var pattern: String
        var longEnough: Int
        var tooMany: Int
        var exact: Bool
    }
    private let lock = NSLock()
    private var entries: [Key: (Set<LiteralBytes>, complete: Bool)] = [:]
    private var bytes = 0
    private let budget = 4 << 20

    func value(_ key: Key) -> (Set<LiteralBytes>, complete: Bool)? {
        lock.withLock { entries[key] }
    }

    func store(_ value: (Set<LiteralBytes>, complete: Bool), for key: Key) {
        // roughly what an entry takes: its key, and each literal's bytes and array header
        let size = key.pattern.utf8.count + 64 + value.0.reduce(0) { $0 + $1.count + 48 }
        lock.withLock {
            if bytes + size > budget {
                entries.removeAll()
                bytes = 0
            }
            entries[key] = value
            bytes += size
        }
    }
}

/// A text's bytes with ASCII letters lower-cased, and where its words start, for
/// `LiteralPrefilter`. Fold a text once and test it against many prefilters.
public struct FoldedText {
    let bytes: [UInt8]
    /// Offsets not preceded by an ASCII letter, digit, `_` or `-`, where a letter, digit or other byte begins.
    let wordStarts: [Int]
    let wordFirstBytes: (UInt64, UInt64)
    /// Whether every byte is ASCII (so byte offsets are UTF-16 offsets).
    let isASCII: Bool

    /// Nil when the text has a character whose case folding could turn into ASCII
    /// letters ("ﬁ", "ß", the Kelvin sign): a case-insensitive regex matches those,
    /// a byte comparison would not, so such a text always goes to the regex.
    public init?(_ text: String) {
        var text = text
        var plain = true
        var starts: [Int] = []
        var firsts: (UInt64, UInt64) = (0, 0)
        bytes = text.withUTF8 { utf8 in
            [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, count in
                var previousIsWord = false
                for (i, byte) in utf8.enumerated() {
                    if byte >= 0x80 { plain = false }
                    let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    buffer[i] = folded
                    if !previousIsWord {
                        starts.append(i)
                        firsts = LiteralPrefilter.adding(folded, to: firsts)
                    }
                    previousIsWord = LiteralPrefilter.continuesWord(folded)
                }
                count = utf8.count
            }
        }
        if !plain, Self.foldsToASCII(text) { return nil }
        wordStarts = starts
        wordFirstBytes = firsts
        isASCII = plain
    }

    /// The UTF-16 offset of the character that starts at byte `offset`.
    func utf16Offset(ofByte offset: Int) -> Int {
        if isASCII { return offset }
        var units = 0
        // one unit per character, two for one beyond the BMP (a 4-byte sequence)
        for byte in bytes[..<offset] where byte & 0xC0 != 0x80 { units += byte >= 0xF0 ? 2 : 1 }
        return units
    }

    /// Whether `text` has a non-ASCII character that changes when case-folded, which a
    /// case-insensitive regex may match as ASCII letters ("ſ" as "s").
    public static func foldsToASCII(_ text: String) -> Bool {
        text.unicodeScalars.contains { !$0.isASCII && $0.properties.changesWhenCaseFolded }
    }

    func has(_ anchor: [UInt8], at offset: Int) -> Bool {
        guard offset + anchor.count <= bytes.count else { return false }
        var j = 0
        while j < anchor.count {
            if bytes[offset + j] != anchor[j] { return false }
            j += 1
        }
        return true
    }
}
