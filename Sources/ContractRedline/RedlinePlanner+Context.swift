import ContractModel
import ContractSegment
import Foundation

extension RedlinePlanner {
    /// The segmented contract, with the lookups the planner needs.
    struct Context {
        let document: Document
        let structure: ContractStructure
        /// The main document part; anchors name paragraphs of this part only.
        let mainPart: String?

        init(document: Document) {
            self.document = document
            self.structure = document.structure ?? ContractStructure(
                title: nil, clauses: [], definitions: [], parties: [], crossReferences: [])
            self.mainPart = document.blocks.first(where: { $0.kind != .footnote && $0.kind != .endnote })?.source.part
        }

        /// The clause an evidence entry cites; of several with that citation, the one quoting its words.
        func clause(for e: Evidence) -> Clause? {
            let candidates = structure.clauses.filter { $0.citation == e.clause && ($0.part == .body || $0.part == .exhibit) }
            let first = SentenceSplitter.split(e.text).first ?? e.text
            return candidates.first(where: { locate(first, in: $0) != nil }) ?? candidates.first
        }

        /// The blocks of a clause in the main part (not its sub-clauses).
        func ownBlocks(_ clause: Clause) -> [Int] {
            clause.blocks.filter { i in
                let b = document.blocks[i]
                return b.source.part == mainPart && b.source.index != nil && b.kind != .footnote && b.kind != .endnote
            }
        }

        /// The paragraph holding `sentence` in the clause; an item read with its lead-in
        /// ("Vendor shall: (b) ...") is found without the lead-in.
        func locate(_ sentence: String, in clause: Clause) -> RedlinePlan.Anchor? {
            var wanted = [sentence]
            if let parent = clause.parent, let leadIn = SentenceSplitter.split(structure.clauses[parent].text).last,
                sentence.hasPrefix(leadIn + " ")
            {
                wanted.append(String(sentence.dropFirst(leadIn.count + 1)))
            }
            for text in wanted where !text.isEmpty {
                for i in ownBlocks(clause) where document.blocks[i].text.contains(text) {
                    let index = document.blocks[i].source.index!
                    return RedlinePlan.Anchor(paragraph: index, lastParagraph: index, text: text, clause: clause.citation)
                }
            }
            return nil
        }

        /// All the clause's own paragraphs (tables left out).
        func wholeClause(_ clause: Clause) -> RedlinePlan.Anchor? {
            let own = ownBlocks(clause)
            guard let first = own.first else { return nil }
            let last = own.last(where: { document.blocks[$0].kind != .tableCell }) ?? first
            return RedlinePlan.Anchor(
                paragraph: document.blocks[first].source.index!,
                lastParagraph: max(document.blocks[first].source.index!, document.blocks[last].source.index!), text: nil,
                clause: clause.citation)
        }

        /// The operative clauses of the main instrument (or of the first attached one when the file has no main one).
        var operative: [Clause] {
            let body = structure.clauses.filter { $0.part == .body }
            let instrument: String? = body.contains(where: { $0.instrument == nil }) ? nil : body.first?.instrument
            return body.filter { $0.instrument == instrument }
        }

        /// The paragraph after which the operative body ends: before signatures and exhibits.
        func endOfBody() -> Int? {
            let last = operative.flatMap { ownBlocks($0) }.max()
            return last.map { document.blocks[$0].source.index! }
        }

        /// The last article and the last section in it: the pattern new ones follow.
        func numberingShape() -> (article: Clause?, section: Clause?) {
            let clauses = operative
            var tops = clauses.filter { $0.parent == nil }
            // an attached instrument's heading holds its articles
            while tops.count == 1, tops[0].number == nil, tops[0].instrument != nil {
                let inner = structure.children(of: tops[0].index)
                if inner.isEmpty { break }
                tops = inner
            }
            // a section to copy has text of its own: a heading alone would make new sections headings
            let articles = tops.filter { structure.children(of: $0.index).contains { !$0.text.isEmpty } }
            if let article = articles.last {
                let sections = structure.children(of: article.index).filter { !$0.text.isEmpty }
                return (article, sections.last(where: { $0.number != nil }) ?? sections.last)
            }
            let withText = tops.filter { !$0.text.isEmpty }
            return (tops.last(where: { $0.number == nil && $0.heading != nil && $0.text.isEmpty }),
                withText.last(where: { $0.number != nil }) ?? withText.last)
        }

        /// The paragraphs and words of a clause whose format new paragraphs copy.
        func template(_ clause: Clause) -> RedlinePlan.Template? {
            let own = ownBlocks(clause).filter { document.blocks[$0].kind != .tableCell }
            guard let first = own.first else { return nil }
            let block = document.blocks[first]
            let start = clause.text.isEmpty ? nil : String(clause.text.prefix(24))
            var template = RedlinePlan.Template(
                paragraph: block.source.index!, label: block.label, heading: clause.heading, textParagraph: nil,
                textStart: start)
            if let start, !block.text.contains(start), let second = own.dropFirst().first(where: {
                document.blocks[$0].text.contains(start)
            }) {
                template.textParagraph = document.blocks[second].source.index!
            }
            return template
        }
    }
}
