/// Numbers written in words, as contracts write them ("seventy-two (72)").
enum NumberWords {
    private static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// The value of "seventy-two", "one hundred twenty", "72", or `nil`.
    static func value(_ s: String) -> Double? {
        let cleaned = s.lowercased().replacingOccurrences(of: ",", with: "")
        if let n = Double(cleaned) { return n }
        var total = 0
        var current = 0
        var any = false
        for word in cleaned.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            let w = String(word)
            if w == "and" { continue }
            if let u = units[w] {
                current += u
            } else if let t = tens[w] {
                current += t
            } else if w == "hundred" {
                current = max(current, 1) * 100
            } else if w == "thousand" {
                total += max(current, 1) * 1000
                current = 0
            } else {
                return nil
            }
            any = true
        }
        return any ? Double(total + current) : nil
    }

    /// The regex alternative matching a number in words or digits.
    static let pattern =
        #"(?:\d+(?:\.\d+)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?|single)(?: hundred(?: (?:and )?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine|ten))?)?)"#
}

import Foundation
