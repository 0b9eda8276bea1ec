import ContractModel
import Foundation

/// Word's automatic numbering from numbering.xml: the list definitions, the
/// running counters and the rendering of a paragraph's number exactly as Word
/// shows it ("4.2", "Section 4.02", "ARTICLE IV", "(iii)", "•").
package struct WordNumbering {
    package struct Level {
        var start = 0
        var numFmt = "decimal"
        var lvlText = ""
        var isLgl = false
        /// 1-based level after which this level restarts; 0 = never; nil = after any shallower level.
        var restart: Int?
        var pStyle: String?
    }

    struct AbstractNum {
        var levels: [Int: Level] = [:]
        var numStyleLink: String?
        var styleLink: String?
    }

    struct Num {
        var abstractId: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
        var hasOverrides: Bool { !startOverrides.isEmpty || !levelOverrides.isEmpty }
    }

    private var abstracts: [Int: AbstractNum] = [:]
    private var nums: [Int: Num] = [:]
    private var styles = WordStyles()
    /// Counters per list: an abstractNum shared by its nums, or a num with overrides on its own.
    private var counters: [String: [Int?]] = [:]
    /// paragraph style id -> (numId, ilvl) from abstractNum w:lvl/w:pStyle links.
    private var styleLevels: [String: (numId: Int, ilvl: Int)] = [:]

    package init() {}

    package init(root: XElement, styles: WordStyles) {
        self.styles = styles
        for e in root.elements where e.ns == .w {
            if e.name == "abstractNum", let id = e.attr("abstractNumId").flatMap(Int.init) {
                var a = AbstractNum()
                a.numStyleLink = e.child("numStyleLink")?.attr("val")
                a.styleLink = e.child("styleLink")?.attr("val")
                for l in e.elements where l.ns == .w && l.name == "lvl" {
                    guard let ilvl = l.attr("ilvl").flatMap(Int.init), (0...8).contains(ilvl) else { continue }
                    a.levels[ilvl] = Self.parseLevel(l)
                }
                abstracts[id] = a
            } else if e.name == "num", let id = e.attr("numId").flatMap(Int.init),
                let abstractId = e.child("abstractNumId")?.attr("val").flatMap(Int.init)
            {
                var n = Num(abstractId: abstractId)
                for o in e.elements where o.ns == .w && o.name == "lvlOverride" {
                    guard let ilvl = o.attr("ilvl").flatMap(Int.init), (0...8).contains(ilvl) else { continue }
                    if let s = o.child("startOverride")?.attr("val").flatMap(Int.init) { n.startOverrides[ilvl] = Self.clamp(s) }
                    if let l = o.child("lvl") { n.levelOverrides[ilvl] = Self.parseLevel(l) }
                }
                nums[id] = n
            }
        }
        // pStyle links: the first num (lowest id) using each abstractNum
        var firstNum: [Int: Int] = [:]
        for (id, n) in nums.sorted(by: { $0.key < $1.key }) where firstNum[n.abstractId] == nil {
            firstNum[n.abstractId] = id
        }
        for (aid, a) in abstracts {
            for (ilvl, l) in a.levels {
                if let s = l.pStyle, let numId = firstNum[aid], styleLevels[s] == nil { styleLevels[s] = (numId, ilvl) }
            }
        }
    }

    /// Start values stay small enough that counting can never overflow.
    static func clamp(_ n: Int) -> Int { min(max(n, 0), 1_000_000) }

    private static func parseLevel(_ l: XElement) -> Level {
        var level = Level()
        func apply(_ c: XElement) {
            guard c.ns == .w else { return }
            switch c.name {
            case "start": level.start = clamp(c.attr("val").flatMap(Int.init) ?? 0)
            case "numFmt": level.numFmt = c.attr("val") ?? "decimal"
            case "lvlText": level.lvlText = c.attr("val") ?? ""
            case "isLgl": level.isLgl = c.isOn
            case "lvlRestart": level.restart = c.attr("val").flatMap(Int.init)
            case "pStyle": level.pStyle = c.attr("val")
            case "lvlPicBulletId": level.numFmt = "bullet"
            default: break
            }
        }
        for c in l.elements {
            if c.ns == .mc, c.name == "AlternateContent" {
                // w14 custom formats sit in mc:Choice; the Fallback has a standard one
                if let f = c.elements.first(where: { $0.ns == .mc && $0.name == "Fallback" }) {
                    f.elements.forEach(apply)
                }
            } else {
                apply(c)
            }
        }
        return level
    }

    /// The numbering a paragraph gets: from its own w:numPr (numId, ilvl), else
    /// from its style (basedOn chain) or an abstractNum level linked to the style.
    package func resolve(numId: Int?, ilvl: Int?, style: String?) -> (numId: Int, ilvl: Int)? {
        if let numId {
            if numId == 0 { return nil }
            if let ilvl { return (numId, ilvl) }
            if let style, let s = styles.numbering(style), let l = s.ilvl { return (numId, l) }
            if let style, let link = styleLevels[style] { return (numId, link.ilvl) }
            return (numId, 0)
        }
        guard let style else { return nil }
        if let s = styles.numbering(style) {
            if s.numId == 0 { return nil }
            if let l = ilvl ?? s.ilvl { return (s.numId, l) }
            if let link = styleLevels[style] { return (s.numId, link.ilvl) }
            return (s.numId, 0)
        }
        if let link = styleLevels[style] { return (link.numId, ilvl ?? link.ilvl) }
        return nil
    }

    /// The abstractNum behind a num, following numStyleLink to the numbering style's list.
    private func abstractNum(for num: Num) -> AbstractNum? {
        var a = abstracts[num.abstractId]
        var hops = 0
        while let link = a?.numStyleLink, hops < 8 {
            hops += 1
            guard let s = styles.numbering(link), let n = nums[s.numId], let target = abstracts[n.abstractId] else { break }
            a = target
        }
        return a
    }

    /// Counts the paragraph into its list and returns its label as Word renders
    /// it ("" for numFmt none or an empty lvlText), or `nil` if the numbering is undefined.
    package mutating func next(numId: Int, ilvl rawLevel: Int) -> String? {
        guard let num = nums[numId], let abstract = abstractNum(for: num) else { return nil }
        let ilvl = min(max(rawLevel, 0), 8)
        func level(_ i: Int) -> Level { num.levelOverrides[i] ?? abstract.levels[i] ?? Level() }
        func start(_ i: Int) -> Int { num.startOverrides[i] ?? level(i).start }
        let key = num.hasOverrides ? "n\(numId)" : "a\(num.abstractId)"
        var c = counters[key] ?? Array(repeating: nil, count: 9)
        if let v = c[ilvl] { c[ilvl] = min(v, Int.max / 2) + 1 } else { c[ilvl] = start(ilvl) }
        for d in (ilvl + 1)..<9 {
            let r = level(d).restart
            if r == nil || (r! > 0 && ilvl < r!) { c[d] = nil }
        }
        counters[key] = c
        let current = level(ilvl)
        if current.numFmt == "bullet" { return "\u{2022}" }
        var out = ""
        var chars = current.lvlText.unicodeScalars.makeIterator()
        while let ch = chars.next() {
            guard ch == "%" else {
                out.unicodeScalars.append(ch)
                continue
            }
            guard let d = chars.next() else { break }
            guard let k = Int(String(d)), (1...9).contains(k) else {
                out.unicodeScalars.append(ch)
                out.unicodeScalars.append(d)
                continue
            }
            let i = k - 1
            var fmt = level(i).numFmt
            if current.isLgl, fmt != "decimalZero" { fmt = "decimal" }
            out += NumberFormat.render(c[i] ?? start(i), format: fmt)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

/// Number formats of w:numFmt.
package enum NumberFormat {
    package static func render(_ n: Int, format: String) -> String {
        switch format {
        case "decimal": return String(n)
        case "decimalZero": return n >= 0 && n < 10 ? "0\(n)" : String(n)
        case "upperRoman": return roman(n)
        case "lowerRoman": return roman(n).lowercased()
        case "upperLetter": return letter(n)
        case "lowerLetter": return letter(n).lowercased()
        case "ordinal": return ordinal(n)
        case "cardinalText": return capitalized(words(n))
        case "ordinalText": return capitalized(ordinalWords(n))
        case "none", "bullet": return ""
        case "decimalEnclosedParen": return "(\(n))"
        case "decimalEnclosedFullstop": return "\(n)."
        case "decimalEnclosedCircle":
            return (1...20).contains(n) ? String(UnicodeScalar(UInt32(0x2460 + n - 1))!) : String(n)
        default: return String(n)
        }
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        return Roman.numeral(n).uppercased()
    }

    /// Word's letters: A..Z, then AA, BB, ... ZZ, AAA ...
    static func letter(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        let ch = Character(UnicodeScalar(UInt8(65 + (n - 1) % 26)))
        return String(repeating: ch, count: min((n - 1) / 26 + 1, 50))
    }

    static func ordinal(_ n: Int) -> String {
        let tens = abs(n) % 100
        let suffix =
            (11...13).contains(tens) ? "th" : [1: "st", 2: "nd", 3: "rd"][abs(n) % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    private static let ones = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    private static let tensWords = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    static func words(_ n: Int) -> String {
        guard n >= 0, n < 1_000_000 else { return String(n) }
        if n < 20 { return ones[n] }
        if n < 100 { return tensWords[n / 10] + (n % 10 == 0 ? "" : "-" + ones[n % 10]) }
        if n < 1000 { return ones[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + words(n % 100)) }
        return words(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + words(n % 1000))
    }

    static func ordinalWords(_ n: Int) -> String {
        let w = words(n)
        let irregular = [
            "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
            "twelve": "twelfth",
        ]
        // change the last word only
        var parts = w.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard var last = parts.popLast() else { return w }
        var hyphen = last.split(separator: "-").map(String.init)
        var tail = hyphen.removeLast()
        if let irr = irregular[tail] {
            tail = irr
        } else if tail.hasSuffix("y") {
            tail = String(tail.dropLast()) + "ieth"
        } else {
            tail += "th"
        }
        hyphen.append(tail)
        last = hyphen.joined(separator: "-")
        parts.append(last)
        return parts.joined(separator: " ")
    }

    private static func capitalized(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }
}
