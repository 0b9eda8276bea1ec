import ContractModel

/// Everything one report shows about one contract: the document, its findings,
/// and the tool, library and policy that produced them (so a finding can be reproduced).
public struct Review: Sendable {
    public var document: DocumentMetadata
    /// The vendor's name, from the contract's parties, else from the file name.
    public var vendor: String
    public var findings: [Finding]
    public var provenance: Provenance

    public init(document: DocumentMetadata, vendor: String, findings: [Finding], provenance: Provenance) {
        self.document = document
        self.vendor = vendor
        self.findings = findings
        self.provenance = provenance
    }

    /// How many findings have each status.
    public var counts: [Finding.Status: Int] {
        Dictionary(grouping: findings, by: \.status).mapValues(\.count)
    }
}

/// The versions and hashes behind a review.
public struct Provenance: Sendable, Codable, Equatable {
    public var tool: String
    public var toolVersion: String
    public var libraryVersion: String
    public var libraryHash: String
    public var policyHash: String
    public var policySources: [String]

    public init(tool: String, toolVersion: String, libraryVersion: String, libraryHash: String, policyHash: String, policySources: [String]) {
        self.tool = tool
        self.toolVersion = toolVersion
        self.libraryVersion = libraryVersion
        self.libraryHash = libraryHash
        self.policyHash = policyHash
        self.policySources = policySources
    }
}
