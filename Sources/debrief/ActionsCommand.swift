import ArgumentParser
import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Action items across sessions with their latest status; record a status between meetings.",
        discussion: """
        An action's id is <session>#<note id>, the same on every machine. Statuses go to \
        actions.ledger.jsonl in the sessions folder (append-only; session files never change).
        """,
        subcommands: [ListActions.self, MarkDone.self, MarkDropped.self, MarkOpen.self],
        defaultSubcommand: ListActions.self)
}

struct ListActions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List actions, newest session first (the default).")

    @OptionGroup var filter: ClientOption

    @Option(help: ArgumentHelp("Only actions of this owner (case, accents and a leading @ ignored).", valueName: "name"))
    var owner: String?

    @Flag(help: "Only actions still open.")
    var open = false

    @OptionGroup var storage: SessionsOption

    func run() throws {
        let loaded = try LoadedHistory.load(storage, client: filter.client)
        var actions = loaded.actions()
        if let owner { actions = TrackedActions.owned(by: owner, actions) }
        if open { actions = actions.filter { $0.status == .open } }
        guard !actions.isEmpty else {
            print(open ? "No open actions." : "No actions.")
            return
        }
        for action in actions {
            let item = action.item
            var line = "[\(action.status.rawValue)]".padded(toLength: 10)
            line += VisibleText.line(item.text)
            if let owner = item.owner { line += " — \(VisibleText.line(owner))" }
            if let due = item.due { line += ", due \(VisibleText.line(due))" }
            print(line)
            var context = "          \(VisibleText.line(action.id)) · \(action.session.day) · \(VisibleText.line(loaded.directory.name(of: action.session)))"
            if let problem = action.problem { context += " · for: \(VisibleText.line(HistoryChart.clip(problem.text, 50)))" }
            print(context)
        }
    }
}

/// Records one status for one action in the ledger, and commits the ledger when the
/// sessions folder is a git work tree.
struct StatusChange: ParsableArguments {
    @Argument(help: ArgumentHelp("The action's id, as 'debrief actions' shows it: <session>#<note id>.", valueName: "id"))
    var id: String

    @Flag(name: .customLong("no-git"), help: "Do not commit the ledger, even when the sessions folder is in git.")
    var noGit = false

    @OptionGroup var storage: SessionsOption

    func record(_ status: ActionStatus) throws {
        let loaded = try LoadedHistory.load(storage, client: nil)
        guard let action = loaded.actions().first(where: { $0.id == id }) else {
            throw CommandError("no action '\(VisibleText.line(id))'; run 'debrief actions' to list their ids")
        }
        let folder = try storage.store.folder
        let by = ProcessEnvironment.variables["USER"]
        do {
            try loaded.ledger.append(ActionLedger.Entry(action: id, status: status, at: ActionLedger.timestamp(), by: by))
        } catch {
            throw CommandError(PlainError.message(error))
        }
        print("\(VisibleText.line(id)): \(status.rawValue) (was \(action.status.rawValue)) — \(VisibleText.line(action.item.text))")
        guard !noGit, GitRecorder.isWorkTree(folder) else { return }
        var files = [loaded.ledger.url]
        if let attributes = GitRecorder.ledgerAttributes(in: folder) { files.append(attributes) }
        let message = "Debrief: action \(id) \(status.rawValue)"
        if let said = GitRecorder.commit(files, in: folder, message: message) { print(said) }
    }
}

struct MarkDone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark an action done.")
    @OptionGroup var change: StatusChange
    func run() throws { try change.record(.done) }
}

struct MarkDropped: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dropped", abstract: "Mark an action dropped (no longer worth doing).")
    @OptionGroup var change: StatusChange
    func run() throws { try change.record(.dropped) }
}

struct MarkOpen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Mark an action open again.")
    @OptionGroup var change: StatusChange
    func run() throws { try change.record(.open) }
}
