import ArgumentParser
import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct LearningsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learnings",
        abstract: "The learnings log: what each client's post-mortems taught, and what changed as a result.",
        discussion: """
        Per client, newest post-mortem first: its learnings, its actions with their latest \
        status (see 'debrief actions'), and the root causes seen for that client. Read it \
        before planning the next campaign.
        """)

    enum Format: String, NamedArgument {
        case markdown, json
    }

    @OptionGroup var filter: ClientOption

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (created 0600); '-' or none: standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("markdown (default) or json.", valueName: "format"))
    var format: Format = .markdown

    @OptionGroup var storage: SessionsOption

    func run() throws {
        let loaded = try LoadedHistory.load(storage, client: filter.client)
        let (sessions, directory, ledger) = (loaded.sessions, loaded.directory, loaded.ledgerEntries())
        let text = format == .json ? LearningsLog.json(LearningsLog.build(sessions: sessions, directory: directory, ledger: ledger))
            : LearningsLog.markdown(sessions: sessions, directory: directory, ledger: ledger)
        try OutputFile.write(text, to: output)
    }
}

/// Standard output, or a 0600 file written atomically that is never a session file.
enum OutputFile {
    static func write(_ text: String, to output: String?) throws {
        guard let output, output != "-" else {
            StandardStreams.out(text)
            return
        }
        guard !output.hasSuffix(SessionStore.sessionSuffix), !output.hasSuffix(SessionStore.journalSuffix) else {
            throw CommandError("\(VisibleText.line(output)) looks like a session file; choose another output file")
        }
        do {
            try SecureFiles.writeAtomically(Data(text.utf8), to: URL(fileURLWithPath: output))
        } catch {
            throw CommandError(PlainError.message(error))
        }
    }
}
