/// Why the audit log could not be written or read. Names the log and says what to do.
public struct AuditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The log file.
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "audit log \(path): \(problem)" }
}
