import ContractModel

/// `portfolio.csv`: one line per vendor (its current contract), one column per
/// provision with the status; `failures.csv`: the files that could not be read.
public enum MatrixCSV {
    public static func render(_ matrix: PortfolioMatrix) -> String {
        var out = CSV.line(["vendor", "contract", "report", "format", "pages", "earlier_versions"] + matrix.columns.map(\.id))
        for row in matrix.rows {
            let c = row.current
            var cells = [
                row.vendor, c.path, "reports/\(c.reportName).\(BatchReports.linkedExtension)", c.format,
                c.pages.map(String.init) ?? "", row.earlier.map(\.path).joined(separator: "; "),
            ]
            cells += matrix.columns.map { c.cells[$0.id]?.status.rawValue ?? "" }
            out += CSV.line(cells)
        }
        return out
    }

    /// `failures.csv`: path, code, reason; sorted by path; a header line only when nothing failed.
    public static func failures(_ failures: [BatchFailure]) -> String {
        var out = CSV.line(["path", "code", "reason"])
        for f in failures.sorted(by: { ($0.path, $0.code) < ($1.path, $1.code) }) {
            out += CSV.line([f.path, f.code, f.message])
        }
        return out
    }
}
