import Foundation
import ContractModel
import ContractSegment

/// Decides a redline from a contract's findings, its clause structure and the
/// library's asks, before any XML is touched (a pure function):
///
/// - `missing`: the model clause becomes a new numbered section of a new
///   article ("AI and Data Protection") at the end of the operative body,
///   before the signature blocks and exhibits, numbered and formatted like the
///   contract's last article and section;
/// - `conflict`: when the library defines replacement language (`ask.replace`),
///   the conflicting sentences are deleted and the replacement inserted after
///   the first of them; otherwise a comment asks for the model clause;
/// - `partial`: a comment on the clause that decided it, with the gap and the change requested.
public struct RedlinePlanner: Sendable {
    public var asks: [String: RedlineAsk]
    /// Whether one sentence on its own is a conflict for a provision (`(sentence, provision id)`):
    /// narrows a deletion to the conflicting sentences of a clause that also says other things.
    public var conflictTest: (@Sendable (String, String) -> Bool)?
    /// The heading of the new article.
    public var articleTitle = "AI and Data Protection"

    public init(asks: [String: RedlineAsk], conflictTest: (@Sendable (String, String) -> Bool)? = nil) {
        self.asks = asks
        self.conflictTest = conflictTest
    }

    public func plan(_ document: Document, findings: [Finding]) -> RedlinePlan {
        let segmented = document.structure == nil ? Segmenter().segment(document) : document
        let context = Context(document: segmented)
        let wording = RedlineWording(structure: segmented.structure)
        var plan = RedlinePlan()
        var missing: [(Finding, RedlineAsk)] = []
        for finding in findings {
            let ask = asks[finding.provision]
            switch finding.status {
            case .met:
                continue
            case .missing:
                if let ask {
                    missing.append((finding, ask))
                } else {
                    plan.notes.append("\(finding.provision): missing, but the library has no language to insert")
                }
            case .partial, .conflict:
                if finding.status == .conflict, let ask, let replacement = ask.replacement,
                    let deletions = conflictingSentences(finding, ask, context)
                {
                    plan.replacements.append(
                        RedlinePlan.Replacement(
                            provision: finding.provision, deletions: deletions,
                            text: wording.inContractTerms(replacement),
                            comment: wording.comment(finding, ask, replaced: true)))
                    continue
                }
                let deciding = decidingEvidence(finding, ask)
                guard let anchor = deciding.lazy.compactMap({ commentAnchor($0, context) }).first else {
                    plan.notes.append(
                        "\(finding.provision): \(finding.status.rawValue), but clause "
                            + (deciding.first?.clause ?? "?") + " was not found in the document; no comment added")
                    continue
                }
                plan.comments.append(
                    RedlinePlan.Comment(
                        provision: finding.provision, status: finding.status, anchor: anchor,
                        paragraphs: wording.comment(finding, ask, replaced: false)))
            }
        }
        if !missing.isEmpty {
            plan.insertion = insertion(missing, context, wording)
        }
        return plan
    }

    // MARK: which clause decided

    /// The evidence that made a finding partial or a conflict: the clauses of its
    /// conflict (or qualifier) rules when there are any; for a partial without a
    /// qualifier, the clauses its parameters are read from (a notice period that is
    /// too long, where an objection right would go too); else all of it.
    func decidingEvidence(_ finding: Finding, _ ask: RedlineAsk?) -> [Evidence] {
        let rules = finding.status == .conflict ? ask?.conflictRules ?? [] : ask?.qualifierRules ?? []
        let deciding = finding.evidence.filter { !Set(Self.roles($0)).isDisjoint(with: rules) }
        if !deciding.isEmpty { return deciding }
        if finding.status == .partial, let ask {
            let sources = Set(finding.parameters.keys.compactMap { ask.parameterSources[$0] })
            let stating = finding.evidence.filter { !Set(Self.roles($0)).isDisjoint(with: sources) }
            if !stating.isEmpty { return stating }
        }
        return finding.evidence
    }

    static func roles(_ e: Evidence) -> [String] {
        e.role.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The sentences to delete for a conflict, each found in its paragraph; `nil` when any cannot be found.
    func conflictingSentences(_ finding: Finding, _ ask: RedlineAsk, _ context: Context) -> [RedlinePlan.Anchor]? {
        let entries = finding.evidence.filter { !Set(Self.roles($0)).isDisjoint(with: ask.conflictRules) }
        guard !entries.isEmpty else { return nil }
        var out: [RedlinePlan.Anchor] = []
        for e in entries {
            guard let clause = context.clause(for: e) else { return nil }
            let sentences = SentenceSplitter.split(e.text)
            var chosen = conflictTest.map { test in sentences.filter { test($0, finding.provision) } } ?? []
            if chosen.isEmpty {
                // the clause only conflicts: all its quoted sentences go
                guard Set(Self.roles(e)).isSubset(of: ask.conflictRules) else { return nil }
                chosen = sentences
            }
            for s in chosen {
                guard let anchor = context.locate(s, in: clause) else { return nil }
                if !out.contains(anchor) { out.append(anchor) }
            }
        }
        return out.isEmpty ? nil : out
    }

    /// Where a comment on `e` goes: its one sentence, or the paragraphs its sentences are in,
    /// or the whole clause when the words cannot be found.
    func commentAnchor(_ e: Evidence, _ context: Context) -> RedlinePlan.Anchor? {
        guard let clause = context.clause(for: e) else { return nil }
        let sentences = SentenceSplitter.split(e.text)
        let found = sentences.compactMap { context.locate($0, in: clause) }
        if sentences.count == 1, let one = found.first { return one }
        if let first = found.first, let last = found.last {
            return RedlinePlan.Anchor(
                paragraph: first.paragraph, lastParagraph: max(first.paragraph, last.paragraph), text: nil,
                clause: clause.citation)
        }
        return context.wholeClause(clause)
    }

    // MARK: the new article

    func insertion(_ missing: [(Finding, RedlineAsk)], _ context: Context, _ wording: RedlineWording) -> RedlinePlan.Insertion {
        let shape = context.numberingShape()
        var article = RedlinePlan.NewParagraph(label: nil, text: articleTitle)
        if let heading = shape.article?.heading, heading.contains(where: \.isLetter),
            heading == heading.uppercased()
        {
            article.text = articleTitle.uppercased()
        }
        var articleNumber: Int?
        if let a = shape.article, let label = a.number, let n = a.path.last.flatMap({ Int($0) }) {
            articleNumber = n + 1
            article.label = ClauseLabel.renumber(label, path: a.path, to: [String(n + 1)])
        }
        // sections numbered afresh in each article ("(a)" again under every heading), not through the document
        var restart = false
        if let a = shape.article, let s = shape.section, s.number != nil, articleNumber == nil || s.path.count != a.path.count + 1 {
            func restarts(_ article: Clause) -> Bool {
                let first = context.structure.children(of: article.index).first(where: { $0.number != nil })?.path.last
                return first.flatMap(Self.ordinal) == 1
            }
            // the last article starts again, and so does another: one heading alone proves nothing
            let siblings = context.structure.clauses.filter {
                $0.parent == a.parent && $0.part == a.part && $0.instrument == a.instrument && $0.index != a.index
            }
            restart = restarts(a) && siblings.contains(where: restarts)
        }
        var sections: [RedlinePlan.NewSection] = []
        for (k, (finding, ask)) in missing.enumerated() {
            var label: String?
            if let s = shape.section, let printed = s.number, let last = s.path.last {
                if let a = shape.article, let articleNumber, s.path.count == a.path.count + 1, s.path.starts(with: a.path) {
                    label = ClauseLabel.renumber(printed, path: s.path, to: [String(articleNumber), String(k + 1)])
                } else if let n = restart ? k + 1 : Self.ordinal(last).map({ $0 + k + 1 }), let component = Self.component(n, like: last) {
                    label = ClauseLabel.renumber(printed, path: s.path, to: s.path.dropLast() + [component])
                }
            }
            sections.append(
                RedlinePlan.NewSection(
                    provision: finding.provision, label: label, heading: wording.inContractTerms(ask.heading),
                    text: wording.inContractTerms(ask.modelClause), comment: wording.additionComment(finding, ask)))
        }
        return RedlinePlan.Insertion(
            afterParagraph: context.endOfBody(), article: article, sections: sections,
            articleTemplate: shape.article.flatMap { context.template($0) },
            sectionTemplate: shape.section.flatMap { context.template($0) }, restartNumbering: restart)
    }

    /// The number a path component stands for: "3" -> 3, "c" -> 3.
    static func ordinal(_ component: String) -> Int? {
        if let n = Int(component) { return n }
        if component.count == 1, let c = component.lowercased().unicodeScalars.first, ("a"..."z").contains(c) {
            return Int(c.value) - 96
        }
        return nil
    }

    /// `n` written as the kind of component `like` is: a number or a letter.
    static func component(_ n: Int, like: String) -> String? {
        if Int(like) != nil { return String(n) }
        guard n >= 1, n <= 26 else { return nil }
        return String(UnicodeScalar(UInt8(96 + n)))
    }
}
