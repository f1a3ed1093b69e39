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

struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a live meeting from another terminal (here, or over `ssh -t host debrief join`).",
        discussion: """
        The meeting's host (the terminal that ran `debrief run` or `debrief resume`) keeps the \
        journal; this terminal sees the same meeting live and can do everything the host can: \
        type notes, move between sections, pause, extend, tag, link and end. Its own input, \
        draft and view are its own: its unfinished note is kept by the host under --name and \
        comes back when it joins again under the same name. With one live meeting, joins it; \
        with several, lists them to choose from. If the host stops, this terminal says so, \
        keeps what it had typed, and rejoins by itself once `debrief resume` brings the host \
        back (Ctrl-C stops waiting). With --sessions, only the meetings of that sessions \
        folder are offered, and a note left unsent when the host goes away is saved there. \
        Live meetings listen in $XDG_RUNTIME_DIR/debrief (else /tmp/debrief-<uid>).
        """)

    @Argument(help: ArgumentHelp("The live meeting's name (<date>-<slug>, as `debrief join` lists them).", valueName: "session"))
    var session: String?

    @Option(help: ArgumentHelp(
        "This terminal's name in the meeting (default: user@host:tty). Rejoining under the same name brings its unfinished note back.",
        valueName: "name"))
    var name: String?

    @OptionGroup var storage: SessionsOption

    @OptionGroup(title: "Display") var display: DisplayOptions

    /// The host files this terminal's draft under its name, as given: one it would have to
    /// change (control characters, too long) is refused here instead.
    func validate() throws {
        guard let name else { return }
        guard !name.isEmpty, name.count <= 100, VisibleText.line(name) == name else {
            throw ValidationError("--name: up to 100 printable characters, on one line")
        }
    }

    func run() throws {
        try MainActor.assumeIsolated { try join() }
    }

    @MainActor
    private func join() throws {
        let socket = try chooseMeeting()
        let name = name ?? Self.defaultName()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandError("debrief join needs an interactive terminal (over SSH: ssh -t)")
        }
        try TerminalRequirement.check()
        ShellTerminal.repairIfLeftRaw()
        var client: LiveClient
        do {
            client = try LiveClient.connect(socket: socket, name: name)
        } catch {
            throw CommandError("cannot join: \(error.description)")
        }
        let terminal = CursesScreen.open(theme: display.chosen.chosenTheme)
        // Text typed here and not yet confirmed, carried into the input when the host is back.
        var carried: String?
        while true {
            let (outcome, writer, typed, leftOut) = runMeeting(client, name: name, carrying: carried, on: terminal)
            terminal.restore()
            let welcome = client.welcome
            let rejoin = "debrief join \(MeetingSession.shellWord(welcome.session)) --name \(MeetingSession.shellWord(name))"
            switch outcome {
            case .ended:
                // The host writes the files after its screen closes; it says where when done.
                if let files = writer.awaitFiles(milliseconds: 60_000) {
                    print(ShellText.labelled("Meeting ended. Session: ", files.session))
                    print(ShellText.labelled("Brief:   ", files.brief))
                } else {
                    print(ShellText.wrapped("Meeting ended. The host saves the session and brief in \(welcome.folder)."))
                }
                // Another terminal ended it while this one was typing: the draft it saved, or
                // the text typed since, kept here.
                if let leftOut { UnsentNote.keep(leftOut, session: welcome.session, in: try? storage.store.folder) } else if !typed.isEmpty {
                    print("Your unfinished note was saved with the meeting.")
                }
                client.close()
                return
            case .left, .interrupted:
                client.send(.bye(reason: "left"))
                client.close()
                print(ShellText.labelled("You left the meeting; it goes on. To join again: ", rejoin))
                if outcome == .interrupted { throw ExitCode(128 + terminal.pendingSignal) }
                return
            case .disconnected(let said):
                client.close()
                let reason = said.hasSuffix(".") ? String(said.dropLast()) : said
                // Only a host that answers goes on: a dying one may still accept a connection.
                if let probe = try? LiveClient.connect(socket: socket, name: "probe", probe: true, timeout: 1000) {
                    probe.close()
                    // The host goes on without this terminal (it sent too much, or fell behind).
                    StandardStreams.error(ShellText.wrapped("Disconnected from the meeting: \(VisibleText.line(reason)).") + "\n"
                        + ShellText.labelled("To join again: ", rejoin) + "\n")
                    UnsentNote.keep(typed, session: welcome.session, in: try? storage.store.folder)
                    throw ExitCode(1)
                }
                StandardStreams.error(ShellText.wrapped("The meeting's host is gone: \(VisibleText.line(reason)). Every note it confirmed is in its journal.") + "\n"
                    + ShellText.labelled("On the host's machine, to continue: ", Self.resumeCommand(welcome)) + "\n")
                UnsentNote.keep(typed, session: welcome.session, in: try? storage.store.folder)
                StandardStreams.error("Waiting for the host to come back, to rejoin by itself (Ctrl-C stops waiting)…\n")
                guard let back = waitForHost(at: socket, session: welcome.session, name: name, terminal: terminal) else {
                    StandardStreams.error(ShellText.labelled("Stopped waiting. To join again: ", rejoin) + "\n")
                    throw ExitCode(1)
                }
                client = back
                carried = typed
                terminal.reopen()
            }
        }
    }

    /// One connection's meeting on screen, until it ends, is left, or the link is lost.
    /// Returns the outcome, the writer (for the files the host names at the end) and the
    /// text in the input.
    @MainActor
    private func runMeeting(_ client: LiveClient, name: String, carrying carried: String?, on terminal: CursesScreen.Terminal)
        -> (MeetingLoop.Outcome, RemoteWriter, String, String?) {
        let header = client.header!
        let welcome = client.welcome
        let meeting = MeetingState.fold(agenda: header.agenda, events: client.history)
        var model = AppModel.resuming(meeting, info: header.meeting, clockOffset: welcome.now)
        // This terminal's own unfinished note: what it still holds, else as the host kept it
        // (never the host's own draft).
        let draft = meeting.terminalDrafts[name]
        let text = carried.flatMap { $0.isEmpty ? nil : $0 } ?? draft?.text ?? ""
        model.editor = NoteEditor(text: text)
        model.noteSection = text.isEmpty ? nil : draft?.section.flatMap { meeting.agenda.sectionIndex(id: $0) } ?? meeting.current
        model.view = display.view
        model.timeCues.bell = display.bell
        model.joinedAs = name
        let writer = RemoteWriter(client: client, name: name)
        let clock = SystemClock(scale: header.meeting.timeScale, offset: welcome.now)
        let loop = MeetingLoop(terminal: terminal, clock: clock, wall: SystemMonotonicClock(), recorder: writer, model: model)
        let outcome = loop.run { terminal.pendingSignal != 0 }
        return (outcome, writer, loop.model.editor.text, outcome == .ended ? loop.model.inputLeftOut : nil)
    }

    /// Waits for the meeting's host to listen again (`debrief resume` on its machine) and
    /// joins it; nil when a signal (Ctrl-C) stops the wait.
    @MainActor
    private func waitForHost(at socket: String, session: String, name: String, terminal: CursesScreen.Terminal) -> LiveClient? {
        while terminal.pendingSignal == 0 {
            if let probe = try? LiveClient.connect(socket: socket, name: "probe", probe: true, timeout: 1000) {
                probe.close()
                if probe.welcome.session == session, let client = try? LiveClient.connect(socket: socket, name: name) {
                    print("The host is back: rejoining.")
                    return client
                }
            }
            _ = poll(nil, 0, 300)  // a signal cuts this short
        }
        return nil
    }

    /// The socket of the meeting to join: the one named, the only one, or one chosen from a list.
    @MainActor
    private func chooseMeeting() throws -> String {
        let folder = LiveFolder.standard()
        var meetings: [(socket: String, welcome: LiveMessage.Welcome)] = folder.liveSockets().compactMap { socket in
            (try? LiveClient.connect(socket: socket, name: "probe", probe: true, timeout: 2000)).map { client in
                defer { client.close() }
                return (socket, client.welcome)
            }
        }
        if storage.sessions != nil, let store = try? storage.store {
            let wanted = store.folder.standardizedFileURL.path
            meetings = meetings.filter { URL(fileURLWithPath: $0.welcome.folder).standardizedFileURL.path == wanted }
        }
        if let session {
            let base = session.hasSuffix(SessionStore.journalSuffix) ? String(session.dropLast(SessionStore.journalSuffix.count)) : session
            guard let found = meetings.first(where: { $0.welcome.session == base }) else {
                let live = meetings.map { VisibleText.line($0.welcome.session) }
                throw CommandError("no live meeting named '\(VisibleText.line(base))'" + (live.isEmpty ? "" : ". Live meetings: \(live.joined(separator: ", "))"))
            }
            return found.socket
        }
        guard !meetings.isEmpty else {
            throw CommandError("no live meeting to join; start one with `debrief run` (as the same user, on this machine)")
        }
        if meetings.count == 1 { return meetings[0].socket }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandError("several live meetings; name one: " + meetings.map { "debrief join \(VisibleText.line($0.welcome.session))" }.joined(separator: ", "))
        }
        print("Live meetings:")
        for (index, meeting) in meetings.enumerated() {
            print("  \(index + 1)  \(VisibleText.line(meeting.welcome.session))  \(VisibleText.line(meeting.welcome.title))")
        }
        while true {
            print("Join which one? [1-\(meetings.count)] ", terminator: "")
            fflush(nil)
            guard let answer = readLine()?.trimmingWhitespace(), !answer.isEmpty, answer != "q" else {
                print("Nothing joined.")
                throw ExitCode.success
            }
            if let number = Int(answer), meetings.indices.contains(number - 1) { return meetings[number - 1].socket }
        }
    }

    /// user@host:tty — stable for a terminal, so a rejoin from it finds its draft.
    static func defaultName() -> String {
        let user = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
            ?? ProcessEnvironment.variables["USER"] ?? String(getuid())
        var host = [UInt8](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let hostName = String(decoding: host.prefix { $0 != 0 }, as: UTF8.self).split(separator: ".").first.map(String.init) ?? "host"
        let tty = ttyname(STDIN_FILENO).map { String(cString: $0).replacingAll("/dev/", with: "") }
        return String(VisibleText.line("\(user)@\(hostName)" + (tty.map { ":" + $0 } ?? "")).prefix(100))
    }

    /// The command that brings the host back, for whoever is at the host's machine.
    @MainActor
    static func resumeCommand(_ welcome: LiveMessage.Welcome) -> String {
        var command = "debrief resume \(MeetingSession.shellWord(welcome.session))"
        if URL(fileURLWithPath: welcome.folder).standardizedFileURL.path != SessionStore.defaultFolder().standardizedFileURL.path {
            command += " --sessions \(MeetingSession.shellWord(welcome.folder))"
        }
        return command
    }
}
