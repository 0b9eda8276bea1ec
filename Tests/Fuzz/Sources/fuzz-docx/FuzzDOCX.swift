import FuzzSupport

/// Whole files, mostly mutated .docx packages: the ZIP reader, the OPC caps and every part's parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOCX(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    Fuzz.read(Fuzz.data(bytes, count), name: "fuzz.docx")
    return 0
}

@_cdecl("fuzz_docx_main")
public func fuzzDOCXMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzz.main(argc, argv, fuzzDOCX)
}
