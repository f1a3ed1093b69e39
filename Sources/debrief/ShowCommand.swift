import ArgumentParser
import DebriefKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a session without the full-screen interface.",
        discussion: "Metadata, each section with time used against plan, its table of numbers and its items (kinds, tags), and the action items.")

    @Argument(help: ArgumentHelp("A session file, or its name in the sessions folder.", valueName: "session"))
    var session: String

    @OptionGroup var storage: SessionsOption

    func run() throws {
        let (_, record) = try SessionLocator.read(session, in: storage.store)
        print(SessionText.render(header: record.header, state: record.state), terminator: "")
    }
}
