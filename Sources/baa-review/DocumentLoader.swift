import ContractIngest
import ContractModel
import Dispatch
import Foundation

/// Loads files from disk and reads them under a watchdog, so a C library that
/// loops on a hostile file cannot hang the command: after the time limit the
/// document is reported as failed and the command moves on (the stuck reader
/// thread is abandoned and dies with the process).
struct DocumentLoader {
    var options: ReadOptions

    func load(_ path: String) -> Result<Document, ReadError> {
        load(path) { $0 }
    }

    /// Reads `path` and runs `then` on the document, both within the one time
    /// limit, so that a file whose structure is pathological (not only one that
    /// hangs a reader) cannot hold the command either.
    func load<T: Sendable>(_ path: String, then: @escaping @Sendable (Document) -> T) -> Result<T, ReadError> {
        readAndRun(path, then: then).map(\.result)
    }

    /// The document and the bytes it was read from (for commands that write a changed copy).
    func loadWithBytes(_ path: String) -> Result<(document: Document, data: Data), ReadError> {
        readAndRun(path) { $0 }.map { ($0.result, $0.data) }
    }

    private func readAndRun<T: Sendable>(_ path: String, then: @escaping @Sendable (Document) -> T) -> Result<(result: T, data: Data), ReadError> {
        let data: Data
        do {
            data = try Self.readFile(path, limit: options.maxInputBytes)
        } catch {
            return .failure(error)
        }
        let reader = DocumentReader(options: options)
        let result = Watchdog.run(seconds: options.timeLimit) { () -> Result<T, ReadError> in
            Result { () throws(ReadError) -> T in then(try reader.read(data, path: path)) }
        }
        return (result ?? .failure(ReadError(file: path, reason: .timeLimit(seconds: options.timeLimit)))).map { ($0, data) }
    }

    static func readFile(_ path: String, limit: Int) throws(ReadError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(file: path, reason: .io("no such file"))
        }
        if isDirectory.boolValue { throw ReadError(file: path, reason: .io("it is a directory; name the files in it")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(file: path, reason: .io("permission denied or not a regular file"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            if data.count > limit {
                throw ReadError(
                    file: path,
                    reason: .limitExceeded(what: "the file size", limit: "\(limit) bytes", flag: "--max-bytes"))
            }
            return data
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(file: path, reason: .io(error.localizedDescription))
        }
    }
}
