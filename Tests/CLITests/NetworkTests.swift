import Foundation
import Testing

/// baa-review never opens a network connection: `check` works in a network
/// namespace with no interfaces, and makes no socket call at all (strace).
/// Each test returns early on a machine without the tool or the privilege.
@Suite("No network")
struct NetworkTests {
    static let sample = "samples/acme-scribe-baa.docx"

    @Test func checkRunsWithoutANetwork() throws {
        guard let unshare = tool("/usr/bin/unshare"), canUnshareNetwork(unshare) else { return }
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.root) }
        let path = cliRepoRoot.appendingPathComponent(Self.sample).path
        let result = try runSandboxed(
            ["check", "--format", "json", "--audit-log", sandbox.auditLog.path, path], in: sandbox, wrapper: [unshare, "-n"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("baa-review/report@1"))
    }

    @Test(arguments: ["samples/acme-scribe-baa.docx", "samples/acme-scribe-baa.pdf", "samples/bluepeak-chat-addendum.md"])
    func checkMakesNoSocketCall(_ sample: String) throws {
        guard let strace = tool("/usr/bin/strace") else { return }
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.root) }
        // a control: strace sees a socket that a program creates (no traffic); if not, tracing does not work here
        guard let python = tool("/usr/bin/python3", "/usr/local/bin/python3"), traces(strace, python, sandbox) else { return }
        let trace = sandbox.tmp.appendingPathComponent("trace.txt")
        let path = cliRepoRoot.appendingPathComponent(sample).path
        let result = try runSandboxed(
            ["check", "--audit-log", sandbox.auditLog.path, path], in: sandbox,
            wrapper: [strace, "-f", "-qq", "-e", "trace=network", "-e", "signal=none", "-o", trace.path])
        let calls = (try? String(contentsOf: trace, encoding: .utf8)) ?? ""
        if result.status != 0, calls.isEmpty { return }  // ptrace not permitted here
        #expect(result.status == 0, "\(result.stderr)")
        let lines = calls.split(separator: "\n").filter { !$0.contains("+++ exited") && !$0.contains("--- SIG") }
        #expect(lines.isEmpty, "network system calls: \(lines.prefix(10).joined(separator: "\n"))")
    }

    /// Whether `strace` here reports the socket that `python3 -c 'import socket; socket.socket()'` creates.
    private func traces(_ strace: String, _ python: String, _ sandbox: Sandbox) -> Bool {
        let trace = sandbox.tmp.appendingPathComponent("control.txt")
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: strace)
        probe.arguments = ["-f", "-qq", "-e", "trace=socket", "-o", trace.path, python, "-c", "import socket; socket.socket()"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return ((try? String(contentsOf: trace, encoding: .utf8)) ?? "").contains("socket(")
    }

    private func canUnshareNetwork(_ unshare: String) -> Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: unshare)
        probe.arguments = ["-n", "true"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }
}
