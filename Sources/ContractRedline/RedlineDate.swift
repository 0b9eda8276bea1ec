import Foundation

/// The date tracked changes and comments carry (w:date).
///
/// A redline is deterministic: the same contract, library and options give
/// the same bytes, so the date is never read from the clock unless asked
/// for. By default it is ``fixed`` (2000-01-01, a date no one will mistake
/// for the day of the review); `--date 2026-11-02`, `--date 2026-11-02T14:30:00Z`
/// or `--date today` / `--date now` date the changes as a lawyer would.
public enum RedlineDate {
    /// The default date: deterministic, and obviously not the review's own.
    public static let fixed = "2000-01-01T00:00:00Z"

    /// `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ssZ`, `today` or `now` as an ISO 8601 UTC date-time; `nil` when malformed.
    public static func parse(_ text: String, now: Date = Date()) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func format(_ d: Date, time: Bool) -> String {
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
            let date = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            return date + (time ? String(format: "T%02d:%02d:%02dZ", c.hour!, c.minute!, c.second!) : "T00:00:00Z")
        }
        switch value.lowercased() {
        case "today": return format(now, time: false)
        case "now": return format(now, time: true)
        default: break
        }
        let parts = value.split(separator: "T", maxSplits: 1).map(String.init)
        let ymd = parts[0].split(separator: "-").compactMap { Int($0) }
        guard parts[0].count == 10, ymd.count == 3, (1...12).contains(ymd[1]), (1...31).contains(ymd[2]), ymd[0] >= 1900,
            calendar.date(from: DateComponents(year: ymd[0], month: ymd[1], day: ymd[2])) != nil
        else { return nil }
        guard parts.count == 2 else { return parts[0] + "T00:00:00Z" }
        var time = parts[1]
        guard time.hasSuffix("Z") else { return nil }
        time.removeLast()
        let hms = time.split(separator: ":").compactMap { Int($0) }
        guard time.count == 8, hms.count == 3, (0...23).contains(hms[0]), (0...59).contains(hms[1]), (0...59).contains(hms[2])
        else { return nil }
        return value
    }
}
