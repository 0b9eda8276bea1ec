import ContractIngest
import Foundation
import Testing
import ZIPFoundation

/// The project's own ZIP reader: ZIP64 records, damaged and truncated archives.
@Suite struct ZipDirectoryTests {
    private static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    private static func le32(_ v: UInt64) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * UInt64($0))) & 0xFF) } }
    private static func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8((v >> (8 * UInt64($0))) & 0xFF) } }

    /// One stored entry whose central directory keeps its sizes and offset in a ZIP64
    /// extra field, with a ZIP64 end record and locator.
    static func zip64(_ name: String, _ content: [UInt8], crc: UInt32) -> Data {
        let n = Array(name.utf8)
        var out: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + le16(45) + le16(0) + le16(0) + le16(0) + le16(0)
        out += le32(UInt64(crc)) + le32(UInt64(content.count)) + le32(UInt64(content.count)) + le16(n.count) + le16(0) + n + content
        let directory = UInt64(out.count)
        let extra = le16(1) + le16(24) + le64(UInt64(content.count)) + le64(UInt64(content.count)) + le64(0)
        out += [0x50, 0x4B, 0x01, 0x02] + le16(45) + le16(45) + le16(0) + le16(0) + le16(0) + le16(0) + le32(UInt64(crc))
        out += le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(n.count) + le16(extra.count) + le16(0) + le16(0) + le16(0)
        out += le32(0) + le32(0xFFFF_FFFF) + n + extra
        let size = UInt64(out.count) - directory
        let end64 = UInt64(out.count)
        out += [0x50, 0x4B, 0x06, 0x06] + le64(44) + le16(45) + le16(45) + le32(0) + le32(0) + le64(1) + le64(1) + le64(size) + le64(directory)
        out += [0x50, 0x4B, 0x06, 0x07] + le32(0) + le64(end64) + le32(1)
        out += [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
        return Data(out)
    }

    private func contents(_ zip: ZipDirectory, _ entry: ZipDirectory.Entry) throws -> Data {
        var out = Data()
        try zip.extract(entry) { out.append(contentsOf: $0); return true }
        return out
    }

    @Test func readsZIP64Records() throws {
        let text = Array("hello, zip64".utf8)
        let zip = try ZipDirectory(Self.zip64("a.txt", text, crc: Data(text).crc32(checksum: 0)), maxEntries: 10)
        #expect(zip.entries.map(\.name) == ["a.txt"])
        #expect(zip.entries.first?.uncompressedSize == UInt64(text.count))
        #expect(try contents(zip, zip.entries[0]) == Data(text))
        // a wrong CRC is refused as damaged
        let wrong = try ZipDirectory(Self.zip64("a.txt", text, crc: 12345), maxEntries: 10)
        #expect(throws: ZipDirectory.Failure.self) { try contents(wrong, wrong.entries[0]) }
    }

    @Test func readsWhatZIPFoundationWrites() throws {
        let body = String(repeating: "Vendor shall notify Customer. ", count: 2_000)
        let zip = try ZipDirectory(DOCXFixture.zip([("word/document.xml", body), ("empty/", "")]), maxEntries: 10)
        #expect(try contents(zip, zip.entries[0]) == Data(body.utf8))
    }

    @Test func refusesDamage() throws {
        let whole = DOCXFixture.zip([("word/document.xml", String(repeating: "text ", count: 5_000))])
        // the directory names an offset past the end
        var bytes = [UInt8](whole)
        let directory = bytes.count - 22 - (46 + "word/document.xml".utf8.count)
        bytes.replaceSubrange((directory + 42)..<(directory + 46), with: [0xFF, 0xFF, 0xFF, 0x7F])
        let pastEnd = try ZipDirectory(Data(bytes), maxEntries: 10)
        #expect(throws: ZipDirectory.Failure.self) { try contents(pastEnd, pastEnd.entries[0]) }
        // the deflate stream cut short, directory intact: its compressed size now points past the end
        var cut = [UInt8](whole)
        cut.removeSubrange(60..<(cut.count - 22 - 63))
        #expect(throws: ZipDirectory.Failure.self) {
            let z = try ZipDirectory(Data(cut), maxEntries: 10)
            _ = try contents(z, z.entries[0])
        }
        // too many entries, truncated, empty
        #expect(throws: ZipDirectory.Failure.self) { try ZipDirectory(whole, maxEntries: 0) }
        #expect(throws: ZipDirectory.Failure.self) { try ZipDirectory(whole.prefix(whole.count - 10), maxEntries: 10) }
        #expect(throws: ZipDirectory.Failure.self) { try ZipDirectory(Data(), maxEntries: 10) }
    }
}
