import ContractIngest
import ContractModel
import Foundation
import Testing

/// What reading one file gave.
private enum Outcome: Sendable {
    case read(Document)
    case failed(ReadError)
    case timedOut
}

/// A box one reader thread writes its outcome into.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Outcome?
    let done = DispatchSemaphore(value: 0)

    func set(_ outcome: Outcome) {
        lock.lock()
        value = outcome
        lock.unlock()
        done.signal()
    }

    func get() -> Outcome? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// Reads each file on a thread of its own (big stack: poppler recurses on
/// deep object graphs), all at once, and gives up on those not done by the
/// deadline. Some broken files make poppler loop for minutes; their threads
/// are abandoned (the CLI has a watchdog for that), not killed.
private func readAll(_ urls: [URL], seconds: Double) -> [Outcome] {
    let boxes = urls.map { url -> OutcomeBox in
        let box = OutcomeBox()
        let thread = Thread {
            do {
                let data = try Data(contentsOf: url)
                box.set(.read(try DocumentReader().read(data, path: url.lastPathComponent)))
            } catch let error as ReadError {
                box.set(.failed(error))
            } catch {
                box.set(.failed(ReadError(file: url.path, reason: .io("\(error)"))))
            }
        }
        thread.stackSize = 64 << 20
        thread.start()
        return box
    }
    let deadline = DispatchTime.now() + seconds
    return boxes.map { box in
        _ = box.done.wait(timeout: deadline)
        return box.get() ?? .timedOut
    }
}

private func corpusFiles(_ root: URL, where keep: (URL) -> Bool) -> [URL] {
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    var files: [URL] = []
    while let url = walker?.nextObject() as? URL {
        if keep(url) { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
}

@Suite("PDF corpus (../shared)")
struct PDFCorpusTests {
    @Test("every PDF in the outside corpus reads or throws a ReadError")
    func everyFileReadsOrThrows() throws {
        guard let root = sharedPath("corpus/outside/pdf") else { return }
        let files = corpusFiles(root) { ["pdf", "fuzz"].contains($0.pathExtension.lowercased()) }
        #expect(files.count > 10)
        let outcomes = readAll(files, seconds: 30)
        var read = 0
        var failed: [String: Int] = [:]
        var timedOut: [String] = []
        for (url, outcome) in zip(files, outcomes) {
            switch outcome {
            case .read(let document):
                read += 1
                #expect(document.metadata.pages ?? 0 > 0, "\(url.lastPathComponent)")
            case .failed(let error):
                failed[error.code, default: 0] += 1
            case .timedOut:
                timedOut.append(url.lastPathComponent)
            }
        }
        print("PDF corpus: \(files.count) files, \(read) read, failed \(failed.sorted { $0.key < $1.key }), "
            + "timed out (poppler loops; the CLI's watchdog stops them) \(timedOut)")
        #expect(read + failed.values.reduce(0, +) + timedOut.count == files.count)
        #expect(read >= files.count / 2)
    }

    @Test("words match PDFBox's expected text")
    func pdfboxExpectedText() throws {
        guard let root = sharedPath("corpus/outside/pdf/pdfbox") else { return }
        let expected = corpusFiles(root) { $0.path.hasSuffix(".pdf.txt") }
        let pdfs = expected.map { URL(fileURLWithPath: String($0.path.dropLast(4))) }
        let outcomes = readAll(pdfs, seconds: 30)
        var wordsMatch: [String] = []
        var charsMatch: [String] = []
        var differ: [String] = []
        for (txt, (pdf, outcome)) in zip(expected, zip(pdfs, outcomes)) {
            let name = pdf.lastPathComponent
            guard case .read(let document) = outcome else {
                differ.append("\(name) (not read)")
                continue
            }
            let theirs = words(try String(contentsOf: txt, encoding: .utf8))
            var ours: [String] = []
            for f in document.metadata.furniture {
                for _ in f.pages.isEmpty ? [0] : f.pages { ours += words(f.text) }
            }
            for b in document.blocks { ours += words((b.note ?? "") + " " + b.renderedText) }
            if ours.sorted() == theirs.sorted() {
                wordsMatch.append(name)
            } else if ours.joined().sorted() == theirs.joined().sorted() {
                charsMatch.append(name)  // same characters, words split or joined differently
            } else {
                let a = Set(ours)
                let b = Set(theirs)
                differ.append("\(name) (\(a.subtracting(b).count) words only ours, \(b.subtracting(a).count) only PDFBox's)")
            }
        }
        print("PDFBox expected text, \(expected.count) files: same words \(wordsMatch.count) \(wordsMatch); "
            + "same characters \(charsMatch.count) \(charsMatch); differ \(differ.count) \(differ)")
        #expect(wordsMatch.count + charsMatch.count >= 5)
    }

    /// Words after NFKC (ligatures), without hyphens and soft hyphens.
    private func words(_ text: String) -> [String] {
        text.precomposedStringWithCompatibilityMapping
            .split(whereSeparator: { $0.isWhitespace })
            .map { $0.filter { $0 != "-" && $0 != "\u{00AD}" && $0 != "\u{2010}" } }
            .filter { !$0.isEmpty }
    }
}
