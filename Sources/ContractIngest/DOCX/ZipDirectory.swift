import Foundation

#if canImport(CZlib)
    import CZlib  // zlib, through ZIPFoundation's module map on Linux
#elseif canImport(zlib)
    import zlib
#endif

/// A ZIP archive read in memory by this project's own small reader: the
/// central directory (ZIP64 included), then each entry's bytes, bounds-checked
/// against the data, inflated by zlib from exactly those bytes and checked
/// against their CRC-32.
///
/// ZIPFoundation's reader trapped on a directory that points past the end of
/// the data, and looped for ever on a deflate stream cut short (both found by
/// fuzzing: Tests/Fuzz/regressions/); here every offset and size is checked first,
/// and inflating stops when the entry's own bytes run out.
package struct ZipDirectory {
    package struct Entry {
        package var name: String
        package var method: UInt16
        package var crc: UInt32
        package var compressedSize: UInt64
        package var uncompressedSize: UInt64
        package var localHeaderOffset: UInt64
        package var isDirectory: Bool { name.hasSuffix("/") }
    }

    package enum Failure: Error {
        case damaged(String)
        case tooManyEntries
        case capExceeded
    }

    package let data: Data
    package private(set) var entries: [Entry] = []

    /// Reads the central directory; `maxEntries` is checked before the entries are read.
    package init(_ data: Data, maxEntries: Int) throws(Failure) {
        self.data = data
        let bytes = data
        func u16(_ i: Int) throws(Failure) -> Int {
            guard i >= 0, i + 2 <= bytes.count else { throw .damaged("it is truncated") }
            return Int(bytes[bytes.startIndex + i]) | Int(bytes[bytes.startIndex + i + 1]) << 8
        }
        func u32(_ i: Int) throws(Failure) -> UInt64 {
            UInt64(try u16(i)) | UInt64(try u16(i + 2)) << 16
        }
        func u64(_ i: Int) throws(Failure) -> UInt64 {
            try u32(i) | (try u32(i + 4)) << 32
        }
        // the end of central directory record: the last signature within 64 KiB of the end
        var eocd = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while i >= lowest {
            if try u32(i) == 0x0605_4b50 {
                eocd = i
                break
            }
            i -= 1
        }
        guard eocd >= 0 else { throw .damaged("it has no ZIP directory; it may be truncated") }
        var count = UInt64(try u16(eocd + 10))
        var directorySize = try u32(eocd + 12)
        var directoryOffset = try u32(eocd + 16)
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF, eocd >= 20,
            try u32(eocd - 20) == 0x0706_4b50
        {
            let zip64 = try u64(eocd - 20 + 8)
            guard bytes.count >= 56, zip64 <= UInt64(bytes.count - 56), try u32(Int(zip64)) == 0x0606_4b50 else {
                throw .damaged("its ZIP64 directory is damaged")
            }
            count = try u64(Int(zip64) + 32)
            directorySize = try u64(Int(zip64) + 40)
            directoryOffset = try u64(Int(zip64) + 48)
        }
        guard directoryOffset <= UInt64(bytes.count), directorySize <= UInt64(bytes.count) - directoryOffset else {
            throw .damaged("its ZIP directory points past the end of the file")
        }
        guard count <= UInt64(maxEntries) else { throw .tooManyEntries }
        var p = Int(directoryOffset)
        let end = Int(directoryOffset + directorySize)
        for _ in 0..<Int(count) {
            guard p + 46 <= end, try u32(p) == 0x0201_4b50 else { throw .damaged("its ZIP directory is damaged") }
            let nameLength = try u16(p + 28), extraLength = try u16(p + 30), commentLength = try u16(p + 32)
            guard p + 46 + nameLength + extraLength + commentLength <= end else {
                throw .damaged("its ZIP directory is damaged")
            }
            let start = bytes.startIndex + p + 46
            let name = String(decoding: bytes[start..<start + nameLength], as: UTF8.self)
            var entry = Entry(
                name: name, method: UInt16(try u16(p + 10)), crc: UInt32(try u32(p + 16)), compressedSize: try u32(p + 20),
                uncompressedSize: try u32(p + 24), localHeaderOffset: try u32(p + 42))
            // ZIP64 sizes and offset, in this order, for the fields that are all ones
            var x = p + 46 + nameLength
            let extraEnd = x + extraLength
            while x + 4 <= extraEnd {
                let id = try u16(x), size = try u16(x + 2)
                if id == 1 {
                    var f = x + 4
                    if entry.uncompressedSize == 0xFFFF_FFFF, f + 8 <= x + 4 + size {
                        entry.uncompressedSize = try u64(f)
                        f += 8
                    }
                    if entry.compressedSize == 0xFFFF_FFFF, f + 8 <= x + 4 + size {
                        entry.compressedSize = try u64(f)
                        f += 8
                    }
                    if entry.localHeaderOffset == 0xFFFF_FFFF, f + 8 <= x + 4 + size { entry.localHeaderOffset = try u64(f) }
                }
                x += 4 + size
            }
            entries.append(entry)
            p += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The entry's bytes, inflated, passed to `consume` in chunks; throws
    /// `.capExceeded` when `consume` returns false.
    package func extract(_ entry: Entry, consume: (UnsafeRawBufferPointer) -> Bool) throws(Failure) {
        let name = entry.name
        let offset = entry.localHeaderOffset
        guard data.count >= 30, offset <= UInt64(data.count - 30) else {
            throw .damaged("the ZIP entry \(name) points past the end of the file")
        }
        let base = data.startIndex + Int(offset)
        func u16(_ i: Int) -> Int { Int(data[base + i]) | Int(data[base + i + 1]) << 8 }
        guard data[base] == 0x50, data[base + 1] == 0x4B, data[base + 2] == 0x03, data[base + 3] == 0x04 else {
            throw .damaged("the ZIP entry \(name) has no local header")
        }
        let start = UInt64(30 + u16(26) + u16(28)) + offset
        guard start <= UInt64(data.count), entry.compressedSize <= UInt64(data.count) - start else {
            throw .damaged("the ZIP entry \(name) is truncated")
        }
        let range = (data.startIndex + Int(start))..<(data.startIndex + Int(start + entry.compressedSize))
        var crc: UInt = 0
        var failure: Failure?
        data[range].withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            switch entry.method {
            case 0:
                crc = crc32(crc, input.bindMemory(to: UInt8.self).baseAddress, UInt32(input.count))
                if !consume(input) { failure = .capExceeded }
            case 8:
                failure = Self.inflate(input, name: name, crc: &crc, consume: consume)
            default:
                failure = .damaged("the ZIP entry \(name) uses compression method \(entry.method), which Word never writes")
            }
        }
        if let failure { throw failure }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc else {
            throw .damaged("the ZIP entry \(name) is damaged (its checksum does not match)")
        }
    }

    /// Inflates a raw deflate stream from exactly `input`; `nil` when it ended properly.
    private static func inflate(
        _ input: UnsafeRawBufferPointer, name: String, crc: inout UInt, consume: (UnsafeRawBufferPointer) -> Bool
    ) -> Failure? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .damaged("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        let chunk = 256 << 10
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { output.deallocate() }
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
        stream.avail_in = UInt32(input.count)
        while true {
            stream.next_out = output
            stream.avail_out = UInt32(chunk)
            let status = zlib_inflate(&stream)
            let produced = chunk - Int(stream.avail_out)
            if produced > 0 {
                crc = crc32(crc, output, UInt32(produced))
                if !consume(UnsafeRawBufferPointer(start: output, count: produced)) { return .capExceeded }
            }
            switch status {
            case Z_STREAM_END: return nil
            case Z_OK: continue
            case Z_BUF_ERROR where produced > 0: continue
            case Z_BUF_ERROR: return .damaged("the ZIP entry \(name) is truncated")
            default: return .damaged("the ZIP entry \(name) is damaged (not a valid deflate stream)")
            }
        }
    }
}

/// zlib's `inflate`, named apart from the static method above.
private func zlib_inflate(_ stream: inout z_stream) -> Int32 {
    inflate(&stream, Z_NO_FLUSH)
}
