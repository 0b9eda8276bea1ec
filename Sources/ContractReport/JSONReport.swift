import ContractModel
import Foundation

/// The JSON report (`baa-review/report@1`, docs/report-schema.md): one object
/// per contract, keys sorted, no timestamps, so the same input gives the same bytes.
public enum JSONReport {
    public static let schema = "baa-review/report@1"

    private struct Envelope: Encodable {
        struct DocumentInfo: Encodable {
            var path: String
            var sha256: String
            var format: String
            var pages: Int?
            var vendor: String
            var pendingTrackedChanges: Bool
        }
        struct Summary: Encodable {
            var met: Int, partial: Int, conflict: Int, missing: Int
        }
        var schema: String
        var document: DocumentInfo
        var summary: Summary
        var findings: [Finding]
        var provenance: Provenance
    }

    public static func render(_ review: Review) throws -> String {
        let c = review.counts
        let envelope = Envelope(
            schema: schema,
            document: .init(
                path: review.document.path, sha256: review.document.sha256, format: review.document.format.rawValue,
                pages: review.document.pages, vendor: review.vendor,
                pendingTrackedChanges: review.document.trackedChanges.pending),
            summary: .init(met: c[.met] ?? 0, partial: c[.partial] ?? 0, conflict: c[.conflict] ?? 0, missing: c[.missing] ?? 0),
            findings: review.findings, provenance: review.provenance)
        let data = try DocumentJSON.makeEncoder().encode(envelope)
        return String(decoding: data, as: UTF8.self)
    }
}
