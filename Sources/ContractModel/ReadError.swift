/// Why a file could not be read. Every case names the file and says what to do.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure a reader reports.
    public enum Reason: Sendable, Equatable {
        /// A format baa-review does not read (legacy .doc, RTF, images, ...).
        case unsupported(format: String, advice: String)
        /// The PDF is encrypted and no password was given.
        case passwordRequired
        /// The password given does not open the PDF.
        case wrongPassword
        /// The PDF has no text layer (a scan); OCR is not yet supported.
        case scanned(pages: Int)
        /// The file is damaged or not what its structure claims.
        case corrupt(String)
        /// A DOCX is protected with a password (an encrypted OLE2 container).
        case protectedDOCX
        /// A configured limit was exceeded; `flag` names the option that raises it.
        case limitExceeded(what: String, limit: String, flag: String)
        /// The document took longer than the time limit.
        case timeLimit(seconds: Double)
        /// The file is empty.
        case empty
        /// The file could not be opened or read from disk.
        case io(String)
    }

    /// The file as the user named it.
    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    /// A one-line message that names the file, the problem and what to do about it.
    public var description: String {
        "\(file): \(advice)"
    }

    /// The problem and the advice, without the file name.
    public var advice: String {
        switch reason {
        case .unsupported(let format, let advice):
            return "\(format) is not supported. \(advice)"
        case .passwordRequired:
            return "this PDF is encrypted; run again with --password to open it."
        case .wrongPassword:
            return "the password given does not open this PDF; check it and run again with --password."
        case .scanned(let pages):
            return "this PDF has no extractable text (\(pages) page\(pages == 1 ? "" : "s"); probably a scan, or fonts "
                + "without a text encoding); OCR is not supported yet: ask the vendor for the Word file or a text PDF."
        case .corrupt(let detail):
            return "the file is damaged and cannot be read (\(detail)). Ask for a fresh copy, or open and re-save it."
        case .protectedDOCX:
            return "this Word document is protected with a password (encrypted). Remove the password in Word "
                + "(File > Info > Protect Document) and save it again as .docx."
        case .limitExceeded(let what, let limit, let flag):
            return "\(what) exceeds the limit of \(limit); if the file is trusted, raise it with \(flag)."
        case .timeLimit(let seconds):
            return "reading took longer than the time limit of \(formatSeconds(seconds)) and was stopped; "
                + "the file may be damaged. Raise the limit with --time-limit if it is a large, trusted file."
        case .empty:
            return "the file is empty."
        case .io(let detail):
            return "cannot read the file (\(detail))."
        }
    }

    /// A stable short code for the reason, used in JSON and CSV output.
    public var code: String {
        switch reason {
        case .unsupported: "unsupported"
        case .passwordRequired: "password-required"
        case .wrongPassword: "wrong-password"
        case .scanned: "scanned"
        case .corrupt: "corrupt"
        case .protectedDOCX: "protected-docx"
        case .limitExceeded: "limit-exceeded"
        case .timeLimit: "time-limit"
        case .empty: "empty"
        case .io: "io"
        }
    }
}

private func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
}
