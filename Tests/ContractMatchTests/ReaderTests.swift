import ContractMatch
import ContractModel
import Testing

@Suite struct DurationReaderTests {
    @Test(arguments: [
        ("within seventy-two (72) hours after discovery", 72.0),
        ("no later than five (5) business days", 168.0),
        ("within ten calendar days", 240.0),
        ("within one (1) business day", 72.0),
        ("within 48 hours", 48.0),
        ("not later than sixty (60) days", 1440.0),
        ("within two weeks", 336.0),
        ("within ten (10) business days", 336.0),
    ])
    func hours(text: String, expected: Double) {
        #expect(DurationReader.durations(in: text).first?.hours == expected)
    }

    @Test func frequenciesAndSoftDeadlines() {
        #expect(DurationReader.durations(in: "status updates at least every forty-eight (48) hours").isEmpty)
        #expect(DurationReader.softDeadlines(in: "shall promptly notify, without unreasonable delay") == ["promptly", "without unreasonable delay"])
    }
}

@Suite struct RegionReaderTests {
    @Test func isoCodes() {
        #expect(RegionReader.regions(in: "stored only in the United States") == ["US"])
        #expect(RegionReader.regions(in: "in the U.S. or the European Union") == ["EU", "US"])
        #expect(RegionReader.regions(in: "support staff in India and the Philippines") == ["IN", "PH"])
        #expect(RegionReader.regions(in: "we use customer data to improve") == [])
    }
}

@Suite struct StatementReaderTests {
    let reader = StatementReader(parties: PartyLexicon())

    @Test func prohibitionWithException() {
        let p = reader.predicates(in: "Provider may not use Inputs to train or improve AI Features, except solely for the benefit of Customer.")
        #expect(p.count == 1)
        #expect(p[0].modality == .prohibition)
        #expect(p[0].actor == .vendor)
        #expect(p[0].exception?.hasPrefix("except solely for the benefit of Customer") == true)
    }

    @Test(arguments: [
        ("Vendor shall not disclose PHI, except as required by law.", "except as required by law."),
        ("Vendor shall not disclose PHI unless Customer consents.", "unless Customer consents."),
        ("Vendor shall not disclose PHI, provided that Customer agrees in writing.", "provided that Customer agrees in writing."),
        ("Vendor shall not use PHI other than to perform the Services.", "other than to perform the Services."),
        ("Vendor shall not use PHI, but only as permitted here.", "but only as permitted here."),
        ("Vendor shall not disclose PHI EXCLUDING aggregate statistics.", "EXCLUDING aggregate statistics."),
        ("Vendor shall not engage subprocessors without Customer\u{2019}s prior written consent.", "without Customer\u{2019}s prior written consent."),
        ("Vendor shall not engage subprocessors\u{00A0}save as allowed.", "\u{00A0}save as allowed."),  // the no-break space is a space to the regex, not to the trimming
        ("Vendor shall not use PHI,except for treatment.", "except for treatment."),
        ("Vendor shall not use PHI otherwise than agreed.", nil),
        ("Vendor shall not use PHI or unlessened data.", nil),
        ("Vendor shall not sell PHI.", nil),
    ] as [(String, String?)])
    func exceptions(sentence: String, exception: String?) {
        // the reader looks for an exception's words before asking the regex; whatever it skips has none
        #expect(reader.predicates(in: sentence).first?.exception == exception)
    }

    @Test func negationIsNotAProhibitionOfTheAction() {
        let p = reader.predicates(in: "Vendor shall not be liable for any use of data to train models.")
        #expect(p.first?.modality == .prohibition)
        #expect(p.first?.action.hasPrefix(" be liable") == true)
    }

    @Test func theGranteeIsPermitted() {
        let p = reader.predicates(in: "Customer grants Vendor a perpetual license to use Customer Data.")
        #expect(p.first?.modality == .permission)
        #expect(p.first?.actor == .vendor)
    }

    @Test func thePassiveAgentActs() {
        // the party after "by" acts, whoever the subject names
        #expect(reader.predicates(in: "Customer shall be notified by Vendor within 72 hours.").first?.actor == .vendor)
        #expect(reader.predicates(in: "Upon Customer's request, PHI shall be made available by Vendor to Customer.").first?.actor == .vendor)
        #expect(reader.predicates(in: "If Vendor breaches, this Agreement may be terminated by Customer.").first?.actor == .customer)
        // a possessive after "by" names a thing, not an actor; "by law" names no party
        #expect(reader.predicates(in: "Vendor shall be bound by Customer's policies.").first?.actor == .vendor)
        #expect(reader.predicates(in: "Vendor shall be permitted by law to disclose PHI.").first?.actor == .vendor)
    }

    @Test func partiesAndDirection() {
        #expect(reader.predicates(in: "Customer may audit Vendor's records.").first?.actor == .customer)
        #expect(reader.predicates(in: "Vendor may audit Customer's use of the Services.").first?.actor == .vendor)
        #expect(reader.predicates(in: "Neither Vendor nor its subcontractors shall use PHI to train models.").first?.modality == .prohibition)
        #expect(reader.predicates(in: "No PHI shall be used to train any model.").first?.modality == .prohibition)
        let two = reader.predicates(in: "Vendor shall notify Customer within 72 hours; Customer may terminate this Agreement.")
        #expect(two.map(\.modality) == [.obligation, .permission])
        #expect(two.map(\.actor) == [.vendor, .customer])
    }

    @Test func contractPartiesNameTheActors() {
        let parties = PartyLexicon(parties: [.init(name: "Acme Scribe AI, Inc.", aliases: ["Acme"], role: .businessAssociate)])
        let p = StatementReader(parties: parties).predicates(in: "Acme will not sell the data.")
        #expect(p.first?.actor == .vendor)
    }

    /// Contracts naming the same parties get one pattern (and share its compiled regex),
    /// whatever order or repetition their preambles give the names in.
    @Test func namesAreListedOnceLongestFirst() {
        #expect(PartyLexicon.longestFirst(["vendor", "acme", "business associate", "acme", "zeta"]) == [
            "business associate", "vendor", "acme", "zeta",
        ])
        let one = PartyLexicon(parties: [.init(name: "Acme Scribe AI, Inc.", aliases: ["Acme", "Vendor"], role: .businessAssociate)])
        let other = PartyLexicon(parties: [.init(name: "Acme Scribe AI, Inc.", aliases: ["Vendor", "Acme"], role: .businessAssociate)])
        #expect(one.vendorPattern == other.vendorPattern)
        #expect(one.customerPattern == PartyLexicon().customerPattern)
    }
}
