import ContractModel
import Foundation

/// What the batch supervisor asks a worker process to do: review one file.
/// Sent as one JSON object per line on the worker's standard input.
public struct WorkerRequest: Sendable, Codable, Equatable {
    /// The supervisor's number for the file, echoed in the reply.
    public var id: Int
    /// The file, as the user named it (it is also the path the report cites).
    public var path: String

    public init(id: Int, path: String) {
        self.id = id
        self.path = path
    }

    /// The request as one line of JSON (newline-terminated; JSON escapes any newline in the path).
    public func line() throws -> Data {
        var data = try JSONEncoder().encode(self)
        data.append(0x0A)
        return data
    }
}

/// A worker's answer for one file: the review, or why the file could not be read.
/// Sent as one length-prefixed frame (see `Frame`) on the worker's standard output.
public struct WorkerReply: Sendable, Codable, Equatable {
    public var id: Int
    public var review: Reviewed?
    public var failure: BatchFailure?

    /// The parts of a review that depend on the file (the provenance is the batch's).
    public struct Reviewed: Sendable, Codable, Equatable {
        public var document: DocumentMetadata
        public var vendor: String
        public var findings: [Finding]

        public init(document: DocumentMetadata, vendor: String, findings: [Finding]) {
            self.document = document
            self.vendor = vendor
            self.findings = findings
        }
    }

    public init(id: Int, review: Reviewed) {
        self.id = id
        self.review = review
        self.failure = nil
    }

    public init(id: Int, failure: BatchFailure) {
        self.id = id
        self.review = nil
        self.failure = failure
    }
}

/// A file the batch could not review, with a stable code and a message that names the file and says what to do.
public struct BatchFailure: Sendable, Codable, Equatable {
    public var path: String
    /// `ReadError.code` (`corrupt`, `scanned`, ...) or one of the batch's own:
    /// `time-limit`, `memory-limit`, `crashed`.
    public var code: String
    /// The advice, without the file name.
    public var message: String

    public init(path: String, code: String, message: String) {
        self.path = path
        self.code = code
        self.message = message
    }

    public init(_ error: ReadError) {
        self.init(path: error.file, code: error.code, message: error.advice)
    }

    /// Failures that come from the file itself and recur on every run with the same
    /// bytes and reading options; the others (limits hit, crashes) are tried again.
    public var isProperty: Bool {
        !["time-limit", "memory-limit", "crashed", "io"].contains(code)
    }

    /// "path: message".
    public var description: String { "\(path): \(message)" }
}

/// Length-prefixed frames: the payload's byte count in decimal, a newline, then the payload.
/// The reader tolerates any split of the byte stream.
public enum Frame {
    /// `payload` framed for the wire.
    public static func encode(_ payload: Data) -> Data {
        var data = Data("\(payload.count)\n".utf8)
        data.append(payload)
        return data
    }

    /// Collects bytes from a pipe and hands out complete payloads.
    public struct Reader: Sendable {
        private var buffer: [UInt8] = []
        private var start = 0
        /// The longest payload accepted; a longer header means the stream is not frames.
        public var maxPayload: Int

        public init(maxPayload: Int = 512 << 20) {
            self.maxPayload = maxPayload
        }

        public enum FrameError: Error, Equatable { case badHeader(String) }

        public mutating func append(_ bytes: UnsafeRawBufferPointer) {
            buffer.append(contentsOf: bytes)
        }

        public mutating func append(_ data: Data) {
            buffer.append(contentsOf: data)
        }

        /// The next complete payload, `nil` until one has arrived in full.
        public mutating func next() throws(FrameError) -> Data? {
            guard let newline = buffer[start...].firstIndex(of: 0x0A) else {
                if buffer.count - start > 20 { throw .badHeader(String(decoding: buffer[start..<start + 20], as: UTF8.self)) }
                return nil
            }
            let header = String(decoding: buffer[start..<newline], as: UTF8.self)
            guard let length = Int(header), length >= 0, length <= maxPayload else { throw .badHeader(header) }
            let payloadStart = newline + 1
            guard buffer.count - payloadStart >= length else { return nil }
            let payload = Data(buffer[payloadStart..<payloadStart + length])
            start = payloadStart + length
            if start == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                start = 0
            } else if start > 1 << 20 {
                buffer.removeFirst(start)
                start = 0
            }
            return payload
        }

        /// Bytes received but not yet handed out as a payload.
        public var pending: Int { buffer.count - start }
    }
}
