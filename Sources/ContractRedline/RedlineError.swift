import ContractModel

/// Why a redline or a rider could not be written. The file is filled in by
/// whoever knows it; ``description`` reads as advice.
public struct RedlineError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The package or one of its parts is damaged.
        case corrupt(String)
        /// The input could not be read (limits, format), as the reader reported it.
        case unreadable(ReadError)
        /// The plan names something the document does not have.
        case mismatch(String)
        /// Writing the output failed.
        case io(String)
    }

    public var file: String
    public var reason: Reason

    public init(_ reason: Reason, file: String = "") {
        self.reason = reason
        self.file = file
    }

    public var description: String {
        let prefix = file.isEmpty ? "" : file + ": "
        switch reason {
        case .corrupt(let why):
            return prefix + "cannot redline this Word document (\(why)). Open and re-save it in Word, then run again."
        case .unreadable(let error):
            return prefix + error.advice
        case .mismatch(let why):
            return prefix + "the redline does not fit the document (\(why)); this is a bug, please report it with the file."
        case .io(let why):
            return prefix + "cannot write the output (\(why)); nothing was written."
        }
    }
}
