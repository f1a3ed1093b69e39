import ArgumentParser
import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What every cross-session command starts from: the folder's sessions through the index,
/// the client aliases, the ledger, and a line on stderr for each file it could not use, so
/// a report never has a silent gap.
struct LoadedHistory {
    var all: SessionHistory
    var directory: ClientDirectory
    /// The sessions asked for (one client's, or all), newest first.
    var sessions: [SessionDigest]
    var ledger: ActionLedger

    static func load(_ storage: SessionsOption, client: String?) throws -> LoadedHistory {
        let folder = try storage.store.folder
        guard SecureFiles.isFolder(folder.path) == true else {
            throw CommandError("no sessions folder at \(VisibleText.line(folder.path)); give one with --sessions DIR")
        }
        if let client, ClientName(client).isEmpty {
            throw CommandError("--client needs a name with at least one letter or digit")
        }
        let history = HistoryIndex.load(folder: folder)
        let aliases: ClientAliases
        let directory: ClientDirectory
        let sessions: [SessionDigest]
        do {
            aliases = try ClientAliases.load(folder: folder)
            directory = ClientDirectory(sessions: history.sessions, aliases: aliases)
            sessions = try directory.sessions(history.sessions, client: client)
        } catch {
            throw CommandError(error.description)
        }
        for skipped in history.skipped {
            SessionLocator.warn("skipped \(VisibleText.line(skipped.file)): \(VisibleText.line(skipped.reason))")
        }
        for session in sessions {
            if let caveat = session.caveat { SessionLocator.warn("\(VisibleText.line(session.name)): \(caveat)") }
        }
        if history.interrupted > 0 {
            SessionLocator.warn("\(history.interrupted) interrupted meeting(s) not included until they end (debrief resume)")
        }
        return LoadedHistory(all: history, directory: directory, sessions: sessions, ledger: ActionLedger(folder: folder))
    }

    /// Every action of the sessions asked for, with its latest status.
    func actions() -> [TrackedAction] {
        TrackedActions.all(in: sessions, ledger: ledgerEntries())
    }

    /// The ledger's lines, each unreadable one named on stderr.
    func ledgerEntries() -> [ActionLedger.Entry] {
        let (entries, unreadable) = ledger.read()
        if !unreadable.isEmpty {
            let lines = unreadable.prefix(10).map(String.init).joined(separator: ", ")
            SessionLocator.warn("\(ActionLedger.fileName): skipped \(unreadable.count) unreadable line(s): \(lines)")
        }
        return entries
    }
}

/// `--client NAME`, shared by the cross-session commands.
struct ClientOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Only this client's sessions (case and accents ignored; spellings in clients.yaml count as one).",
        valueName: "name"))
    var client: String?
}

