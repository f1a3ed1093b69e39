import ArgumentParser
import DebriefKit
import DebriefTUI
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start a meeting (the default command).",
        discussion: """
        Keys: PageDown/PageUp move between sections, F2 pauses the clock, F3 gives the \
        section 5 more minutes, F1 lists every key, F10 ends the meeting. Type notes and \
        press Enter; start a note with ! for a problem, + a win, > an action, ? a question.
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

    @OptionGroup var storage: SessionsOption

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
        MeetingSession.commitsToGit = !noGit
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandError("debrief run needs an interactive terminal")
        }
        try TerminalRequirement.check()
        ShellTerminal.repairIfLeftRaw()
        if let interrupted = ResumeCommand.offerToResume(store: storage.store) {
            return try MeetingSession.resume(interrupted, store: storage.store, countDowntime: false)
        }
        let started = Date()
        let info = MeetingInfo(
            title: meetingTitle(agenda), client: client, campaign: campaign, facilitator: facilitator,
            noteTaker: noteTaker, startedAt: MeetingInfo.timestamp(started), timeScale: timeScale)
        let header = SessionHeader(agenda: agenda, meeting: info)
        let recorder = try MeetingRecorder.start(header: header, store: storage.store, date: started)
        try MeetingSession.run(recorder: recorder, model: AppModel(meeting: MeetingState(agenda: agenda), info: info))
    }

    private func meetingTitle(_ agenda: Agenda) -> String {
        if let title, !title.isEmpty { return title }
        return agenda.title
    }
}
