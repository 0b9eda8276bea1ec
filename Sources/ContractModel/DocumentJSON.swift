import Foundation

/// The JSON form of a ``Document`` (`baa-review/document@1`, documented in
/// docs/document-schema.md). Keys are snake_case and sorted, so the same
/// document always gives the same bytes.
public enum DocumentJSON {
    /// The schema identifier written in every document JSON.
    public static let schema = "baa-review/document@1"

    private struct Envelope: Encodable {
        let schema: String
        let metadata: DocumentMetadata
        let pendingTrackedChanges: Bool
        let blocks: [Block]
        let structure: ContractStructure?
    }

    /// The shared encoder settings: sorted snake_case keys, pretty printed.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// Encodes `document` as pretty-printed, key-sorted JSON.
    public static func encode(_ document: Document) throws -> String {
        let envelope = Envelope(
            schema: schema, metadata: document.metadata,
            pendingTrackedChanges: document.metadata.trackedChanges.pending, blocks: document.blocks,
            structure: document.structure)
        let data = try makeEncoder().encode(envelope)
        return String(decoding: data, as: UTF8.self)
    }
}
