import ContractModel
import ContractReport

/// One reviewed contract as the portfolio shows it: who, which file, where its
/// report is, and the status of every provision.
public struct PortfolioEntry: Sendable, Equatable {
    /// The path as the user named it (as the report cites it).
    public var path: String
    /// The report's file name without extension, under `reports/`.
    public var reportName: String
    public var vendor: String
    public var sha256: String
    public var format: String
    public var pages: Int?
    /// The store's run in which this version of the contract was first seen; later
    /// versions of a vendor's contract have higher numbers.
    public var firstSeenRun: Int64
    /// Status, deciding clauses and parameters, by provision id.
    public var cells: [String: Cell]

    /// What the matrix shows for one provision of one contract.
    public struct Cell: Sendable, Equatable {
        public var status: Finding.Status
        public var clauses: [String]
        public var parameters: [String: ParameterValue]

        public init(status: Finding.Status, clauses: [String], parameters: [String: ParameterValue]) {
            self.status = status
            self.clauses = clauses
            self.parameters = parameters
        }

        public init(_ finding: Finding) {
            var seen: Set<String> = []
            self.init(
                status: finding.status, clauses: finding.evidence.map(\.clause).filter { seen.insert($0).inserted },
                parameters: finding.parameters)
        }
    }

    public init(
        path: String, reportName: String, vendor: String, sha256: String, format: String, pages: Int?,
        firstSeenRun: Int64, cells: [String: Cell]
    ) {
        self.path = path
        self.reportName = reportName
        self.vendor = vendor
        self.sha256 = sha256
        self.format = format
        self.pages = pages
        self.firstSeenRun = firstSeenRun
        self.cells = cells
    }

    /// The entry of a fresh review.
    public init(review: Review, reportName: String, firstSeenRun: Int64) {
        self.init(
            path: review.document.path, reportName: reportName, vendor: review.vendor, sha256: review.document.sha256,
            format: review.document.format.rawValue, pages: review.document.pages, firstSeenRun: firstSeenRun,
            cells: Dictionary(review.findings.map { ($0.provision, Cell($0)) }, uniquingKeysWith: { a, _ in a }))
    }

    public var vendorKey: String { VendorKey.of(vendor) }
}
