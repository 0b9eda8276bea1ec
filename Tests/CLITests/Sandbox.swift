import Foundation

/// A private folder for one run of the CLI: its input files, working directory,
/// HOME, TMPDIR and audit log, so a test can tell exactly which files a run wrote.
/// A secret file holds a random token that no output may ever contain.
struct Sandbox {
    let root: URL
    var input: URL { root.appendingPathComponent("in") }
    var workingDirectory: URL { root.appendingPathComponent("cwd") }
    var home: URL { root.appendingPathComponent("home") }
    var tmp: URL { root.appendingPathComponent("tmp") }
    var auditLog: URL { root.appendingPathComponent("state/audit.jsonl") }
    var secretFile: URL { root.appendingPathComponent("secret.txt") }
    let secret = "SECRET-\(UUID().uuidString)"

    init() throws {
        root = try temporaryDirectory()
        for dir in [input, workingDirectory, home, tmp] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        try Data((secret + "\n").utf8).write(to: secretFile)
    }

    /// Writes `data` as an input file and returns its path.
    func file(_ name: String, _ data: Data) throws -> String {
        let url = input.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Every regular file under the sandbox, relative to it.
    func files() -> Set<String> {
        var result = Set<String>()
        let base = root.resolvingSymlinksInPath().path
        guard let e = FileManager.default.enumerator(atPath: base) else { return result }
        while let relative = e.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.insert(relative)
            }
        }
        return result
    }
}

/// How a sandboxed run ended.
struct SandboxResult {
    var status: Int32
    /// The run ended on a signal (a crash, or the kill at the timeout).
    var signaled: Bool
    /// The run was killed because it passed the kill timeout.
    var killed: Bool
    var stdout: String
    var stderr: String
    var output: String { stdout + stderr }
}

/// The built `baa-review` binary beside the test bundle.
func cliBinary() -> URL {
    let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = binDir.appendingPathComponent("baa-review")
    if FileManager.default.fileExists(atPath: binary.path) { return binary }
    return binDir.deletingLastPathComponent().appendingPathComponent("baa-review")
}

/// The first existing executable among `paths`.
func tool(_ paths: String...) -> String? {
    paths.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs the CLI in `sandbox` with an address-space limit (prlimit, when the
/// machine has it) and kills it after `killAfter` seconds, a limit far above
/// the 20 s the reader allows itself, so that a hang is observed as a kill, never as a stuck test.
func runSandboxed(
    _ arguments: [String], in sandbox: Sandbox, addressSpace: Int = 2 << 30, killAfter: Double = 120,
    wrapper: [String] = []
) throws -> SandboxResult {
    let process = Process()
    var command = wrapper + [cliBinary().path] + arguments
    if let prlimit = tool("/usr/bin/prlimit", "/bin/prlimit") {
        command = [prlimit, "--as=\(addressSpace)", "--"] + command
    }
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.currentDirectoryURL = sandbox.workingDirectory
    process.environment = [
        "HOME": sandbox.home.path, "TMPDIR": sandbox.tmp.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
    ]
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let killed = KillFlag()
    let pid = process.processIdentifier
    let timer = DispatchWorkItem {
        killed.set()
        kill(pid, SIGKILL)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + killAfter, execute: timer)
    let errData = ReadInBackground(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    return SandboxResult(
        status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal, killed: killed.value,
        stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData.wait(), as: UTF8.self))
}

private final class KillFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}

/// Drains a pipe on another thread, so neither pipe can fill and block the child.
private final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }
    func wait() -> Data {
        done.wait()
        return data
    }
}
