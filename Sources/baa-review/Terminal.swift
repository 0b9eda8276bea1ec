import Foundation

/// The only place that writes to the terminal.
enum Terminal {
    static func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func out(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("baa-review: error: \(message)\n".utf8))
    }

    /// A line about what the command did (a file written), on standard error so output stays clean.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("baa-review: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("baa-review: warning: \(message)\n".utf8))
    }
}
