import ContractModel
import Foundation

/// Reads the predicates of a sentence: obligations (shall, will, must, agrees
/// to), prohibitions (shall not, may not, is prohibited from, in no event
/// shall, no ... shall) and permissions (may, is permitted to, reserves the
/// right to, grants ... a license), with who they bind, what they cover and
/// their exceptions.
public struct StatementReader: Sendable {
    /// Recognises the parties' names in subjects.
    public var parties: PartyLexicon

    public init(parties: PartyLexicon) {
        self.parties = parties
    }

    private static let modalRegex: NSRegularExpression = {
        let prohibition = [
            #"\b(?:shall|will|must|may|can|should)\s+(?:not|never)\b(?:\s+(?:be\s+)?(?:permitted|allowed|authorized|entitled)\s+to)?"#,
            // "is not" alone is a description ("a disclosure that is not permitted"); "is not permitted to" binds
            #"\b(?:is|are|does|do)\s+not\s+(?:be\s+)?(?:permitted|allowed|authorized|entitled)\s+to\b"#,
            #"\b(?:shall|will|may)\s+in\s+no\s+(?:event|case|circumstances?)\b"#,
            #"\bin\s+no\s+(?:event|case)\s+(?:shall|will|may)\b"#,
            #"\bunder\s+no\s+circumstances\s+(?:shall|will|may)\b"#,
            #"\b(?:shall|will|may)n['\u2019]t\b|\bcannot\b|\bwon['\u2019]t\b"#,
            #"\b(?:is|are)\s+(?:strictly\s+)?(?:prohibited|forbidden|barred|restricted)\s+from\b"#,
            #"\bagrees?\s+(?:that\s+it\s+(?:shall|will)\s+)?not\s+to\b"#,
            #"\b(?:shall|will|must)\s+refrain\s+from\b"#,
            #"\bneither\b[^.;]{0,80}?\bnor\b[^.;]{0,80}?\b(?:shall|will|may)\b"#,
        ]
        let permission = [
            #"\b(?:is|are|shall\s+be|will\s+be)\s+(?:hereby\s+)?(?:permitted|entitled|authorized|allowed|free)\s+to\b"#,
            #"\b(?:reserves?|has|have|retains?|shall\s+have|will\s+have)\s+the\s+(?:right|option|discretion)\s+to\b"#,
            #"\b(?:hereby\s+)?grants?\b"#,
            #"\b(?:hereby\s+)?(?:consents?|agrees?)\s+to\s+(?:the\s+)?(?:\w+['\u2019]s\s+)?(?:use|engagement|transfer|disclosure|processing)\b"#,
            #"\b(?:hereby\s+)?authorizes?\b"#,
            #"\bmay\b"#, #"\bcan\b"#,
        ]
        let obligation = [
            #"\b(?:shall|will|must)\b"#,
            #"\bagrees?\s+to\b"#,
            #"\b(?:is|are)\s+(?:required|obligated|obliged|responsible)\s+(?:to|for)\b"#,
            #"\b(?:undertakes?|commits?)\s+to\b"#,
            // "covenants to report", "covenants (i) to record", "undertakes, upon request, to make"
            #"\b(?:covenants?|undertakes?)\b(?:\s+and\s+agrees)?(?:\s+that\s+it\s+(?:shall|will))?"#,
        ]
        // one alternation with the longest, most specific forms first; every form starts a word, and
        // one `\b` in front of the whole lets ICU skip positions no form can start at (about 3x faster)
        let forms = prohibition + permission + obligation
        precondition(forms.allSatisfy { $0.hasPrefix(#"\b"#) })
        let pattern = #"\b(?:"# + forms.map { "(" + $0.dropFirst(2) + ")" }.joined(separator: "|") + ")"
        return try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }()
    private static let prohibitionCount = 10
    private static let permissionCount = 7

    /// Where a subject begins after a clause boundary: "; ", ", and ", "agrees that ".
    private static let subjectCut = Pattern(
        #"[;:]|,\s+(?:and|but|or)\s+|\band\s+(?=\w+\s*$)|\b(?:agrees?|acknowledges?|understands?|provided|represents?|warrants?|certif(?:y|ies)|ensures?|requires?|so)\s+that\s+(?=[^,]*$)"#)
    private static let pronounAtEnd = Pattern(#"\b(?:it|they|which|who)\s*$"#)
    private static let agentBy = Pattern(#"\bby\s+"#)
    /// "No PHI shall", "Neither Vendor nor ... may", "none of"
    private static let negativeSubject = Pattern(#"^\s*(?:(?:and|but|or|,)\s+)?(?:no|none\s+of|neither)\b"#, caseInsensitive: true)

    /// The words that open an exception ("except as", "unless", "provided that", "without ... consent").
    private static let exceptionWords =
        #"(?:except(?:\s+(?:as|that|for|to the extent|solely|where|with|in))?\b|unless\b|other\s+than\b|provided,?\s+however\b|provided\s+that\b|save\s+(?:as|that)\b|but\s+only\b|excluding\b|except\s+solely\b|without\s+(?:the\s+)?(?:[\w.]+(?:\s+[\w.]+){0,3}['\u2019]s\s+)?(?:prior\s+)?(?:express\s+)?(?:written\s+)?(?:consent|authorization|approval|permission)\b)"#
    /// An exception: its words after a comma, semicolon or space.
    private static let exceptionRegex = try! NSRegularExpression(pattern: #"(?:,\s*|\s+|;\s*)"# + exceptionWords, options: [.caseInsensitive])
    /// Rules out an action without the words an exception opens with (most actions): the
    /// words follow a comma, semicolon or space, so each starts a word.
    private static let exceptionPrefilter = LiteralPrefilter(pattern: exceptionWords, wordStart: true)

    /// The first exception in `action`.
    private static func exception(in action: String) -> NSTextCheckingResult? {
        if let exceptionPrefilter, !exceptionPrefilter.mayMatch(action) { return nil }
        return exceptionRegex.firstMatch(in: action, range: NSRange(location: 0, length: action.utf16.count))
    }

    /// The first word of every form of `modalRegex`, lower-cased: a modal can only start
    /// where a run of ASCII letters spells one of them.
    private static let modalFirstWords: Set<[UInt8]> = Set(
        [
            "shall", "will", "must", "may", "can", "should", "is", "are", "does", "do", "in", "under", "shalln", "willn",
            "mayn", "cannot", "won", "agree", "agrees", "neither", "reserve", "reserves", "has", "have", "retain", "retains",
            "hereby", "grant", "grants", "consent", "consents", "authorize", "authorizes", "undertake", "undertakes",
            "commit", "commits", "covenant", "covenants",
        ].map { Array($0.utf8) })

    /// `modalRegex.matches(in: sentence)`, trying the regex only where a modal's first
    /// word starts (anchored there, seeing the text around it): the same matches, since
    /// every form starts with one of those words, without ICU trying every alternative
    /// at every word. A sentence with a character that case-folds to ASCII ("ſ") is
    /// scanned whole.
    private static func modalMatches(in sentence: String, length: Int) -> [NSTextCheckingResult] {
        guard !FoldedText.foldsToASCII(sentence) else {
            return modalRegex.matches(in: sentence, range: NSRange(location: 0, length: length))
        }
        // the UTF-16 offsets where a run of ASCII letters spelling a first word starts
        var starts: [Int] = []
        var sentence = sentence
        sentence.withUTF8 { bytes in
            var utf16 = 0
            var i = 0
            var word: [UInt8] = []
            var wordStart = 0
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            while i <= bytes.count {
                let b: UInt8 = i < bytes.count ? bytes[i] : 0
                if i < bytes.count, isLetter(b) {
                    if word.isEmpty { wordStart = utf16 }
                    word.append(b | 0x20)
                } else if !word.isEmpty {
                    if modalFirstWords.contains(word) { starts.append(wordStart) }
                    word.removeAll(keepingCapacity: true)
                }
                guard i < bytes.count else { break }
                // UTF-16 units: one per scalar, two for a scalar beyond the BMP (a 4-byte sequence)
                if b & 0xC0 != 0x80 { utf16 += b >= 0xF0 ? 2 : 1 }
                i += 1
            }
        }
        var found: [NSTextCheckingResult] = []
        var resume = 0
        for start in starts where start >= resume {
            let range = NSRange(location: start, length: length - start)
            guard let m = modalRegex.firstMatch(in: sentence, options: [.anchored, .withTransparentBounds], range: range) else {
                continue
            }
            found.append(m)
            resume = max(m.range.location + m.range.length, start + 1)
        }
        return found
    }

    /// The predicates of `sentence`, in order.
    public func predicates(in sentence: String) -> [Predicate] {
        let length = sentence.utf16.count
        let matches = Self.modalMatches(in: sentence, length: length)
        // a plain sentence's parts are plain too: a ";" in them is found in their bytes
        let plain = sentence.searchesAsBytes
        var result: [Predicate] = []
        var previousEnd = 0
        var lastActor: Predicate.Actor = .unknown
        for (i, m) in matches.enumerated() {
            var group = 0
            for g in 1..<m.numberOfRanges where m.range(at: g).location != NSNotFound {
                group = g
                break
            }
            let modality: Predicate.Modality =
                group <= Self.prohibitionCount ? .prohibition
                : group <= Self.prohibitionCount + Self.permissionCount ? .permission : .obligation
            let modal = sentence.substring(utf16: m.range)
            // subject: back to the previous modal, or a clause boundary
            let stretchText = sentence.substring(utf16: NSRange(location: previousEnd, length: m.range.location - previousEnd))
            var subject = stretchText
            if let cut = Self.subjectCut.lastRange(in: subject) {
                let tail = String(subject[cut.upperBound...])
                if !tail.trimmingWhitespace().isEmpty { subject = tail }
            }
            // the action runs to the next modal with its own subject, or to a clause boundary
            var end = length
            if i + 1 < matches.count {
                let next = matches[i + 1]
                let between = sentence.substring(utf16: NSRange(location: m.range.upperBound, length: next.range.location - m.range.upperBound))
                if let semicolon = between.utf16Offset(ofASCII: UInt8(ascii: ";"), plain: plain) {
                    end = m.range.upperBound + semicolon
                } else if parties.actor(in: String(between.suffix(60))) != .unknown || Self.pronounAtEnd.matches(between) {
                    end = next.range.location
                }
            } else {
                let rest = sentence.substring(utf16From: m.range.upperBound)
                if let semicolon = rest.utf16Offset(ofASCII: UInt8(ascii: ";"), plain: plain) { end = m.range.upperBound + semicolon }
            }
            var action = sentence.substring(utf16: NSRange(location: m.range.upperBound, length: max(0, end - m.range.upperBound)))
            var exception: String?
            if let e = Self.exception(in: action) {
                exception = action.substring(utf16From: e.range.location).trimming { $0 == " " || $0 == "," || $0 == ";" }
                action = action.substring(utf16: NSRange(location: 0, length: e.range.location))
            }
            let stretch = subject.trimmingWhitespace().lowercased()
            let coordinated = !result.isEmpty
                && (stretch.hasSuffix(" and") || stretch.hasSuffix(" or") || stretch.hasSuffix(",") || stretch.hasSuffix(" but")
                    || stretch == "and" || stretch == "or" || stretch.hasSuffix(", and") || stretch.hasSuffix(", or"))
            var actor = coordinated ? lastActor : parties.actor(in: subject)
            if actor == .unknown, !coordinated {
                // "Customer, or an independent auditor it appoints, may audit": the party named before the cut
                actor = parties.actor(in: stretchText)
            }
            if modality == .permission, modal.lowercased().contains("grant") || modal.lowercased().contains("authoriz") {
                // "Customer grants Vendor a license": the grantee is the one permitted
                actor = parties.firstActor(in: String(action.prefix(60)))
            } else if actor == .unknown {
                let trimmed = subject.trimmingWhitespace()
                let passive = action.hasPrefix(" be ") || action.hasPrefix(" not be ")
                if passive, let by = Self.agentBy.firstRange(in: action),
                    case let agent = parties.firstActor(in: String(action[by.upperBound...].prefix(40))), agent != .unknown
                {
                    actor = agent  // passive: "PHI shall not be used by Vendor"
                } else if !result.isEmpty,
                    trimmed.isEmpty || trimmed.lowercased() == "and" || trimmed.lowercased() == "or" || trimmed.hasSuffix(",")
                {
                    actor = lastActor  // coordinated verbs share the subject
                }
            }
            // passive voice with a party as its agent: the agent acts, whoever the subject names
            // ("Customer shall be notified by Vendor", "PHI shall be made available by Vendor to Customer")
            let isPassive = action.hasPrefix(" be ") || action.hasPrefix(" not be ")
            if isPassive, !(modality == .permission && (modal.lowercased().contains("grant") || modal.lowercased().contains("authoriz"))),
                let by = Self.agentBy.firstRange(in: action), action.distance(from: action.startIndex, to: by.lowerBound) < 120,
                case let agent = parties.leadingActor(in: String(action[by.upperBound...].prefix(60))), agent != .unknown
            {
                actor = agent
            }
            // "No PHI shall be used", "None of ... may"
            var finalModality = modality
            if modality != .prohibition,
                Self.negativeSubject.matches(subject)
            {
                finalModality = .prohibition
            }
            lastActor = actor
            result.append(
                Predicate(
                    modality: finalModality, actor: actor, subject: subject.trimmingWhitespace(),
                    stretch: stretchText.trimmingWhitespace(),
                    modal: modal, action: action, exception: exception, offset: m.range.location))
            previousEnd = m.range.upperBound
        }
        return result
    }
}
