import ContractModel
import Foundation

/// The gap memo as a Word document (`memo --format docx`), through the general
/// `WordDocument` / `DOCXWriter`: headings, a numbered list of what blocks
/// signature, a table of the gaps, quotes with the deciding words highlighted,
/// the requested language set apart, and a footer with page numbers.
public enum MemoWord {
    /// The memo as a `WordDocument`, for callers that add to it before writing.
    public static func document(_ memo: GapMemo) -> WordDocument {
        let review = memo.review
        let p = review.provenance
        var doc = WordDocument(
            title: memo.title, author: memo.from, subject: memo.subject,
            footer: [
                WordRun("\(memo.title) · \(p.tool) \(p.toolVersion) · Page "), .pageNumber, WordRun(" of "), .numberOfPages,
            ])
        doc.append(.paragraph(WordParagraph(style: .title, memo.title)))
        doc.append(.paragraph(WordParagraph(style: .subtitle, "Memorandum")))
        for line in memo.heading {
            doc.append(.paragraph(WordParagraph([.bold("\(line.label): "), WordRun(line.value)])))
        }

        doc.append(.paragraph(WordParagraph(style: .heading(1), "Executive summary")))
        doc.append(.paragraph(WordParagraph([.bold(memo.verdict)])))
        doc.append(.paragraph(WordParagraph(memo.overview)))
        doc.append(.paragraph(WordParagraph(style: .heading(2), "What blocks signature")))
        if memo.blockers.isEmpty {
            doc.append(.paragraph(WordParagraph(GapMemo.nothingBlocks)))
        } else {
            doc.append(
                .list(
                    WordList(
                        .decimal,
                        items: memo.blockers.map { gap in
                            let line = GapMemo.summaryLine(gap)
                            return WordListItem([.bold(line.title), WordRun(line.detail)])
                        })))
        }
        if !memo.gaps.isEmpty {
            doc.append(.paragraph(WordParagraph(style: .heading(2), "All gaps")))
            doc.append(.table(gapTable(memo)))
            doc.append(.paragraph(WordParagraph(style: .heading(1), "The gaps, by severity")))
            for gap in memo.gaps { doc.append(contentsOf: section(gap)) }
        }
        if !memo.met.isEmpty {
            doc.append(.paragraph(WordParagraph(style: .heading(1), "Provisions met")))
            doc.append(
                .list(WordList(.bullet, items: memo.met.map { WordListItem("\($0.title) (\(Review.clauses(of: $0)))") })))
        }
        doc.append(.paragraph(WordParagraph(style: .heading(1), "How this memo was produced")))
        doc.append(
            .table(
                WordTable(
                    columnWeights: [1, 3],
                    rows: review.reproduction.map { [WordCell([WordRun.bold($0.label)]), WordCell($0.value)] })))
        doc.append(.paragraph(WordParagraph(style: .note, GapMemo.reproduceNote)))
        return doc
    }

    /// The .docx bytes.
    public static func render(_ memo: GapMemo) throws(DOCXWriter.WriteError) -> Data {
        try DOCXWriter(generator: "\(memo.review.provenance.tool) \(memo.review.provenance.toolVersion)").write(document(memo))
    }

    private static let fills: [Finding.Status: String] = [.conflict: "FBE4E2", .missing: "FDE8DA", .partial: "FDF1D6"]

    private static func gapTable(_ memo: GapMemo) -> WordTable {
        WordTable(
            columnWeights: [0.5, 4.5, 1.3, 1.3, 2.2],
            header: ["#", "Provision", "Severity", "Status", "Clause"].map { WordCell($0) },
            rows: memo.gaps.map { gap in
                let f = gap.finding
                return [
                    WordCell("\(gap.number)"), WordCell(f.title), WordCell(f.severity.rawValue),
                    WordCell(f.status.rawValue, fill: fills[f.status]), WordCell(Review.clauses(of: f)),
                ]
            })
    }

    private static func section(_ gap: GapMemo.Gap) -> [WordBlock] {
        let f = gap.finding
        var blocks: [WordBlock] = [
            .paragraph(WordParagraph(style: .heading(2), GapMemo.sectionTitle(gap))),
            .paragraph(WordParagraph(style: .note, GapMemo.sectionTag(gap))),
            .paragraph(WordParagraph(style: .heading(3), "What the contract says now")),
        ]
        if f.evidence.isEmpty {
            blocks.append(.paragraph(WordParagraph(GapMemo.notAddressed)))
        } else {
            for e in f.evidence {
                let quote = Highlighting.pieces(of: e).map { WordRun($0.text, highlight: $0.highlighted) }
                blocks.append(.paragraph(WordParagraph(style: .quote, [.bold(HTMLReport.cite(e) + ": ")] + quote)))
            }
        }
        blocks.append(.paragraph(WordParagraph([.italic("Our reading: "), WordRun(f.reason)])))
        if let guide = gap.guide {
            var why = [WordRun(guide.rationale)]
            if let authority = GapMemo.authority(gap) { why.append(.italic(" " + authority)) }
            blocks += [
                .paragraph(WordParagraph(style: .heading(3), "Why it matters")),
                .paragraph(WordParagraph(why)),
                .paragraph(WordParagraph(style: .heading(3), "Language to request")),
                .paragraph(WordParagraph(style: .blockText, guide.modelClause)),
                .paragraph(WordParagraph(style: .heading(3), "Fallback position")),
                .paragraph(WordParagraph(style: .blockText, guide.fallback)),
            ]
        }
        return blocks
    }
}
