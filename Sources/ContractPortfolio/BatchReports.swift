import ContractModel
import ContractReport
import Foundation

/// The report files a batch writes for each contract under `reports/`.
public enum BatchReports {
    /// The language to ask for, by provision id (from the clause library).
    public typealias Asks = [String: (modelClause: String, fallback: String)]

    /// One renderer per report kind, by file extension. The HTML report joins here with one line:
    /// `("html", { try HTMLReport.render($0, asks: $1) }),`
    static let renderers: [(ext: String, render: @Sendable (Review, Asks) throws -> String)] = [
        ("json", { review, _ in try JSONReport.render(review) + "\n" }),
        ("md", { review, asks in MarkdownReport.render(review, asks: asks) }),
    ]

    /// The extensions written for every contract, in order.
    public static var extensions: [String] { renderers.map(\.ext) }

    /// The report the portfolio matrix links to: the HTML one when there is one, else Markdown.
    public static var linkedExtension: String { extensions.contains("html") ? "html" : "md" }

    /// The report files of one contract: (file name, bytes), e.g. ("acme-baa.pdf.json", ...).
    public static func reportFiles(for review: Review, name: String, asks: Asks) throws -> [(name: String, bytes: Data)] {
        try renderers.map { ("\(name).\($0.ext)", Data(try $0.render(review, asks).utf8)) }
    }

    /// The file names `reportFiles` writes for `name`.
    public static func fileNames(for name: String) -> [String] {
        extensions.map { "\(name).\($0)" }
    }
}
