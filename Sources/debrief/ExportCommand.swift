import ArgumentParser
import DebriefKit
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a session: internal brief, client summary, JSON, action items as CSV or calendar.",
        discussion: """
        brief   the internal post-mortem (Markdown)
        client  the client-facing summary (Markdown): no internal notes, questions, tags, \
        severities or owners (unless --with-owners)
        json    the session summary as one JSON document
        csv     the action items (what, owner, due, problem, section, session)
        ics     the action-item deadlines as an iCalendar file (one to-do per dated action)
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case brief, client, json, csv, ics
    }

    @Argument(help: ArgumentHelp("A session file, or its name in the sessions folder.", valueName: "session"))
    var session: String

    @Option(help: ArgumentHelp("brief, client, json, csv or ics.", valueName: "format"))
    var format: Format

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (created 0600); '-' or none: standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("with-owners"), help: "Name action owners in the client export.")
    var withOwners = false

    @OptionGroup var storage: SessionsOption

    func run() throws {
        let (url, record) = try SessionLocator.read(session, in: storage.store)
        let state = record.state
        let name = SessionCatalog.name(of: url)
        let text: String
        switch format {
        case .brief: text = BriefWriter.markdown(header: record.header, state: state)
        case .client: text = ClientBriefWriter.markdown(header: record.header, state: state, withOwners: withOwners)
        case .json: text = JSONExporter.json(header: record.header, state: state, session: name)
        case .csv: text = CSVExporter.csv(state: state, session: name)
        case .ics:
            text = ICSExporter.ics(header: record.header, state: state, session: name)
            let undated = ICSExporter.undated(state).count
            if undated > 0 {
                SessionLocator.warn("\(undated) action item(s) without a yyyy-MM-dd due date are not in the calendar")
            }
        }
        guard let output, output != "-" else {
            StandardStreams.out(text)
            return
        }
        let target = URL(fileURLWithPath: output)
        // An export must never replace the session it was made from.
        guard target.standardizedFileURL.resolvingSymlinksInPath() != url.standardizedFileURL.resolvingSymlinksInPath() else {
            throw CommandError("\(output) is the session file itself; choose another output file")
        }
        do {
            try SecureFiles.writeAtomically(Data(text.utf8), to: target)
        } catch {
            throw CommandError(PlainError.message(error))
        }
    }
}
