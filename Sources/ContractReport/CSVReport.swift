import ContractModel
import Foundation

/// The checklist as CSV for spreadsheets (`check --format csv`): one row per
/// finding, RFC 4180 (comma-separated, CRLF line ends, fields with commas,
/// quotes or line breaks in double quotes, quotes doubled), UTF-8, a header row.
///
/// Each row also carries the document's SHA-256 and the tool, library and
/// policy versions and hashes, so a row copied elsewhere can still be traced.
/// A cell that a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading `'`.
public enum CSVReport {
    /// The header row's column names, in order.
    public static let columns = [
        "document", "vendor", "provision", "title", "severity", "status", "clause", "page", "parameters", "reason",
        "sha256", "tool_version", "library_version", "library_hash", "policy_hash",
    ]

    /// The header row alone (with its CRLF), for joining several contracts' rows.
    public static var header: String { row(columns) }

    /// The rows of one contract, without the header.
    public static func rows(_ review: Review) -> String {
        let p = review.provenance
        return review.findings.map { f in
            row([
                review.document.path, review.vendor, f.provision, f.title, f.severity.rawValue, f.status.rawValue,
                f.evidence.map(\.clause).joined(separator: "; "),
                f.evidence.compactMap { $0.page.map(String.init) }.joined(separator: "; "),
                Review.parameters(of: f), f.reason,
                review.document.sha256, p.toolVersion, p.libraryVersion, p.libraryHash, p.policyHash,
            ])
        }.joined()
    }

    /// The header and the rows of each contract.
    public static func render(_ reviews: [Review]) -> String {
        header + reviews.map(rows).joined()
    }

    public static func render(_ review: Review) -> String { render([review]) }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it must be.
    static func field(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
