import ContractModel
import Foundation

/// What one format's reader returns; ``DocumentReader`` adds the file facts.
package struct ReadResult: Sendable {
    package var blocks: [Block]
    package var pages: Int?
    package var trackedChanges: TrackedChanges
    package var furniture: [Furniture]
    package var warnings: [String]

    package init(
        blocks: [Block], pages: Int? = nil, trackedChanges: TrackedChanges = .none,
        furniture: [Furniture] = [], warnings: [String] = []
    ) {
        self.blocks = blocks
        self.pages = pages
        self.trackedChanges = trackedChanges
        self.furniture = furniture
        self.warnings = warnings
    }
}

/// A reader of one format: bytes in, blocks out. It must not touch the file
/// system or the network, and throws only ``ReadError`` naming `file`.
package protocol FormatReader: Sendable {
    func read(_ data: Data, file: String, options: ReadOptions) throws(ReadError) -> ReadResult
}
