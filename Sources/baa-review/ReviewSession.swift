import ContractIngest
import ContractMatch
import ContractModel
import ContractReport
import ContractSegment
import Foundation

/// One run's clause library, policy and reading limits: reviews contracts
/// (read, segment, match) into `Review`s that every report renders, and
/// carries the playbook text the reports quote.
struct ReviewSession {
    let library: ClauseLibrary
    let policy: Policy
    let reviewer: Reviewer
    let provenance: Provenance
    let playbook: Playbook
    let loader: DocumentLoader

    init(library libraryOptions: LibraryOptions, reading: ReadingOptions) throws {
        try self.init(library: libraryOptions, readOptions: reading.readOptions)
    }

    /// With reading options a command adjusted (the batch's workers read one page at a time).
    init(library libraryOptions: LibraryOptions, readOptions: ReadOptions) throws {
        let (library, policy, policyText) = try libraryOptions.load()
        self.library = library
        self.policy = policy
        reviewer = Reviewer(library: library, policy: policy)
        provenance = Provenance(library: library, policy: policy, policyText: policyText)
        playbook = Playbook(library: library)
        loader = DocumentLoader(options: readOptions)
    }

    /// Reads and reviews one contract, or says why it could not be read.
    /// Reading, structure and review share the time limit.
    func review(_ path: String) -> Result<Review, ReadError> {
        let reviewer = reviewer, provenance = provenance
        return loader.load(path) { document in
            let segmented = Segmenter().segment(document)
            let findings = reviewer.review(segmented)
            return Review(
                document: document.metadata, vendor: VendorName.of(segmented), findings: findings, provenance: provenance)
        }
    }
}

extension Provenance {
    /// This tool's version with the library and policy a run uses.
    init(library: ClauseLibrary, policy: Policy, policyText: String) {
        self.init(
            tool: "baa-review", toolVersion: BAAReview.version, libraryVersion: library.version, libraryHash: library.hash,
            policyHash: DocumentReader.sha256(Data(policyText.utf8)),
            policySources: policy.sources.map { ($0 as NSString).lastPathComponent })
    }
}

extension Playbook {
    /// The reports' view of the library's provisions.
    init(library: ClauseLibrary) {
        self.init(
            library.provisions.map {
                ProvisionGuide(
                    id: $0.id, title: $0.title, authority: $0.authority, requirement: $0.requirement, rationale: $0.rationale,
                    modelClause: $0.ask.modelClause, fallback: $0.ask.fallback)
            })
    }
}
