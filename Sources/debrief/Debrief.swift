import ArgumentParser

@main
struct Debrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Run retrospectives and post-mortems in the terminal.",
        discussion: """
        With no subcommand, starts a meeting on the built-in influencer-campaign post-mortem, \
        or offers to resume an interrupted one.
        Sessions are saved in --sessions DIR (default: $DEBRIEF_SESSIONS, else
        $XDG_DATA_HOME/debrief/sessions, else ~/.local/share/debrief/sessions).
        """,
        version: Version.text,
        subcommands: [
            RunCommand.self, ResumeCommand.self, JoinCommand.self, ReplayCommand.self, ShowCommand.self, SessionsCommand.self,
            ExportCommand.self, AgendasCommand.self, CheckCommand.self, CheckDataCommand.self,
            ClientsCommand.self, LearningsCommand.self, ActionsCommand.self, HistoryCommand.self, SearchCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// A plain `debrief`, or `debrief run` with the options people type every day, starts
    /// without ArgumentParser's reflection (see `QuickRunArguments`); every other line, and
    /// every mistake, goes through ArgumentParser.
    static func main() {
        guard let options = QuickRunArguments.parse(Array(CommandLine.arguments.dropFirst())) else {
            return main(nil)
        }
        do {
            try MeetingStart.run(options)
        } catch {
            exit(withError: error)
        }
    }
}
