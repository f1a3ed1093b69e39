import ArgumentParser
import DebriefKit
import DebriefTUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a meeting (the default command).",
        discussion: """
        Keys: PageDown/PageUp move between sections, F2 pauses the clock, F3 gives the \
        section 5 more minutes, F7 switches to the projector view (and back), F8 accepts the \
        agenda's rebalancing when the meeting runs behind, F1 lists every key, F10 ends the \
        meeting. Type notes and press Enter; start a note with ! for a problem, + a win, \
        > an action, ? a question. Other terminals take part with `debrief join` (a projector, \
        a second note-taker, someone over ssh -t); each chooses its own view and theme.
        """)

    @Option(help: ArgumentHelp("A built-in agenda name, a name in ./Agendas, or a YAML file.", valueName: "name|file"))
    var agenda: String?

    @Option(help: "Meeting title (default: the agenda's title).")
    var title: String?

    @Option(help: "Client the meeting is about.")
    var client: String?

    @Option(help: "Campaign the meeting is about.")
    var campaign: String?

    @Option(help: ArgumentHelp("Who facilitates.", valueName: "name"))
    var facilitator: String?

    @Option(name: .customLong("note-taker"), help: ArgumentHelp("Who takes notes.", valueName: "name"))
    var noteTaker: String?

    @Option(name: .customLong("data"), help: ArgumentHelp(
        "A CSV or TSV file of KPIs, creators or content, or a folder of them (repeatable). Imported into the session at the start; see `debrief check-data`.",
        valueName: "file|folder"))
    var data: [String] = []

    @OptionGroup var storage: SessionsOption

    @OptionGroup(title: "Display") var display: DisplayOptions

    @Flag(name: .customLong("no-git"), help: "Do not commit the session and brief, even when the sessions folder is in git.")
    var noGit = false

    @Option(name: .customLong("time-scale"), help: ArgumentHelp(
        "Run the clock this many times faster (rehearsals, demos, tests).", valueName: "x"))
    var timeScale: Double = 1

    func validate() throws {
        guard timeScale > 0, timeScale <= Limits.maximumTimeScale else {
            throw ValidationError("--time-scale must be above 0 and at most 10000")
        }
    }

    func run() throws {
        // ncurses is not thread-safe: the whole meeting runs on the main actor.
        try MainActor.assumeIsolated { try runMeeting() }
    }

    @MainActor
    private func runMeeting() throws {
        // Everything that can fail is checked before the terminal is taken over.
        let agenda = try AgendaResolver.resolve(agenda)
        let store = try storage.store
        let imported = try importData(for: agenda)
        MeetingSession.commitsToGit = !noGit
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandError("debrief run needs an interactive terminal")
        }
        try TerminalRequirement.check()
        ShellTerminal.repairIfLeftRaw()
        if let interrupted = ResumeCommand.offerToResume(store: store) {
            if !imported.isEmpty {
                // The resumed meeting has its own rows; adding these would mix two meetings' numbers.
                SessionLocator.warn("The data files were not imported: the resumed meeting keeps the rows it had. To use them, end it and start a new meeting with --data.")
            }
            return try MeetingSession.resume(interrupted, store: store, countDowntime: false, display: display)
        }
        let started = Date()
        let info = MeetingInfo(
            title: meetingTitle(agenda), client: client, campaign: campaign, facilitator: facilitator,
            noteTaker: noteTaker, startedAt: MeetingInfo.timestamp(started), timeScale: timeScale)
        let header = SessionHeader(agenda: agenda, meeting: info)
        let recorder = try MeetingRecorder.start(header: header, store: store, date: started)
        var model = AppModel(meeting: open(recorder, with: imported), info: info)
        if let client, !client.isEmpty { MeetingSession.carryForward(client: client, store: store, into: &model) }
        try MeetingSession.run(recorder: recorder, model: model, display: display)
    }

    /// The data files, read and checked before anything starts: a problem in any of them
    /// stops `run` with every problem listed, and nothing imported.
    private func importData(for agenda: Agenda) throws -> [ImportedTable] {
        guard !data.isEmpty else { return [] }
        let tables = try DataImport.load(paths: data)
        for table in Set(tables.map(\.table)) where agenda.section(holding: table) == nil {
            throw CommandError("the agenda '\(agenda.name)' has no section for the \(table.rawValue) table (`table: \(table.rawValue)`); choose an agenda that has one, or leave out \(tables.filter { $0.table == table }.map(\.file).joined(separator: ", "))")
        }
        return tables
    }

    /// Opens the meeting on its first section and records the imported rows as its first
    /// events: the session file holds them, so it replays, resumes and exports without the
    /// files (which may change or vanish while the meeting runs).
    private func open(_ recorder: MeetingRecorder, with tables: [ImportedTable]) -> MeetingState {
        guard !tables.isEmpty, let first = recorder.header.agenda.sections.first else {
            return MeetingState(agenda: recorder.header.agenda)
        }
        recorder.record(Event(t: 0, .sectionStarted(section: first.id)))
        for request in tables.flatMap(\.requests) { recorder.record(request, at: 0) }
        return MeetingState.fold(agenda: recorder.header.agenda, events: recorder.events)
    }

    private func meetingTitle(_ agenda: Agenda) -> String {
        if let title, !title.isEmpty { return title }
        return agenda.title
    }
}
