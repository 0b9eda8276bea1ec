import Foundation

/// Decodes text files: UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM.
/// Invalid bytes become U+FFFD and are counted, never fatal.
package enum TextDecoder {
    package struct Decoded: Sendable {
        package var text: String
        package var encoding: String
        /// How many invalid byte sequences were replaced with U+FFFD.
        package var replaced: Int
    }

    package static func decode(_ data: Data) -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) {
            return utf16(bytes.dropFirst(2), littleEndian: true)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(bytes.dropFirst(2), littleEndian: false)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        // valid UTF-8 (nearly every file) is taken whole, without decoding scalar by scalar
        if let text = String(validating: body, as: UTF8.self) {
            return Decoded(text: text, encoding: "UTF-8", replaced: 0)
        }
        var decoder = UTF8()
        var it = body.makeIterator()
        let (scalars, replaced) = Self.scalars(&decoder, &it)
        return Decoded(text: String(scalars), encoding: "UTF-8", replaced: replaced)
    }

    /// Decodes every code unit, replacing invalid sequences with U+FFFD and counting them.
    private static func scalars<C: UnicodeCodec, I: IteratorProtocol>(_ decoder: inout C, _ it: inout I)
        -> (String.UnicodeScalarView, Int) where I.Element == C.CodeUnit
    {
        var scalars = String.UnicodeScalarView()
        var replaced = 0
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): scalars.append(s)
            case .error:
                replaced += 1
                scalars.append("\u{FFFD}")
            case .emptyInput: break loop
            }
        }
        return (scalars, replaced)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        var replaced = 0
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        if i < bytes.endIndex { replaced += 1 }  // a dangling odd byte
        var decoder = UTF16()
        var it = units.makeIterator()
        var (scalars, invalid) = Self.scalars(&decoder, &it)
        replaced += invalid
        if i < bytes.endIndex { scalars.append("\u{FFFD}") }
        return Decoded(text: String(scalars), encoding: littleEndian ? "UTF-16LE" : "UTF-16BE", replaced: replaced)
    }
}
