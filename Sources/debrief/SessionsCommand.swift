import ArgumentParser
import DebriefKit
#if canImport(Glibc)
import Glibc
#endif

struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List the sessions in the sessions folder, newest first.")

    @OptionGroup var filter: ClientOption

    @OptionGroup var storage: SessionsOption

    func run() throws {
        let folder = try storage.store.folder
        var entries = SessionCatalog.entries(in: folder)
        if let client = filter.client {
            // Same matching as the history commands: case, accents and clients.yaml spellings.
            let aliases: ClientAliases
            do { aliases = try ClientAliases.load(folder: folder) } catch { throw CommandError(error.description) }
            let key = aliases.key(for: client)
            entries = entries.filter { entry in entry.header?.meeting.client.map { aliases.key(for: $0) == key } ?? false }
            guard !entries.isEmpty else {
                throw CommandError("no session for client '\(VisibleText.line(client))'; run 'debrief clients' to list them")
            }
        }
        guard !entries.isEmpty else {
            print("No sessions in \(VisibleText.line(folder.path)).")
            return
        }
        // Wrapped for a person at a terminal; a pipe gets each entry on one line, for scripts.
        let toTerminal = isatty(STDOUT_FILENO) != 0
        let heading = VisibleText.line(folder.path) + ":"
        print(toTerminal ? ShellText.labelled("Sessions in ", heading) : "Sessions in " + heading)
        for entry in entries {
            let name = VisibleText.line(SessionCatalog.name(of: entry.url))
            guard let header = entry.header else {
                print("  \(name)  (unreadable: \(VisibleText.line(entry.problem ?? "unknown error")))")
                continue
            }
            let meeting = header.meeting
            let date = LocalTime.text(stored: meeting.startedAt)  // as the reader's clock showed it
            var line = "\(VisibleText.line(date))  \(VisibleText.line(meeting.title))"
            if let client = meeting.client, !client.isEmpty { line += " · \(VisibleText.line(client))" }
            line += " · \(DurationText.clock(entry.durationMilliseconds))"
            line += " · \(entry.problems) problem\(entry.problems == 1 ? "" : "s"), \(entry.actions) action\(entry.actions == 1 ? "" : "s")"
            if entry.isJournal { line += " · INTERRUPTED" }
            print(toTerminal ? ShellText.wrapped(line, indent: 2) : "  " + line)
            print("      \(name)")
        }
    }
}
