import ContractModel
import Foundation

/// Vendors x provisions: one row per vendor showing its current contract, with the
/// vendor's earlier versions listed beside it. Rows are sorted by vendor name, so
/// the matrix depends only on its entries, never on the order they arrived in.
public struct PortfolioMatrix: Sendable {
    /// A provision of the playbook, as a column.
    public struct Column: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var severity: String

        public init(id: String, title: String, severity: String) {
            self.id = id
            self.title = title
            self.severity = severity
        }
    }

    /// One vendor: its current contract and the versions before it, oldest first.
    public struct Row: Sendable, Equatable {
        public var vendor: String
        public var current: PortfolioEntry
        public var earlier: [PortfolioEntry]
    }

    /// Facts shown above the matrix (no times: the matrix is reproducible).
    public struct Caption: Sendable, Equatable {
        public var libraryVersion: String
        public var libraryHash: String
        public var policyHash: String

        public init(libraryVersion: String, libraryHash: String, policyHash: String) {
            self.libraryVersion = libraryVersion
            self.libraryHash = libraryHash
            self.policyHash = policyHash
        }
    }

    public var columns: [Column]
    public var rows: [Row]
    public var failures: [BatchFailure]
    public var caption: Caption

    /// Groups `entries` by vendor (`VendorKey`); a vendor's current contract is the one first
    /// seen in the latest run, ties broken by path in natural order (v2 before v10).
    public init(columns: [Column], entries: [PortfolioEntry], failures: [BatchFailure], caption: Caption) {
        self.columns = columns
        self.caption = caption
        self.failures = failures.sorted { ($0.path, $0.code) < ($1.path, $1.code) }
        let groups = Dictionary(grouping: entries, by: \.vendorKey)
        rows = groups.values.map { group in
            let ordered = group.sorted { a, b in
                if a.firstSeenRun != b.firstSeenRun { return a.firstSeenRun < b.firstSeenRun }
                return Self.naturalOrder(a.path, b.path)
            }
            let current = ordered[ordered.count - 1]
            return Row(vendor: current.vendor, current: current, earlier: Array(ordered.dropLast()))
        }.sorted { a, b in
            let (x, y) = (a.vendor.lowercased(), b.vendor.lowercased())
            if x != y { return x < y }
            if a.vendor != b.vendor { return a.vendor < b.vendor }
            return a.current.path < b.current.path
        }
    }

    /// How many vendors have each status for a provision (their current contract).
    public func totals(_ provision: String) -> [Finding.Status: Int] {
        var counts: [Finding.Status: Int] = [:]
        for row in rows {
            if let status = row.current.cells[provision]?.status { counts[status, default: 0] += 1 }
        }
        return counts
    }

    /// "14 of 212 vendors lack it (9 missing, 5 conflict); 20 only in part": one line per provision.
    public func totalsSentence(_ column: Column) -> String {
        let t = totals(column.id)
        let lacking = (t[.missing] ?? 0) + (t[.conflict] ?? 0)
        let noun = rows.count == 1 ? "vendor" : "vendors"
        var parts: [String] = []
        if (t[.missing] ?? 0) > 0 { parts.append("\(t[.missing]!) missing") }
        if (t[.conflict] ?? 0) > 0 { parts.append("\(t[.conflict]!) conflict") }
        var sentence = "\(lacking) of \(rows.count) \(noun) lack it" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
        if let partial = t[.partial], partial > 0 { sentence += "; \(partial) only in part" }
        return sentence
    }

    /// Natural order: digit runs compare by value, so "v2" sorts before "v10".
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        let r = a.compare(b, options: [.numeric])
        return r == .orderedSame ? a < b : r == .orderedAscending
    }
}
