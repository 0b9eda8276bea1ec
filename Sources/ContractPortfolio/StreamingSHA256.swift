import ContractModel
import Crypto
import Foundation

/// SHA-256 fed piece by piece (a large file need not be in memory at once), as lower-case hex.
public struct StreamingSHA256 {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ data: Data) {
        hasher.update(data: data)
    }

    public func finalize() -> String {
        hasher.finalize().lowercaseHex
    }
}
