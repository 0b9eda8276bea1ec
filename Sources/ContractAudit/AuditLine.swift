import ContractModel
import Crypto
import Foundation

/// How an entry is written as a line and how its hash is computed: the
/// entry's compact, key-sorted JSON, then `,"hash":"<sha256 of that JSON>"}`.
public enum AuditLine {
    private static let suffixLength = #","hash":""#.count + 64 + 2

    /// The line for `entry` (without the newline) and its hash.
    public static func encode(_ entry: AuditEntry) throws -> (line: String, hash: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let body = try encoder.encode(entry)
        let hash = sha256(body)
        var line = String(decoding: body.dropLast(), as: UTF8.self)  // drop the closing brace
        line += #","hash":"\#(hash)"}"#
        return (line, hash)
    }

    /// Splits a line into its body (the JSON that was hashed) and the hash it
    /// claims; `nil` when the line does not end the way an entry ends.
    public static func split(_ line: Substring) -> (body: String, claimed: String)? {
        let utf8 = Array(line.utf8)
        guard utf8.count > suffixLength, utf8.last == UInt8(ascii: "}") else { return nil }
        let cut = utf8.count - suffixLength
        let suffix = String(decoding: utf8[cut...], as: UTF8.self)
        guard suffix.hasPrefix(#","hash":""#), suffix.hasSuffix(#""}"#) else { return nil }
        let claimed = String(suffix.dropFirst(#","hash":""#.count).dropLast(2))
        guard claimed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) })
        else { return nil }
        return (String(decoding: utf8[..<cut], as: UTF8.self) + "}", claimed)
    }

    /// Decodes an entry's body.
    public static func decode(_ body: String) -> AuditEntry? {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(AuditEntry.self, from: Data(body.utf8))
    }

    /// Lower-case hex SHA-256.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).lowercaseHex
    }

    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }
}
