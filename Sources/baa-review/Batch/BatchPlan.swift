import ArgumentParser
import ContractPortfolio
import Foundation

/// What a batch does with each file it found: review it in a worker, reuse an
/// earlier review that still holds, or report a failure already known for
/// these bytes. Made before any worker starts.
struct BatchPlan {
    /// Every file found, in path order, with its content hash (`nil` when it cannot be read).
    var files: [ContractFile]
    /// The report name of each file, by index.
    var names: [String]
    /// Outcomes known without a worker: unchanged contracts and remembered failures.
    var early: [Outcome] = []
    /// The files for the workers: index into `files`, path as named.
    var toReview: [(id: Int, path: String)] = []
    var unchanged = 0
    var knownFailures = 0

    /// Hashes every file (stopping when interrupted) and sorts them into the three groups.
    /// A file counts as unchanged when an earlier review of the same path and content, made
    /// with the same key, cites the same path and its report files exist under `reportsDir`.
    init(
        found: [ContractFinder.Found], hits: [String: CacheHit], remembered: [String: BatchFailure], reportsDir: String
    ) throws {
        let assigned = ReportNames.assign(found.map { ($0.displayPath, $0.relativePath) })
        names = found.map { assigned[$0.displayPath]! }
        files = []
        for f in found {
            if Interrupt.requested { throw ExitCode(128 + Interrupt.signalReceived) }
            files.append(ContractFile(absolutePath: f.absolutePath, displayPath: f.displayPath, sha256: Self.sha256(ofFile: f.absolutePath)))
        }
        for (i, file) in files.enumerated() {
            let name = names[i]
            guard let cacheKey = file.cacheKey else {
                early.append(.failed(file, BatchFailure(path: file.displayPath, code: "io", message: "cannot read the file (permission denied, or it vanished)."), remembered: false))
                knownFailures += 1
                continue
            }
            if let hit = hits[cacheKey], hit.reportName == name, hit.displayPath == file.displayPath,
                BatchReports.fileNames(for: name).allSatisfy({ FileManager.default.fileExists(atPath: reportsDir + "/" + $0) })
            {
                early.append(.cached(file, hit))
                unchanged += 1
            } else if var failure = remembered[cacheKey] {
                failure.path = file.displayPath
                early.append(.failed(file, failure, remembered: true))
                knownFailures += 1
            } else {
                toReview.append((i, file.displayPath))
            }
        }
    }

    /// The SHA-256 of a file, read in pieces; `nil` when it cannot be read.
    static func sha256(ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = StreamingSHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(chunk) }
        } catch {
            return nil
        }
        return hasher.finalize()
    }
}
