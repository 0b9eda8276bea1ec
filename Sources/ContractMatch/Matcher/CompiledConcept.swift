import ContractModel
import Foundation

/// The regex of a concept's patterns (`expanded`, an alternation), matched as whole
/// words without case, an inflection allowed ("train" also reads "trains", "trained",
/// "training"): `(?<![\w-])(?:EXPANDED)(?:s|es|ed|d|ing)?(?!\w)`, case-insensitive.
///
/// Only the words are made case-insensitive, in an `(?i:...)` group: ICU closes every
/// character class of a case-insensitive pattern over case when it compiles it, and
/// for the `\w` around the words that took most of the compile time, for nothing:
/// `\w` and `[\w-]` hold the same characters either way (checked over every code
/// point), so the regex matches exactly where the all-case-insensitive one does.
func wholeWordsRegex(_ expanded: String) -> NSRegularExpression? {
    try? NSRegularExpression(pattern: #"(?<![\w-])(?i:(?:"# + expanded + #")(?:s|es|ed|d|ing)?)(?!\w)"#)
}

/// One pattern of a concept, its placeholders filled in: its prefilter, and, read
/// on first use (after a text passed the concept's prefilter), its words when it
/// is nothing more, or else its regex.
final class ConceptPattern: @unchecked Sendable {
    let expanded: String
    let prefilter: LiteralPrefilter?
    private let lock = NSLock()
    private var literalWords: WordLiterals??
    private var compiled: NSRegularExpression??

    /// `prefilter`: one known to hold for the pattern (nil: read it from the pattern);
    /// `mayBeWords`: false when the pattern is known to be more than words.
    init(_ expanded: String, prefilter: LiteralPrefilter? = nil, mayBeWords: Bool = true) {
        self.expanded = expanded
        self.prefilter = prefilter ?? LiteralPrefilter(pattern: expanded, wordStart: true)
        if !mayBeWords { literalWords = .some(nil) }
    }

    /// Where a match may first begin in `text` (a UTF-16 offset; 0 without a prefilter),
    /// nil when the prefilter rules the text out.
    func earliestStart(in text: FoldedText) -> Int? {
        guard let prefilter else { return 0 }
        return prefilter.earliestStart(in: text)
    }

    /// The pattern's words when it is nothing else, matched without the regex.
    var words: WordLiterals? {
        lock.withLock {
            if let literalWords { return literalWords }
            let words = WordLiterals(pattern: expanded)
            literalWords = .some(words)
            return words
        }
    }

    var regex: NSRegularExpression? {
        lock.withLock {
            if let compiled { return compiled }
            let regex = wholeWordsRegex(expanded)
            compiled = .some(regex)
            return regex
        }
    }
}

/// A concept for one contract: its patterns, a prefilter that rules out a text
/// none of them can match, and the regex of all of them (compiled on first use,
/// for finding where the concept occurs). A concept some of whose patterns name
/// the contract's parties is built on a `base`: the concept of its other
/// patterns, read once for every contract.
final class CompiledConcept: @unchecked Sendable {
    /// Every pattern, in the library's order.
    let patterns: [ConceptPattern]
    /// Rule out a text that none of them passes (nil: every text may match): the base's,
    /// read once for every contract, and this concept's own patterns' together.
    private let prefilters: [LiteralPrefilter]?
    private let base: CompiledConcept?
    /// The patterns not in `base`.
    private let own: [ConceptPattern]
    private let lock = NSLock()
    private var compiled: NSRegularExpression??
    private var split: (words: [WordLiterals], others: [ConceptPattern])?

    /// The concept of `patterns`, of which those not in `own` are `base`'s (all when `base` is nil).
    init(_ patterns: [ConceptPattern], base: CompiledConcept? = nil, own: [ConceptPattern]? = nil) {
        self.patterns = patterns
        self.base = base
        self.own = own ?? patterns
        // a concept whose every pattern has a prefilter has one; the base's anchors are not merged
        // (and sorted) again for every contract
        let ownPrefilters = self.own.isEmpty ? [] : LiteralPrefilter(anyOf: self.own.map(\.prefilter), wordStart: true).map { [$0] }
        if let base {
            prefilters = base.prefilters.flatMap { inherited in ownPrefilters.map { inherited + $0 } }
        } else {
            prefilters = self.own.isEmpty ? nil : ownPrefilters
        }
    }

    /// Whether `text` may hold one of the patterns: false only when it holds none of the
    /// words their matches begin with.
    func mayMatch(_ text: FoldedText) -> Bool {
        prefilters?.contains { $0.mayMatch(text) } ?? true
    }

    /// The words of the patterns that are nothing but words, and the other patterns. The
    /// words come as the base's, merged once for every contract, and this concept's own,
    /// merged here: a contract does not sort the base's hundreds of words again.
    var parts: (words: [WordLiterals], others: [ConceptPattern]) {
        let inherited = base?.parts
        return lock.withLock {
            if let split { return split }
            var words: [WordLiterals] = []
            var others: [ConceptPattern] = inherited?.others ?? []
            for pattern in own {
                if let w = pattern.words { words.append(w) } else { others.append(pattern) }
            }
            let parts = (words: (inherited?.words ?? []) + (words.isEmpty ? [] : [WordLiterals(anyOf: words)]), others: others)
            split = parts
            return parts
        }
    }

    /// The regex of the whole concept: an alternation of its patterns.
    var regex: NSRegularExpression? {
        lock.withLock {
            if let compiled { return compiled }
            let regex = wholeWordsRegex(patterns.map(\.expanded).joined(separator: "|"))
            compiled = .some(regex)
            return regex
        }
    }
}

/// A concept of the library, read once per process: its patterns, those without
/// placeholders compiled (and together, the `base` of every contract's concept),
/// and for those with placeholders what holds whatever the contract fills in.
final class ConceptTemplate: @unchecked Sendable {
    /// The library's patterns, as it has them.
    let raw: [String]
    /// The same, wrapped in a group each: `(?:PATTERN)`.
    let patterns: [String]
    /// For each pattern, its compiled form when it has no placeholder.
    let shared: [ConceptPattern?]
    /// The concept of the patterns without placeholders (nil when there are none).
    let base: CompiledConcept?
    /// For each pattern with placeholders, a prefilter read with its placeholders
    /// standing for any text: it holds whatever names a contract fills in (nil when the
    /// placeholders leave no literal every match begins with).
    let prefilters: [LiteralPrefilter?]
    /// For each pattern with placeholders, the placeholder it begins with (`{vendor}`):
    /// that side's names begin every match.
    let leading: [String?]
    /// For each pattern with placeholders, how many words it is with one word for
    /// each placeholder (nil when it is more than words): filled in with a contract's
    /// names, it has that many times as many.
    let wordCounts: [Int?]
    /// For each pattern, how many times it names each of `{vendor}`, `{customer}` and `{data}`.
    private let placeholderUses: [[String: Int]]
    /// Tells templates apart in `ConceptCache`'s keys.
    let serial: Int

    init(_ raw: [String], serial: Int, hasPlaceholder: (String) -> Bool, cache: ConceptCache) {
        self.raw = raw
        patterns = raw.map { "(?:\($0))" }
        self.serial = serial
        shared = patterns.map { hasPlaceholder($0) ? nil : cache.pattern($0) }
        let compiled = shared.compactMap { $0 }
        base = compiled.isEmpty ? nil : CompiledConcept(compiled)
        prefilters = zip(patterns, shared).map { pattern, shared in
            shared == nil ? LiteralPrefilter(pattern: Self.filling(pattern, with: #"\w"#), wordStart: true) : nil
        }
        leading = zip(raw, patterns).map { raw, pattern in
            // every match begins with the placeholder's text when, that placeholder marked with
            // a character of its own and the others standing for any text, every anchor begins
            // with the mark ("{vendor} shall", not "{vendor}|the vendor" or "{vendor}? shall")
            guard let key = Self.nameSlots.first(where: { raw.hasPrefix($0) }) else { return nil }
            let marked = Self.filling(pattern.replacingOccurrences(of: key, with: Self.mark), with: #"\w"#)
            return LiteralPrefilter(pattern: marked, wordStart: true)?.anchorsAllBegin(with: Self.mark) == true ? key : nil
        }
        placeholderUses = raw.map { pattern in
            var uses: [String: Int] = [:]
            for key in Self.nameSlots {
                let n = pattern.components(separatedBy: key).count - 1
                if n > 0 { uses[key] = n }
            }
            return uses
        }
        wordCounts = zip(patterns, shared).map { pattern, shared in
            shared == nil ? WordLiterals(pattern: Self.filling(pattern, with: "x"))?.count : nil
        }
    }

    /// Whether pattern `i`, filled in with `names` for its placeholders, may be few enough
    /// words to list (`WordLiterals` gives up past 48): listing a long product only to give
    /// up costs more than the regex it saves. A guess that only decides how fast the answer comes.
    func mayBeWords(_ i: Int, names: [String: [String]]) -> Bool {
        guard var count = wordCounts[i] else { return false }
        for (key, uses) in placeholderUses[i] {
            for _ in 0..<uses { count *= max(1, names[key]?.count ?? 1) }
        }
        return count <= 48
    }

    /// The placeholders a contract fills with its own names and data terms.
    static let nameSlots = Lexicon.builtIn.sorted().map { "{\($0)}" }

    /// A character without case that no pattern uses (private use).
    private static let mark = "\u{E000}"

    /// `pattern` with `standIn` for each placeholder: `{vendor}`, `{customer}`, `{data}`,
    /// `{defined:NAME}` (not a repetition such as `{0,3}`, nor an escaped `\{`).
    static func filling(_ pattern: String, with standIn: String) -> String {
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            let escaped = open > rest.startIndex && rest[rest.index(before: open)] == "\\"
            guard !escaped, let close = rest[after...].firstIndex(of: "}"),
                Lexicon.builtIn.contains(String(rest[after..<close])) || rest[after..<close].hasPrefix("defined:")
            else {
                out += rest[...open]
                rest = rest[after...]
                continue
            }
            out += rest[..<open] + standIn
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Whether every pattern is the same in every contract.
    var isShared: Bool { shared.allSatisfy { $0 != nil } }
}

/// Compiled patterns and concepts shared between contracts and threads. Patterns
/// without placeholders read the same in every contract and are kept (a library
/// has about a thousand); those with a contract's names in them, and the concepts
/// built of them, recur only among contracts that share the names, data terms or
/// definitions, and are kept while there are at most `contractLimit` of each (a
/// compiled regex takes some kilobytes).
final class ConceptCache: @unchecked Sendable {
    private let lock = NSLock()
    private var patterns: [String: ConceptPattern] = [:]
    private var templates: [String: ConceptTemplate] = [:]
    private var contractPatterns: [String: ConceptPattern] = [:]
    private var contractConcepts: [ContractConcept: CompiledConcept] = [:]
    private var serials = 0
    private let limit = 4096
    private let contractLimit = 512

    private var alternations: [[String]: NSRegularExpression?] = [:]

    private struct ContractConcept: Hashable {
        var template: Int
        var own: [String]
    }

    /// The pattern `expanded` (wrapped in a group), the same in every contract.
    func pattern(_ expanded: String) -> ConceptPattern {
        lock.withLock { Self.entry(expanded, in: &patterns, limit: limit) { ConceptPattern(expanded) } }
    }

    /// The pattern `expanded`, which holds a contract's own names; `make` reads it when it is new.
    func contractPattern(_ expanded: String, make: () -> ConceptPattern) -> ConceptPattern {
        lock.withLock { Self.entry(expanded, in: &contractPatterns, limit: contractLimit, make: make) }
    }

    /// The template of concept `name` with library patterns `raw`, made again when the
    /// library's patterns for the name changed (another library in the same process).
    func template(_ name: String, _ raw: [String], hasPlaceholder: (String) -> Bool) -> ConceptTemplate {
        if let known = lock.withLock({ templates[name] }), known.raw == raw { return known }
        let made = ConceptTemplate(raw, serial: lock.withLock { serials += 1; return serials }, hasPlaceholder: hasPlaceholder, cache: self)
        lock.withLock {
            if templates.count >= limit { templates.removeAll(keepingCapacity: true) }
            templates[name] = made
        }
        return made
    }

    /// The concept of `template` for a contract whose own patterns (those with
    /// placeholders, filled in) are `own`, in the template's order.
    func concept(_ template: ConceptTemplate, own: [ConceptPattern]) -> CompiledConcept {
        let key = ContractConcept(template: template.serial, own: own.map(\.expanded))
        return lock.withLock {
            Self.entry(key, in: &contractConcepts, limit: contractLimit) {
                var next = own.makeIterator()
                let all = template.shared.map { $0 ?? next.next()! }
                return CompiledConcept(all, base: template.base, own: own)
            }
        }
    }

    /// The regex of the alternation of `patterns` (one pattern's own regex), kept while
    /// there are at most `contractLimit` (a concept's patterns found in one text).
    func alternation(_ patterns: [ConceptPattern]) -> NSRegularExpression? {
        if patterns.count == 1 { return patterns[0].regex }
        let key = patterns.map(\.expanded)
        return lock.withLock {
            Self.entry(key, in: &alternations, limit: contractLimit) {
                wholeWordsRegex(key.joined(separator: "|"))
            }
        }
    }

    private static func entry<Key: Hashable, Value>(_ key: Key, in table: inout [Key: Value], limit: Int, make: () -> Value) -> Value {
        if let hit = table[key] { return hit }
        if table.count >= limit { table.removeAll(keepingCapacity: true) }
        let value = make()
        table[key] = value
        return value
    }
}
