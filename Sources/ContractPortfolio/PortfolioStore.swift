import ContractModel
import ContractReport
import Foundation
import GRDB

/// The portfolio store: every contract a batch has seen, its versions, the runs,
/// and the findings of every review, in one SQLite file (through GRDB). It lets a
/// re-run skip unchanged contracts and `baa-review portfolio` answer without
/// reading a contract again. The schema migrates forward from v1 on open.
public final class PortfolioStore: Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String, create: Bool = true) throws(StoreError) {
        self.path = path
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError(file: path, problem: "no portfolio store here; run `baa-review batch` first, or name one with --store")
        }
        do {
            var config = Configuration()
            config.journalMode = .wal
            config.busyMode = .timeout(30)
            queue = try DatabaseQueue(path: path, configuration: config)
            let migrator = StoreSchema.migrator
            let superseded = try queue.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw StoreError(
                    file: path, problem: "this store was written by a newer baa-review (its schema has migrations this version does not know); use that version")
            }
            try migrator.migrate(queue)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        } catch {
            throw StoreError(file: path, problem: "cannot open the portfolio store (\(error))")
        }
    }

    static func describe(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return StoreError(file: path, problem: "this is not a baa-review portfolio store (or it is damaged); name another with --store")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(file: path, problem: "the store is locked by another baa-review; wait for it to finish")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return StoreError(file: path, problem: "cannot open the store for writing (\(error.message ?? "permission denied")); check the folder's permissions")
        case .SQLITE_FULL:
            return StoreError(file: path, problem: "the disk is full")
        default:
            return StoreError(file: path, problem: "store error: \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// Runs `body` in a write transaction, mapping database errors to `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try mapped { try queue.write(body) }
    }

    /// Runs `body` in a read transaction, mapping database errors to `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try mapped { try queue.read(body) }
    }

    private func mapped<T>(_ access: () throws -> T) throws(StoreError) -> T {
        do {
            return try access()
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(file: path, problem: "store error: \(error)")
        }
    }

    /// The migrations applied to this store, oldest first ("v1", ...).
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try StoreSchema.migrator.appliedMigrations(db) }
    }

    /// Closes the database (checkpointing its write-ahead log).
    public func close() {
        try? queue.close()
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
