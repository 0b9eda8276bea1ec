import FuzzSupport

/// The main part of a valid package: libxml2 with the safe options and the WordprocessingML walker.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOCXXML(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    Fuzz.read(Fuzz.docx(document: Fuzz.data(bytes, count)), name: "fuzz.docx")
    return 0
}

@_cdecl("fuzz_docx_xml_main")
public func fuzzDOCXXMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzz.main(argc, argv, fuzzDOCXXML)
}
