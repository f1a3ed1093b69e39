import ArgumentParser
import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a session: internal brief, client summary, JSON, a table as CSV, a calendar, or one creator's debrief.",
        discussion: """
        brief   the internal post-mortem (Markdown)
        client  the client version (Markdown, about a page): results, top-performing content, \
        what we learned, recommendations for the next campaign. No internal notes, questions, \
        raw problems, tags, severities or owners (unless --with-owners); a line naming a \
        person is held back and listed on stderr. --review shows every line, going out or \
        held back, and lets you toggle them (saved beside the session in <name>.review.jsonl).
        json    the session summary and its tables of numbers as one JSON document
        csv     one table: the action items (what, owner, due, problem, section, session; \
        the default), or with --table kpis|creators|content that table with its derived \
        measures (plain numbers, empty when missing)
        ics     the action-item deadlines as an iCalendar file (one to-do per dated action)
        creator a short debrief for one creator (--creator HANDLE): their numbers against \
        their organic rate and the campaign median, their pieces, and only the notes marked \
        client-visible that point at them (@handle or one of their pieces, #c3) and at no other creator
        """)

    enum Format: String, NamedArgument {
        case brief, client, json, csv, ics, creator
    }

    enum Table: String, NamedArgument {
        case kpis, creators, content, actions
    }

    @Argument(help: ArgumentHelp("A session file, or its name in the sessions folder.", valueName: "session"))
    var session: String

    @Option(help: ArgumentHelp("brief, client, json, csv, ics or creator.", valueName: "format"))
    var format: Format

    @Option(help: ArgumentHelp("With --format csv: kpis, creators, content or actions (the default).", valueName: "table"))
    var table: Table?

    @Option(help: ArgumentHelp("With --format creator: the creator's handle (with or without @).", valueName: "handle"))
    var creator: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (created 0600); '-' or none: standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("with-owners"), help: "Client version: name action owners, and let lines that name people go out.")
    var withOwners = false

    @Flag(help: "Client version: review every line in the terminal and choose what goes out, then export.")
    var review = false

    @OptionGroup var storage: SessionsOption

    func validate() throws {
        if review, format != .client { throw ValidationError("--review only applies to --format client") }
        if table != nil && format != .csv {
            throw ValidationError("--table goes with --format csv")
        }
        if format == .creator && (creator ?? "").trimmingWhitespace().isEmpty {
            throw ValidationError("--format creator needs --creator HANDLE")
        }
        if creator != nil && format != .creator {
            throw ValidationError("--creator goes with --format creator")
        }
    }

    func run() throws {
        let (url, record) = try SessionLocator.read(session, in: storage.store)
        let state = record.state
        let name = SessionCatalog.name(of: url)
        let text: String
        switch format {
        case .brief: text = BriefWriter.markdown(header: record.header, state: state)
        case .client: text = try clientVersion(url: url, record: record)
        case .json: text = JSONExporter.json(header: record.header, state: state, session: name)
        case .csv:
            switch table ?? .actions {
            case .actions: text = CSVExporter.csv(state: state, session: name)
            case .kpis: text = TableCSVExporter.csv(.kpis, state: state, session: name)
            case .creators: text = TableCSVExporter.csv(.creators, state: state, session: name)
            case .content: text = TableCSVExporter.csv(.content, state: state, session: name)
            }
        case .creator:
            let handle = creator ?? ""
            guard let debrief = CreatorDebriefWriter.markdown(header: record.header, state: state, handle: handle) else {
                let handles = state.records(in: .creators).map { VisibleText.line($0.name) }
                // A long table is named by its first few handles, not thousands of lines.
                let named = handles.prefix(10).joined(separator: ", ") + (handles.count > 10 ? " and \(handles.count - 10) more" : "")
                throw CommandError(handles.isEmpty
                    ? "this session has no creators table, so there is no debrief for '\(VisibleText.line(handle))'"
                    : "no creator '\(VisibleText.line(handle))' in this session; its creators are \(named)")
            }
            text = debrief
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

    /// The client version, after the review when asked, with the decisions in the sidecar;
    /// lines still held back because they name people are counted on stderr.
    private func clientVersion(url: URL, record: SessionRecord) throws -> String {
        var log = ClientReviewLog(session: url)
        if log.skipped > 0 { SessionLocator.warn("\(log.skipped) unreadable line(s) in \(log.url.lastPathComponent) skipped") }
        if review { try ClientReviewRunner.run(header: record.header, state: record.state, withOwners: withOwners, log: &log) }
        let plan = ClientBriefWriter.plan(header: record.header, state: record.state, withOwners: withOwners, decisions: log.decisions)
        for missing in ClientBriefWriter.missing(plan) { StandardStreams.error("left out: \(missing)\n") }
        let held = plan.namingPeople.map { ($0.text, $0.names) } + plan.resultsNamingPeople.map { ($0.text, $0.names) }
        let naming = held.count
        if naming > 0 {
            var report = "held back: \(naming) line\(naming == 1 ? "" : "s") name\(naming == 1 ? "s" : "") people; review with --review\n"
            for (text, names) in held {
                report += "  - \(VisibleText.line(text)) (names \(names.map(VisibleText.line).joined(separator: ", ")))\n"
            }
            StandardStreams.error(report)
        }
        return ClientBriefWriter.markdown(header: record.header, state: record.state, withOwners: withOwners,
                                          decisions: log.decisions)
    }
}
