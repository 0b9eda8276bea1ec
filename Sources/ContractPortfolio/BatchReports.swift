import ContractModel
import ContractReport
import Foundation

/// The report files a batch writes for each contract under `reports/`.
public enum BatchReports {
    /// One renderer per report kind, by file extension; each gets the library's words as a `Playbook`.
    static let renderers: [(ext: String, render: @Sendable (Review, Playbook) throws -> String)] = [
        ("json", { review, _ in try JSONReport.render(review) + "\n" }),
        ("html", { review, playbook in HTMLReport.render(review, playbook: playbook) }),
    ]

    /// The extensions written for every contract, in order.
    public static var extensions: [String] { renderers.map(\.ext) }

    /// The report the portfolio matrix links to.
    public static var linkedExtension: String { "html" }

    /// The report files of one contract: (file name, bytes), e.g. ("acme-baa.pdf.json", ...).
    public static func reportFiles(for review: Review, name: String, playbook: Playbook) throws -> [(name: String, bytes: Data)] {
        try renderers.map { ("\(name).\($0.ext)", Data(try $0.render(review, playbook).utf8)) }
    }

    /// The file names `reportFiles` writes for `name`.
    public static func fileNames(for name: String) -> [String] {
        extensions.map { "\(name).\($0)" }
    }
}
