import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A document's bytes in an anonymous in-memory file (Linux `memfd_create`):
/// no name in any folder, gone when closed. ZIPFoundation reads it through an
/// ordinary `FILE*`, where a read past the end is simply short. Its in-memory
/// archive (`Archive(data:)`) traps instead when a damaged ZIP points past its
/// end (found by fuzzing; Fuzz/regressions/zip-offset-past-end.docx).
final class AnonymousFile {
    private let descriptor: Int32

    /// A path that opens this file while it is open.
    var url: URL { URL(fileURLWithPath: "/proc/self/fd/\(descriptor)") }

    /// `nil` where anonymous files are not available (then the caller reads from memory).
    init?(_ data: Data) {
        #if os(Linux)
            typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(nil, "memfd_create") else { return nil }  // RTLD_DEFAULT
            let create = unsafeBitCast(symbol, to: MemfdCreate.self)
            let fd = create("baa-review-docx", 1)  // MFD_CLOEXEC
            guard fd >= 0 else { return nil }
            let complete = data.withUnsafeBytes { raw -> Bool in
                var written = 0
                while written < raw.count {
                    let n = write(fd, raw.baseAddress! + written, raw.count - written)
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { return false }
                    written += n
                }
                return true
            }
            guard complete else {
                close(fd)
                return nil
            }
            descriptor = fd
        #else
            return nil
        #endif
    }

    deinit {
        close(descriptor)
    }
}
