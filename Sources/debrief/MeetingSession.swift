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

/// Runs a meeting in the terminal (new or resumed) and makes sure that, however it stops,
/// every captured note ends up on disk and the person at the keyboard is told where.
@MainActor
enum MeetingSession {
    /// `--no-git` turns off the commit after the meeting (see `GitRecorder`).
    static var commitsToGit = true

    static func run(recorder: MeetingRecorder, model: AppModel, display: Display, clockOffset: Int = 0) throws {
        // What this terminal shows and how: its own view, theme and bell.
        var model = model
        model.view = display.view
        model.timeCues.bell = display.bell
        // Other terminals join over a socket (`debrief join`); if it cannot be opened, the
        // meeting still runs on this terminal alone, and says why afterwards.
        var live: LiveHost?
        do {
            live = try LiveHost(recorder: recorder, folder: LiveFolder.standard())
        } catch {
            warn("Other terminals cannot join this meeting: \(error.description)")
        }
        let terminal = CursesScreen.open(theme: display.chosenTheme)
        let clock = SystemClock(scale: model.info.timeScale, offset: clockOffset)
        // Meeting time may run faster (--time-scale); the loop's timers run on real time.
        let writer: any MeetingWriter = live.map { HostWriter(recorder: recorder, host: $0) } ?? recorder
        let loop = MeetingLoop(terminal: terminal, clock: clock, wall: SystemMonotonicClock(), recorder: writer, model: model)
        let outcome = loop.run { terminal.pendingSignal != 0 }
        terminal.restore()

        switch outcome {
        case .ended:
            let files = try save(recorder)
            if let files { live?.finish(session: files.session.path, brief: files.brief.path) }
            // A joined terminal ended the meeting while this one was typing past its last draft.
            if let leftOut = loop.model.inputLeftOut {
                UnsentNote.keep(leftOut, session: recorder.baseName, in: recorder.store.folder)
            }
        case .left, .disconnected:
            live?.close(reason: "the host left the meeting open, to be resumed")
            keepJournal(recorder)
            print(ShellText.labelled("Meeting left open. To continue: ", resumeCommand(recorder)))
        case .interrupted:
            let signal = terminal.pendingSignal
            live?.close(reason: "the host was stopped by a signal")
            keepJournal(recorder)
            let name = [SIGHUP: "SIGHUP", SIGTERM: "SIGTERM", SIGINT: "SIGINT"][signal] ?? "signal \(signal)"
            StandardStreams.error(ShellText.wrapped("Meeting interrupted (\(name)); every captured note is saved.") + "\n" + ShellText.labelled("To continue: ", resumeCommand(recorder)) + "\n")
            throw ExitCode(128 + signal)
        }
    }

    /// Opens "Since last time" with the client's open actions from earlier sessions; files
    /// that cannot be read are named on stderr (seen after the meeting) and on the step.
    static func carryForward(client: String, store: SessionStore, into model: inout AppModel) {
        let open = OpenActions.find(client: client, in: store.folder)
        for skipped in open.skipped { warn("Skipped while looking for open actions: \(skipped)") }
        model.carryForward(open)
    }

    /// Reopens an interrupted meeting where it stopped.
    static func resume(_ meeting: InterruptedMeeting, store: SessionStore, countDowntime: Bool, display: Display) throws {
        if case .failure(let error) = meeting.record {
            throw CommandError("cannot resume: \(PlainError.message(error))")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandError("debrief resume needs an interactive terminal")
        }
        let resumed: ResumedMeeting
        do {
            resumed = try ResumedMeeting.open(meeting, store: store, countDowntime: countDowntime)
        } catch {
            throw CommandError(PlainError.message(error))
        }
        if !resumed.messages.isEmpty {
            // Said before the meeting screen covers it, and acknowledged, so nobody misses it.
            for message in resumed.messages { print(ShellText.wrapped(message)) }
            print("Press Enter to reopen the meeting. ", terminator: "")
            fflush(nil)
            _ = readLine()
        }
        if resumed.state.hasEnded {
            print("That meeting had already ended; writing its session file.")
            try save(resumed.recorder)
            return
        }
        let model = AppModel.resuming(resumed.state, info: resumed.recorder.header.meeting, clockOffset: resumed.clockOffset)
        try run(recorder: resumed.recorder, model: model, display: display, clockOffset: resumed.clockOffset)
    }

    // MARK: After the terminal is restored

    /// Writes the session file and brief; while that fails, asks for another folder.
    @discardableResult
    static func save(_ recorder: MeetingRecorder) throws -> (session: URL, brief: URL)? {
        while true {
            do {
                let files = try recorder.finish()
                report(files)
                commitToGit(files, title: recorder.header.meeting.title)
                return files
            } catch {
                warn("Cannot save the session: \(PlainError.message(error)).")
            }
            guard let folder = askForFolder() else {
                return try rescue(recorder)
            }
            if !folder.isEmpty { recorder.move(to: URL(fileURLWithPath: folder)) }
        }
    }

    /// Where the files are, and what a team usually does next with them.
    static func report(_ files: (session: URL, brief: URL), where note: String = "") {
        print(ShellText.labelled("Meeting ended. \(note)Session: ", files.session.path))
        print(ShellText.labelled("Brief:   ", files.brief.path))
        // By name when `debrief` finds it by default, else by path.
        let inDefaultFolder = files.session.deletingLastPathComponent().standardizedFileURL.path
            == SessionStore.defaultFolder().standardizedFileURL.path
        let session = shellWord(inDefaultFolder ? SessionCatalog.name(of: files.session) : files.session.path)
        print(ShellText.labelled("Replay:  ", "debrief replay \(session)"))
        print(ShellText.labelled("Client:  ", "debrief export \(session) --format client"))
    }

    /// A sessions folder kept in git gets one commit per meeting: its session file and brief.
    private static func commitToGit(_ files: (session: URL, brief: URL), title: String) {
        guard commitsToGit else { return }
        let folder = files.session.deletingLastPathComponent()
        let message = "Debrief: \(VisibleText.line(title)) (\(SessionCatalog.name(of: files.session)))"
        if let said = GitRecorder.commit([files.session, files.brief], in: folder, message: message) {
            print(ShellText.wrapped(said))
        }
    }

    /// Quoted for a shell when it has to be, so the printed command can be pasted.
    static func shellWord(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789._/-+@:,".unicodeScalars.contains($0)) }
        return plain ? text : "'" + VisibleText.line(text).replacingAll("'", with: "'\\''") + "'"
    }

    /// Leaves the journal on disk for `debrief resume`; if it cannot be written where it
    /// belongs, asks for another folder (or, with nobody to ask, tries safe defaults).
    private static func keepJournal(_ recorder: MeetingRecorder) {
        while recorder.retry() != nil {
            warn("Cannot save the journal: \(recorder.failure.map(PlainError.message) ?? "unknown reason").")
            guard let folder = askForFolder() else {
                for fallback in rescueFolders {
                    recorder.move(to: fallback)
                    if recorder.retry() == nil { break }
                }
                break
            }
            if !folder.isEmpty { recorder.move(to: URL(fileURLWithPath: folder)) }
        }
        recorder.leave()
    }

    /// With nobody to ask (stdin closed), saves the session in the first folder that works.
    private static func rescue(_ recorder: MeetingRecorder) throws -> (session: URL, brief: URL) {
        for folder in rescueFolders {
            recorder.move(to: folder)
            if let files = try? recorder.finish() {
                report(files, where: "Saved in another folder. ")
                return files
            }
        }
        throw CommandError("the session could not be saved anywhere; the notes were in \(recorder.journalURL.path) as long as it could be written")
    }

    private static var rescueFolders: [URL] {
        [ProcessEnvironment.home.appending(path: "debrief-rescued"),
         FileManager.default.temporaryDirectory.appending(path: "debrief-rescued-\(getuid())")]
    }

    /// A folder typed by the user; "" to try the same folder again; nil when nobody can answer.
    private static func askForFolder() -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        print("Type another folder to save to, or just Enter to try again: ", terminator: "")
        fflush(nil)
        guard let line = readLine() else { return nil }
        let folder = line.trimmingWhitespace()
        return expandingTilde(folder)
    }

    /// `~` and `~/x` under the home folder, `~name/x` under that user's, as a shell would.
    static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let user = path.dropFirst().prefix { $0 != "/" }
        let rest = path.dropFirst(1 + user.count)
        let home: String?
        if user.isEmpty {
            home = ProcessEnvironment.home.path
        } else {
            home = getpwnam(String(user)).flatMap { $0.pointee.pw_dir.map { String(cString: $0) } }
        }
        guard let home else { return path }
        return home + rest
    }

    /// The command that reopens this meeting, whole (printed on its own line when long).
    static func resumeCommand(_ recorder: MeetingRecorder) -> String {
        var command = "debrief resume \(VisibleText.line(recorder.baseName))"
        if recorder.store.folder.standardizedFileURL.path != SessionStore.defaultFolder().standardizedFileURL.path {
            command += " --sessions '\(recorder.store.folder.path)'"
        }
        return command
    }

    static func warn(_ message: String) {
        StandardStreams.error("\(message)\n")
    }
}
