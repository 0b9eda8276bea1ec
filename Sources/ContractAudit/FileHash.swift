import ContractModel
import Crypto
import Foundation

/// SHA-256 of a file read in chunks.
enum FileHash {
    /// The file's SHA-256, or `nil` when it cannot be read or is larger than `maxBytes`.
    static func sha256(_ path: String, maxBytes: Int) -> String? {
        // only regular files: a FIFO or a device would block or never end
        guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
            type == .typeRegular, let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        return sha256(reading: handle, maxBytes: maxBytes)
    }

    /// The SHA-256 of what `handle` reads to its end, in chunks, or `nil` past `maxBytes`.
    static func sha256(reading handle: FileHandle, maxBytes: Int = .max) -> String? {
        var hasher = StreamingHash()
        var total = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            total += chunk.count
            if total > maxBytes { return nil }
            hasher.update(chunk)
        }
        return hasher.finish()
    }
}

/// Incremental SHA-256 giving lower-case hex.
struct StreamingHash {
    private var hasher = SHA256()
    mutating func update(_ data: Data) { hasher.update(data: data) }
    func finish() -> String { hasher.finalize().lowercaseHex }
}
