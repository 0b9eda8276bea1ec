import Foundation

/// Reads places where data may be stored or processed, as ISO 3166 alpha-2
/// codes ("United States" -> "US"). Groups such as the European Union are
/// written as their common code ("EU").
public enum RegionReader {
    private static let names: [(String, String)] = [
        (#"united states(?: of america)?|\bu\.s\.a?\.?(?=\W|$)|\busa\b|\bus\b(?=[- ](?:soil|territory|territories|only|based|data|regions?|located))|continental united states|domestic(?:ally)?|\bus-(?:east|west|central|gov)\w*|\b(?:east|west|central)us\d?\b"#, "US"),
        (#"\bcanada\b"#, "CA"), (#"united kingdom|\bu\.k\.|great britain"#, "GB"),
        (#"european union|\bthe eu\b|\beea\b|european economic area"#, "EU"), (#"\bindia\b"#, "IN"),
        (#"\bireland\b"#, "IE"), (#"\bgermany\b"#, "DE"), (#"\bfrance\b"#, "FR"), (#"\baustralia\b"#, "AU"),
        (#"\bjapan\b"#, "JP"), (#"\bsingapore\b"#, "SG"), (#"\bphilippines\b"#, "PH"), (#"\bmexico\b"#, "MX"),
        (#"\bswitzerland\b"#, "CH"), (#"\bisrael\b"#, "IL"), (#"\bbrazil\b"#, "BR"), (#"\bchina\b"#, "CN"),
    ]
    private static let compiled: [(NSRegularExpression, String)] = names.map {
        (try! NSRegularExpression(pattern: $0.0, options: [.caseInsensitive]), $0.1)
    }

    /// Where places are named in `text` (UTF-16 ranges), in order: the words `regions(in:)` read.
    public static func nameRanges(in text: String) -> [NSRange] {
        let range = NSRange(location: 0, length: (text as NSString).length)
        return compiled.flatMap { regex, _ in regex.matches(in: text, range: range).map(\.range) }
            .sorted { $0.location < $1.location }
    }

    /// Region codes named in `text`, sorted and without duplicates.
    public static func regions(in text: String) -> [String] {
        let range = NSRange(location: 0, length: (text as NSString).length)
        var found = Set<String>()
        for (regex, code) in compiled where regex.firstMatch(in: text, range: range) != nil {
            found.insert(code)
        }
        return found.sorted()
    }
}
