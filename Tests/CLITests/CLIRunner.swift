import Foundation

/// Runs the built `baa-review` binary (beside the test bundle) and captures its output.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

let cliRepoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func sharedFile(_ relative: String) -> String? {
    let path = cliRepoRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative).path
    return FileManager.default.fileExists(atPath: path) ? path : nil
}

func runCLI(_ arguments: [String], cwd: URL? = nil) throws -> CLIResult {
    let process = Process()
    process.executableURL = cliBinary()
    process.arguments = arguments
    if let cwd { process.currentDirectoryURL = cwd }
    // the audit log of `check` goes to a test folder, never to the real ~/.local/state
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_STATE_HOME"] = cliStateHome.path
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// Where the CLI tests' runs keep their default audit log (XDG_STATE_HOME).
let cliStateHome: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("baa-review-tests-state-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("baa-review-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Starts the binary without waiting; its standard error goes to CWD/batch.stderr.
func startCLI(_ arguments: [String], cwd: URL) throws -> Process {
    let process = Process()
    process.executableURL = cliBinary()
    process.arguments = arguments
    process.currentDirectoryURL = cwd
    process.standardOutput = FileHandle.nullDevice
    FileManager.default.createFile(atPath: cwd.appendingPathComponent("batch.stderr").path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: cwd.appendingPathComponent("batch.stderr"))
    try process.run()
    return process
}
