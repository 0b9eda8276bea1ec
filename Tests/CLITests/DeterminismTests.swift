import Foundation
import Testing

/// The same file, library and policy give byte-identical JSON on every run,
/// whatever the time zone, locale, working directory or number of CPUs.
@Suite("Determinism")
struct DeterminismTests {
    static let samples = [
        "samples/acme-scribe-baa.txt", "samples/bluepeak-chat-addendum.md", "samples/acme-scribe-baa.docx",
        "samples/acme-scribe-baa.pdf",
    ]

    @Test(arguments: samples)
    func checkJSONIsByteIdentical(_ sample: String) throws {
        let sandbox = try Sandbox()
        defer { try? FileManager.default.removeItem(at: sandbox.root) }
        // the same bytes under another name and folder: the report differs only in its path
        let path = try sandbox.file((sample as NSString).lastPathComponent, try Data(contentsOf: cliRepoRoot.appendingPathComponent(sample)))
        let arguments = ["check", "--format", "json", "--audit-log", sandbox.auditLog.path, path]
        let first = try runSandboxed(arguments, in: sandbox)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\"schema\" : \"baa-review/report@1\""))
        let second = try runSandboxed(arguments, in: sandbox)
        #expect(second.stdout == first.stdout)
        // another time zone and locale
        let elsewhere = try runSandboxed(
            arguments, in: sandbox, wrapper: ["/usr/bin/env", "TZ=Pacific/Chatham", "LC_ALL=de_DE.UTF-8", "LANG=tr_TR.UTF-8"])
        #expect(elsewhere.stdout == first.stdout)
        // one CPU: the PDF reader uses one worker instead of several
        if let taskset = tool("/usr/bin/taskset", "/bin/taskset") {
            let oneCPU = try runSandboxed(arguments, in: sandbox, wrapper: [taskset, "-c", "0"])
            #expect(oneCPU.stdout == first.stdout)
        }
        // and the same findings as from the committed sample, run from another directory
        let fromRepo = try runCLI(["check", "--format", "json", sample], cwd: cliRepoRoot)
        #expect(
            fromRepo.stdout.replacingOccurrences(of: "\"path\" : \"\(sample)\"", with: "\"path\" : \"\(path)\"") == first.stdout)
    }
}
