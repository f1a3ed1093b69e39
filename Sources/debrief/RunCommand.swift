import ArgumentParser

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
    var timeScale: Double = RunOptions().timeScale

    func validate() throws {
        if let problem = RunOptions.timeScaleProblem(timeScale) { throw ValidationError(problem) }
    }

    /// The options as a plain value (`RunOptions` holds the defaults both readers share).
    var options: RunOptions {
        RunOptions(
            agenda: agenda, title: title, client: client, campaign: campaign, facilitator: facilitator,
            noteTaker: noteTaker, data: data, sessions: storage.sessions, allowSharedFolder: storage.allowSharedFolder,
            display: display.chosen, noGit: noGit, timeScale: timeScale)
    }

    func run() throws {
        try MeetingStart.run(options)
    }
}
