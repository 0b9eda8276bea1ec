import ContractSegment
import Foundation
import FuzzSupport

/// The structure stage: a document read from fuzzed text, then its clause tree,
/// definitions, parties and cross-references. The first byte picks the file name.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegment(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = Fuzz.data(bytes, count)
    guard let first = data.first, let document = Fuzz.read(Data(data.dropFirst()), name: first & 1 == 0 ? "fuzz.txt" : "fuzz.md")
    else { return 0 }
    _ = Segmenter().segment(document)
    return 0
}

@_cdecl("fuzz_segment_main")
public func fuzzSegmentMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzz.main(argc, argv, fuzzSegment)
}
