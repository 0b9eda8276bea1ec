import ContractModel
import Foundation
import Testing

/// The deciding words recorded with the evidence: phrases of the quoted text
/// that made the rules hold, for the reports to highlight.
@Suite struct DecidingWordsTests {
    @Test func evidenceCarriesTheWordsThatDecided() throws {
        let findings = try review(
            """
            1. Training. Vendor shall not use Customer Data, including PHI, to train or fine-tune any machine learning model.

            2. Notice. Vendor shall notify Customer within ten (10) business days after discovering a Security Incident.

            3. Storage. Vendor shall store and process PHI only in the United States.
            """)
        let training = try #require(findings["ai.training-opt-out"]?.evidence.first)
        let words = try #require(training.highlights)
        #expect(words.contains("shall not"))
        #expect(words.contains("train"))
        #expect(words.allSatisfy { training.text.contains($0) }, "every phrase is quoted text")
        let notice = try #require(findings["ai.breach-notification"]?.evidence.first)
        #expect(notice.highlights?.contains("ten (10) business days") == true)
        #expect(notice.highlights?.contains("notify") == true)
        let residency = try #require(findings["ai.data-residency"]?.evidence.first)
        #expect(residency.highlights?.contains("United States") == true)
        // in order of first appearance
        let positions = words.map { training.text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }
}
