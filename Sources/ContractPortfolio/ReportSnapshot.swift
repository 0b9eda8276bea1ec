import ContractModel
import ContractReport
import Foundation

/// Reads a saved JSON report (`baa-review/report@1`, from `check --format json` or a
/// batch's `reports/`) back into the side of a diff, so versions reviewed earlier can be compared.
public enum ReportSnapshot {
    private struct Envelope: Decodable {
        struct DocumentInfo: Decodable { var path: String, sha256: String, vendor: String? }
        var schema: String
        var document: DocumentInfo
        var findings: [Finding]
    }

    /// The report in `data`, or `nil` when `data` is not a baa-review JSON report.
    public static func side(fromReportJSON data: Data) -> ContractDiff.Side? {
        guard data.first(where: { !$0.isWhitespaceByte }) == UInt8(ascii: "{"),
            let envelope = try? JSONDecoder().decode(Envelope.self, from: data),
            envelope.schema.hasPrefix("baa-review/report@")
        else { return nil }
        return ContractDiff.Side(
            path: envelope.document.path, sha256: envelope.document.sha256, vendor: envelope.document.vendor ?? "",
            findings: envelope.findings)
    }
}

extension UInt8 {
    fileprivate var isWhitespaceByte: Bool { self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09 }
}
