import ContractModel
import Foundation
import Testing

@testable import ContractIngest

@Suite struct FormatDetectorTests {
    @Test func detectsFromBytesNotNames() {
        #expect(FormatDetector.detect(Data("%PDF-1.7\n".utf8), fileName: "x.docx") == .supported(.pdf))
        #expect(FormatDetector.detect(Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), fileName: "x.pdf") == .supported(.docx))
        #expect(FormatDetector.detect(Data("hello".utf8), fileName: "x.pdf") == .supported(.text))
        #expect(FormatDetector.detect(Data("# hi".utf8), fileName: "x.md") == .supported(.markdown))
        #expect(FormatDetector.detect(Data("junk\n%PDF-1.4\n".utf8), fileName: "x") == .supported(.pdf))
    }

    private func refusal(_ data: Data, name: String) -> ReadError? {
        do {
            _ = try DocumentReader().read(data, path: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func refusesWithAdvice() {
        let png = refusal(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), name: "scan.pdf")
        #expect(png?.code == "unsupported")
        #expect(png?.description.hasPrefix("scan.pdf: A PNG image is not supported") == true)
        let rtf = refusal(Data("{\\rtf1\\ansi hello}".utf8), name: "c.rtf")
        #expect(rtf?.description.contains("save it as .docx") == true)
        #expect(refusal(Data(), name: "e.txt")?.code == "empty")
        #expect(refusal(Data((0..<600).map { UInt8($0 % 7) }), name: "r.docx")?.code == "unsupported")
    }

    @Test func ole2LegacyDocAndProtectedDocx() {
        let header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let doc = refusal(Data(header + utf16("WordDocument")), name: "old.doc")
        #expect(doc?.description.contains(".doc") == true)
        #expect(doc?.description.contains("save it as .docx") == true)
        let locked = refusal(Data(header + utf16("EncryptedPackage")), name: "locked.docx")
        #expect(locked?.code == "protected-docx")
        #expect(locked?.description.contains("password") == true)
    }

    @Test func sizeLimit() {
        var options = ReadOptions()
        options.maxInputBytes = 10
        do {
            _ = try DocumentReader(options: options).read(Data(repeating: 0x41, count: 11), path: "big.txt")
            Issue.record("expected a limit error")
        } catch {
            #expect(error.code == "limit-exceeded")
            #expect(error.description.contains("--max-bytes"))
        }
    }

    @Test func sha256MatchesKnownVector() {
        #expect(DocumentReader.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
