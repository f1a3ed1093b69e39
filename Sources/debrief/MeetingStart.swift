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

/// Starts the meeting `debrief run` asked for: a new one, or the interrupted one it offers
/// to resume.
enum MeetingStart {
    static func run(_ options: RunOptions) throws {
        // ncurses is not thread-safe: the whole meeting runs on the main actor.
        try MainActor.assumeIsolated { try start(options) }
    }

    @MainActor
    private static func start(_ options: RunOptions) throws {
        // Everything that can fail is checked before the terminal is taken over.
        let agenda = try AgendaResolver.resolve(options.agenda)
        let store = try SessionsOption.store(options.sessions, allowShared: options.allowSharedFolder)
        let imported = try importData(options.data, for: agenda)
        MeetingSession.commitsToGit = !options.noGit
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
            return try MeetingSession.resume(interrupted, store: store, countDowntime: false, display: options.display)
        }
        let started = Date()
        let info = MeetingInfo(
            title: meetingTitle(options.title, agenda), client: options.client, campaign: options.campaign,
            facilitator: options.facilitator, noteTaker: options.noteTaker, startedAt: MeetingInfo.timestamp(started),
            timeScale: options.timeScale)
        let header = SessionHeader(agenda: agenda, meeting: info)
        let recorder = try MeetingRecorder.start(header: header, store: store, date: started)
        var model = AppModel(meeting: open(recorder, with: imported), info: info)
        if let client = options.client, !client.isEmpty { MeetingSession.carryForward(client: client, store: store, into: &model) }
        try MeetingSession.run(recorder: recorder, model: model, display: options.display)
    }

    /// The data files, read and checked before anything starts: a problem in any of them
    /// stops `run` with every problem listed, and nothing imported.
    private static func importData(_ data: [String], for agenda: Agenda) throws -> [ImportedTable] {
        guard !data.isEmpty else { return [] }
        let tables = try DataImport.load(paths: data)
        for table in Set(tables.map(\.table)) where agenda.section(holding: table) == nil {
            throw CommandError("the agenda '\(agenda.name)' has no section for the \(table.rawValue) table (`table: \(table.rawValue)`); choose an agenda that has one, or leave out \(tables.filter { $0.table == table }.map(\.file).joined(separator: ", "))")
        }
        return tables
    }

    /// Opens the meeting on its first section and records the imported rows as its first
    /// events: the session file holds them, so it replays, resumes and exports without the
    /// files (which may change or vanish while the meeting runs). Their fsync runs on a
    /// helper thread while the terminal is set up; the first frame waits for it
    /// (`MeetingLoop.start`).
    private static func open(_ recorder: MeetingRecorder, with tables: [ImportedTable]) -> MeetingState {
        guard let first = recorder.header.agenda.sections.first else { return MeetingState(agenda: recorder.header.agenda) }
        recorder.record(Event(t: 0, .sectionStarted(section: first.id)), syncing: false)
        for request in tables.flatMap(\.requests) { recorder.record(request, at: 0, syncing: false) }
        recorder.startSync()
        // Folded here over the array: the generic `MeetingState.fold` would have the runtime
        // look up a sequence's element type by name, a scan of every conformance record.
        var state = MeetingState(agenda: recorder.header.agenda)
        for event in recorder.events { state.apply(event) }
        return state
    }

    private static func meetingTitle(_ title: String?, _ agenda: Agenda) -> String {
        if let title, !title.isEmpty { return title }
        return agenda.title
    }
}
