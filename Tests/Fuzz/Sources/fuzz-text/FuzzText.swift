import Foundation
import FuzzSupport

/// Text and Markdown: decoding, line grouping, labels, tables. The first byte picks the file name.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = Fuzz.data(bytes, count)
    guard let first = data.first else { return 0 }
    Fuzz.read(Data(data.dropFirst()), name: first & 1 == 0 ? "fuzz.txt" : "fuzz.md")
    return 0
}

@_cdecl("fuzz_text_main")
public func fuzzTextMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzz.main(argc, argv, fuzzText)
}
