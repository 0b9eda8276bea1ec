import Foundation

extension String {
    /// The text at `range`, in UTF-16 offsets as `NSRegularExpression` reports them:
    /// what `NSString.substring(with:)` gives, sliced from the string itself instead
    /// of copied out as UTF-16 and decoded again. A range whose ends are not both
    /// character boundaries (half of a surrogate pair, a mark without its letter)
    /// goes to NSString, as before.
    package func substring(utf16 range: NSRange) -> String {
        guard let bounds = Range(range, in: self) else { return (self as NSString).substring(with: range) }
        return String(self[bounds])
    }

    /// The text from UTF-16 offset `start` to the end (`NSString.substring(from:)`).
    package func substring(utf16From start: Int) -> String {
        substring(utf16: NSRange(location: start, length: utf16.count - start))
    }

    /// The UTF-16 offset of the first occurrence of ASCII `byte`, as
    /// `NSString.range(of:)` finds it; nil when there is none. Read from the bytes
    /// when the text `searchesAsBytes` (`plain`), else through NSString.
    package func utf16Offset(ofASCII byte: UInt8, plain: Bool) -> Int? {
        guard plain else {
            let found = (self as NSString).range(of: String(UnicodeScalar(byte)))
            return found.location == NSNotFound ? nil : found.location
        }
        guard let at = utf8.firstIndex(of: byte) else { return nil }
        return utf16.distance(from: startIndex, to: at)
    }
}
