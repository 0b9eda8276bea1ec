import ArgumentParser

/// The `baa-review` command: reviews vendor Business Associate Agreements offline.
@main
struct BAAReview: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "baa-review",
        abstract: "Review vendor Business Associate Agreements and AI data-use addenda, offline.",
        discussion: """
            baa-review reads a contract (PDF, DOCX, text or Markdown), rebuilds its clause \
            structure and checks it against a clause library. It never opens a network connection.
            """,
        version: version,
        subcommands: [
            CheckCommand.self, MemoCommand.self, RedlineCommand.self, ExtractCommand.self, LibraryCommand.self,
            BatchCommand.self, PortfolioCommand.self, DiffCommand.self, AuditCommand.self, WorkerCommand.self,
        ]
    )
}
