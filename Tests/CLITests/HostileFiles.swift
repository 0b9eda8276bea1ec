import Foundation

/// Writers for the hostile-input suite: ZIP archives (with a hand-made
/// deflate stream for the zip bomb), small PDFs written object by object, and
/// an OLE2 header. Every file is made by the test that uses it.
enum HostileFiles {
    // MARK: ZIP

    /// One ZIP entry: stored bytes, or a raw deflate stream with its CRC and sizes given.
    struct ZipEntry {
        var name: String
        var method: UInt16
        var payload: Data
        var crc: UInt32
        var uncompressedSize: UInt32
        /// The uncompressed size written in the headers (a liar's may differ).
        var declaredSize: UInt32

        static func stored(_ name: String, _ data: Data) -> ZipEntry {
            ZipEntry(
                name: name, method: 0, payload: data, crc: crc32(data), uncompressedSize: UInt32(data.count),
                declaredSize: UInt32(data.count))
        }

        static func stored(_ name: String, _ text: String) -> ZipEntry { stored(name, Data(text.utf8)) }
    }

    static func zip(_ entries: [ZipEntry]) -> Data {
        var out = Data()
        var central = Data()
        for e in entries {
            let name = Data(e.name.utf8)
            let offset = UInt32(out.count)
            out += le32(0x0403_4b50) + le16(20) + le16(0) + le16(e.method) + le16(0) + le16(0x21)
            out += le32(e.crc) + le32(UInt32(e.payload.count)) + le32(e.declaredSize) + le16(UInt16(name.count)) + le16(0)
            out += name
            out += e.payload
            central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0) + le16(e.method) + le16(0) + le16(0x21)
            central += le32(e.crc) + le32(UInt32(e.payload.count)) + le32(e.declaredSize) + le16(UInt16(name.count))
            central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let start = UInt32(out.count)
        out += central
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(start) + le16(0)
        return out
    }

    static let wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func rels(mainTarget: String = "word/document.xml") -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="\#(mainTarget)"/></Relationships>"#
    }

    static func documentXML(_ body: String, prolog: String = "") -> String {
        #"<?xml version="1.0" encoding="UTF-8"?>"# + prolog + #"<w:document xmlns:w="\#(wNS)"><w:body>\#(body)</w:body></w:document>"#
    }

    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

    /// A .docx whose main part is `document` (verbatim), with `extra` entries after it.
    static func docx(document: String, mainTarget: String = "word/document.xml", extra: [ZipEntry] = []) -> Data {
        zip(
            [
                .stored("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
                .stored("_rels/.rels", rels(mainTarget: mainTarget)),
                .stored("word/document.xml", document),
            ] + extra)
    }

    /// A .docx whose word/document.xml inflates to about 4 GiB of zero bytes from
    /// about 4 MB; `lying` writes 1,000 as its size in the headers.
    static func zipBomb(lying: Bool) -> Data {
        let (stream, size) = deflatedZeros(repeats: 16_646_966)
        let entry = ZipEntry(
            name: "word/document.xml", method: 8, payload: stream, crc: crc32OfZeros(size), uncompressedSize: UInt32(size),
            declaredSize: lying ? 1_000 : UInt32(size))
        return zip([.stored("_rels/.rels", rels()), entry])
    }

    /// A raw deflate stream of `1 + 258 * repeats` zero bytes: one dynamic-Huffman
    /// block whose codes are a literal 0 (2 bits), "length 258" (1 bit), distance 1
    /// (1 bit) and end-of-block (2 bits), so each 258 bytes cost 2 bits.
    static func deflatedZeros(repeats: Int) -> (Data, UInt64) {
        var w = BitWriter()
        w.bits(1, 1)  // BFINAL
        w.bits(2, 2)  // dynamic Huffman
        w.bits(29, 5)  // HLIT: 286 literal/length codes
        w.bits(0, 5)  // HDIST: 1 distance code
        w.bits(14, 4)  // HCLEN: 18 code length codes
        // code length code lengths, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]
        let lengths: [Int: UInt32] = [18: 1, 2: 2, 1: 2]  // canonical codes: 18 -> 0, 1 -> 10, 2 -> 11
        for symbol in order { w.bits(lengths[symbol] ?? 0, 3) }
        // literal/length code lengths: 0 -> 2, 256 -> 2, 285 -> 1; distance code 0 -> 1
        w.huffman(0b11, 2)  // length 2 (symbol 0)
        w.huffman(0, 1); w.bits(138 - 11, 7)  // 138 zeros (symbols 1...138)
        w.huffman(0, 1); w.bits(117 - 11, 7)  // 117 zeros (139...255)
        w.huffman(0b11, 2)  // length 2 (symbol 256)
        w.huffman(0, 1); w.bits(28 - 11, 7)  // 28 zeros (257...284)
        w.huffman(0b10, 2)  // length 1 (symbol 285)
        w.huffman(0b10, 2)  // length 1 (distance 0)
        // canonical literal/length codes: 285 -> 0, 0 -> 10, 256 -> 11; distance 0 -> 0
        w.huffman(0b10, 2)  // the literal zero byte
        w.zeros(2 * repeats)  // "length 258, distance 1", repeated
        w.huffman(0b11, 2)  // end of block
        return (w.finish(), 1 + 258 * UInt64(repeats))
    }

    struct BitWriter {
        private(set) var bytes = Data()
        private var accumulator: UInt32 = 0
        private var count = 0

        /// `n` bits of `value`, least significant first (header fields, extra bits).
        mutating func bits(_ value: UInt32, _ n: Int) {
            for i in 0..<n { bit((value >> UInt32(i)) & 1) }
        }

        /// A Huffman code: most significant bit first.
        mutating func huffman(_ code: UInt32, _ n: Int) {
            for i in stride(from: n - 1, through: 0, by: -1) { bit((code >> UInt32(i)) & 1) }
        }

        mutating func zeros(_ n: Int) {
            var left = n
            while left > 0, count != 0 { bit(0); left -= 1 }
            bytes.append(Data(count: left / 8))
            for _ in 0..<(left % 8) { bit(0) }
        }

        private mutating func bit(_ b: UInt32) {
            accumulator |= b << UInt32(count)
            count += 1
            if count == 8 {
                bytes.append(UInt8(accumulator))
                accumulator = 0
                count = 0
            }
        }

        mutating func finish() -> Data {
            if count > 0 { bytes.append(UInt8(accumulator)) }
            count = 0
            return bytes
        }
    }

    // MARK: CRC-32

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    /// CRC-32 of `length` zero bytes without reading them: the register's
    /// zero-byte operator raised to `length` by squaring (as zlib's crc32_combine).
    static func crc32OfZeros(_ length: UInt64) -> UInt32 {
        func times(_ matrix: [UInt32], _ vector: UInt32) -> UInt32 {
            var sum: UInt32 = 0
            var v = vector
            var i = 0
            while v != 0 {
                if v & 1 != 0 { sum ^= matrix[i] }
                v >>= 1
                i += 1
            }
            return sum
        }
        func square(_ m: [UInt32]) -> [UInt32] { (0..<32).map { times(m, m[$0]) } }
        var oneBit = [UInt32](repeating: 0, count: 32)
        oneBit[0] = 0xEDB8_8320
        for i in 1..<32 { oneBit[i] = 1 << UInt32(i - 1) }
        var power = square(square(square(oneBit)))  // one zero byte
        var register: UInt32 = 0xFFFF_FFFF
        var n = length
        while n > 0 {
            if n & 1 != 0 { register = times(power, register) }
            power = square(power)
            n >>= 1
        }
        return register ^ 0xFFFF_FFFF
    }

    private static func le16(_ v: UInt16) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8)]) }
    private static func le32(_ v: UInt32) -> Data { Data((0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) }) }

    // MARK: PDF

    /// A PDF of the given objects (object N is `objects[N-1]`), with a correct xref table; object 1 is the catalog.
    static func pdf(_ objects: [String]) -> Data {
        var out = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Data("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { table += String(format: "%010d 00000 n \n", o) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Data(table.utf8)
    }

    /// `count` blank pages.
    static func blankPages(_ count: Int) -> Data {
        let kids = (0..<count).map { "\($0 + 3) 0 R" }.joined(separator: " ")
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [\(kids)] /Count \(count) >>"]
        for _ in 0..<count { objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>") }
        return pdf(objects)
    }

    /// One page that draws lines and no text.
    static var pdfWithoutText: Data {
        let content = "0 0 m 300 400 l S 10 10 200 200 re f"
        return pdf([
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ])
    }

    /// A page tree whose intermediate node lists its own parent as a kid.
    static var pdfPageTreeLoop: Data {
        pdf([
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
            "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 2 >>",
        ])
    }

    // MARK: Other formats

    /// An OLE2 compound file header and a directory naming a "WordDocument" stream, as a legacy .doc has.
    static var legacyDoc: Data {
        var data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        data += Data(count: 512 - data.count)
        for name in ["Root Entry", "WordDocument", "1Table"] {
            var entry = Data(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            entry += Data(count: 128 - entry.count)
            data += entry
        }
        return data
    }

    static var png: Data {
        Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
    }

    /// Bytes from a fixed-seed generator (the same on every run).
    static func randomBytes(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> Data {
        var state = seed
        var out = Data(capacity: count)
        for _ in 0..<count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            out.append(UInt8(truncatingIfNeeded: state))
        }
        return out
    }
}
