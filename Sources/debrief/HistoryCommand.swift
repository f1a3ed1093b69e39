import ArgumentParser
import DebriefKit

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Sessions over time, root causes by severity across them, and problems that keep coming back.",
        discussion: """
        A cause's trend compares problems per session in the newer half of the sessions with \
        the older half. Problems recur when worded alike in two or more sessions of one \
        client: at least two shared words and half of all their words (case, accents, short \
        and common words ignored).
        """)

    @OptionGroup var filter: ClientOption

    @OptionGroup var storage: SessionsOption

    func run() throws {
        let loaded = try LoadedHistory.load(storage, client: filter.client)
        let name = filter.client.map { loaded.sessions.first.map(loaded.directory.name(of:)) ?? $0 }
        StandardStreams.out(HistoryChart.text(sessions: loaded.sessions, directory: loaded.directory, client: name))
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find items across all sessions, with the session and section they are in.",
        discussion: "Case, accents and punctuation are ignored: 'brief late' finds \"Brief: late\".")

    @Argument(help: ArgumentHelp("The words to find, in this order.", valueName: "text"))
    var text: String

    @OptionGroup var filter: ClientOption

    @OptionGroup var storage: SessionsOption

    func run() throws {
        guard !ClientName(text).isEmpty else { throw CommandError("give some letters or digits to search for") }
        let loaded = try LoadedHistory.load(storage, client: filter.client)
        let hits = HistorySearch.find(text, in: loaded.sessions)
        guard !hits.isEmpty else {
            print("No item mentions \"\(VisibleText.line(text))\".")
            return
        }
        for hit in hits {
            print("\(hit.session.day)  \(VisibleText.line(hit.session.name)) · \(VisibleText.line(hit.item.section)) · \(hit.item.kind.rawValue)")
            print("    \(VisibleText.line(hit.item.text))")
        }
        print("\(hits.count) item\(hits.count == 1 ? "" : "s")")
    }
}
