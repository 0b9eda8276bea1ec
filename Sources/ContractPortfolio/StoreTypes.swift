import ContractModel
import ContractReport
import Foundation

/// Why the store could not be used; names the file and says what to do.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}

/// What decides whether an earlier review can be reused: the tool, the library,
/// the policy and the reading options (with the file's path and content).
public struct ReviewKey: Sendable, Hashable {
    public var toolVersion: String
    public var libraryHash: String
    public var policyHash: String
    public var optionsHash: String

    public init(toolVersion: String, libraryHash: String, policyHash: String, optionsHash: String) {
        self.toolVersion = toolVersion
        self.libraryHash = libraryHash
        self.policyHash = policyHash
        self.optionsHash = optionsHash
    }
}

/// A batch run as the store records it.
public struct RunInfo: Sendable {
    public var tool: String
    public var libraryVersion: String
    public var key: ReviewKey
    public var policySources: [String]
    public var columns: [PortfolioMatrix.Column]
    public var inputs: [String]
    public var outDir: String
    public var jobs: Int

    public init(
        tool: String, libraryVersion: String, key: ReviewKey, policySources: [String], columns: [PortfolioMatrix.Column],
        inputs: [String], outDir: String, jobs: Int
    ) {
        self.tool = tool
        self.libraryVersion = libraryVersion
        self.key = key
        self.policySources = policySources
        self.columns = columns
        self.inputs = inputs
        self.outDir = outDir
        self.jobs = jobs
    }
}

/// A file of the batch: where it is, how the user named it, its content hash when it could be read.
public struct ContractFile: Sendable, Hashable {
    public var absolutePath: String
    public var displayPath: String
    public var sha256: String?

    public init(absolutePath: String, displayPath: String, sha256: String?) {
        self.absolutePath = absolutePath
        self.displayPath = displayPath
        self.sha256 = sha256
    }

    /// The key under which earlier reviews of this exact content at this path are found.
    public var cacheKey: String? { sha256.map { absolutePath + "\u{0}" + $0 } }
}

/// An earlier review that still holds for a file (same path, content, tool, library, policy, options).
public struct CacheHit: Sendable, Equatable {
    public var reviewID: Int64
    public var displayPath: String
    public var reportName: String
}

/// What one run did with one file.
public enum Outcome: Sendable {
    /// Reviewed in this run.
    case reviewed(ContractFile, Review, reportName: String, milliseconds: Int)
    /// Unchanged since an earlier review, which stands.
    case cached(ContractFile, CacheHit)
    /// Could not be read; `remembered` when the same failure was already stored for this content.
    case failed(ContractFile, BatchFailure, remembered: Bool)
}

/// One run, for listings.
public struct RunSummary: Sendable, Equatable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var status: String
    public var toolVersion: String
    public var libraryVersion: String
    public var libraryHash: String
    public var policyHash: String
    public var files: Int
    public var reviewed: Int
    public var cached: Int
    public var failed: Int
    public var columns: [PortfolioMatrix.Column]
}

/// A vendor's contracts across runs: every version seen, and what each run found.
public struct VendorHistory: Sendable {
    public var vendor: String
    public var key: String
    public var versions: [Version]
    public var reviews: [ReviewEntry]

    /// One content of one contract file.
    public struct Version: Sendable, Equatable {
        public var id: Int64
        public var path: String
        public var sha256: String
        public var format: String?
        public var pages: Int?
        public var firstSeen: String
        public var lastSeen: String
    }

    /// A run's review of one version (reviewed then, or an earlier review that still held).
    public struct ReviewEntry: Sendable {
        public var runID: Int64
        public var runStartedAt: String
        public var versionID: Int64
        public var path: String
        public var sha256: String
        public var outcome: String
        public var findings: [Finding]
    }
}
