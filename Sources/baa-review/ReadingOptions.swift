import ArgumentParser
import ContractModel

/// Limits and the password shared by every command that reads contracts.
struct ReadingOptions: ParsableArguments {
    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @Option(name: .customLong("time-limit"), help: "Seconds allowed to read one document (and, for check, to review it).")
    var timeLimit: Double = 20

    @Option(name: .customLong("max-bytes"), help: "Largest input file accepted, in bytes.")
    var maxBytes: Int = 200 << 20

    @Option(name: .customLong("max-unzipped-bytes"), help: "Largest total decompressed size of a DOCX, in bytes.")
    var maxUnzippedBytes: Int = 512 << 20

    @Option(name: .customLong("max-zip-entries"), help: "Most entries a DOCX (ZIP) may hold.")
    var maxZipEntries: Int = 10_000

    @Option(name: .customLong("max-xml-elements"), help: "Most XML tags read from a DOCX's parts (bounds the memory its parsed form takes).")
    var maxXMLElements: Int = 4_000_000

    @Option(name: .customLong("max-pages"), help: "Most PDF pages read from one document.")
    var maxPages: Int = 2_000

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be more than 0 seconds.") }
        guard maxBytes > 0, maxUnzippedBytes > 0, maxPages > 0, maxZipEntries > 0, maxXMLElements > 0 else {
            throw ValidationError(
                "--max-bytes, --max-unzipped-bytes, --max-zip-entries, --max-xml-elements and --max-pages must be positive.")
        }
    }

    var readOptions: ReadOptions {
        ReadOptions(
            password: password, maxInputBytes: maxBytes, maxDecompressedBytes: maxUnzippedBytes,
            maxZipEntries: maxZipEntries, maxPages: maxPages, timeLimit: timeLimit, maxXMLElements: maxXMLElements)
    }
}
