import ArgumentParser
import DebriefKit

struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List the sessions in the sessions folder, newest first.")

    @OptionGroup var storage: SessionsOption

    func run() throws {
        let folder = storage.store.folder
        let entries = SessionCatalog.entries(in: folder)
        guard !entries.isEmpty else {
            print("No sessions in \(VisibleText.line(folder.path)).")
            return
        }
        print(ShellText.labelled("Sessions in ", VisibleText.line(folder.path) + ":"))
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
            print(ShellText.wrapped(line, indent: 2))
            print("      \(name)")
        }
    }
}
