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

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Reopen a meeting that was interrupted (killed, terminal closed, or left with Ctrl-C).",
        discussion: """
        Every event journalled before the interruption comes back: the notes in their sections, \
        the current section, the clock, and the unfinished note in the input. The time Debrief \
        was down counts as paused unless --count-downtime is given. With no SESSION, lists the \
        interrupted meetings and offers the newest.
        """)

    @Argument(help: ArgumentHelp("The meeting's name (<date>-<slug>, as listed) or its journal file.", valueName: "session"))
    var session: String?

    @OptionGroup var storage: SessionsOption

    @Flag(name: .customLong("no-git"), help: "Do not commit the session and brief, even when the sessions folder is in git.")
    var noGit = false

    @Flag(name: .customLong("count-downtime"), help: "Let the meeting clock run through the time Debrief was down.")
    var countDowntime = false

    @OptionGroup(title: "Display") var display: DisplayOptions

    func run() throws {
        try MainActor.assumeIsolated { try resume() }
    }

    @MainActor
    private func resume() throws {
        try TerminalRequirement.check()
        var store = try storage.store
        ShellTerminal.repairIfLeftRaw()
        MeetingSession.commitsToGit = !noGit
        let meeting: InterruptedMeeting
        if let session {
            let found = try Self.find(session, in: store)
            if found.1.folder != store.folder {  // a journal named by its path: that folder is written too
                try SessionsOption.checkSafety(found.1.folder, allowShared: storage.allowSharedFolder)
            }
            (meeting, store) = found
        } else {
            let meetings = store.interruptedMeetings()
            guard !meetings.isEmpty else {
                throw CommandError("no interrupted meetings in \(store.folder.path)")
            }
            print("Interrupted meetings in \(store.folder.path):")
            for listed in meetings { print(ShellText.wrapped(Self.describe(listed), indent: 2)) }
            guard let newest = meetings.first(where: { !$0.isInUse }) else {
                throw CommandError("every interrupted meeting is open in another Debrief right now")
            }
            guard Self.ask("Resume \(VisibleText.line(newest.baseName))?") else {
                print("Nothing resumed.")
                return
            }
            meeting = newest
        }
        if meeting.isInUse {
            throw CommandError("'\(VisibleText.line(meeting.baseName))' is open in another Debrief right now. Switch to that terminal, or end it there first.")
        }
        try MeetingSession.resume(meeting, store: store, countDowntime: countDowntime, display: display.chosen)
    }

    /// A name in the sessions folder, or a path to a journal file.
    private static func find(_ reference: String, in store: SessionStore) throws -> (InterruptedMeeting, SessionStore) {
        var store = store
        var base = reference
        if reference.contains("/") {
            let url = URL(fileURLWithPath: reference)
            store = SessionStore(folder: url.deletingLastPathComponent())
            base = url.lastPathComponent
        }
        for suffix in [SessionStore.journalSuffix, SessionStore.sessionSuffix] where base.hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
        }
        if let meeting = store.interruptedMeeting(base: base) { return (meeting, store) }
        if FileManager.default.fileExists(atPath: store.sessionURL(base: base).path) {
            throw CommandError("'\(base)' has already ended; its session file is \(store.sessionURL(base: base).path)")
        }
        let known = store.interruptedMeetings().map { VisibleText.line($0.baseName) }
        throw CommandError("no interrupted meeting named '\(VisibleText.line(base))' in \(store.folder.path)"
            + (known.isEmpty ? "" : ". Interrupted meetings: \(known.joined(separator: ", "))"))
    }

    static func describe(_ meeting: InterruptedMeeting) -> String {
        let time = LocalTime.text(meeting.lastSaved)  // the same in every locale
        var line = "\(VisibleText.line(meeting.baseName))  \(VisibleText.line(meeting.title)), "
        switch meeting.record {
        case .success: line += "\(meeting.noteCount) note\(meeting.noteCount == 1 ? "" : "s"), last saved \(time)"
        case .failure(let error): line += "unreadable: \(VisibleText.line(error.message))"
        }
        if meeting.isInUse { line += "  (open in another Debrief)" }
        return line
    }

    /// Before `debrief` starts a new meeting: offers the newest interrupted one instead.
    static func offerToResume(store: SessionStore) -> InterruptedMeeting? {
        guard let newest = store.interruptedMeetings().first(where: {
            if case .success(let record) = $0.record { return !$0.isInUse && !record.state.hasEnded }
            return false
        }) else { return nil }
        print(ShellText.wrapped("An interrupted meeting was found: \(describe(newest))"))
        return ask("Resume it instead of starting a new meeting?") ? newest : nil
    }

    /// A yes/no question on the terminal; Enter means yes.
    static func ask(_ question: String) -> Bool {
        // Keys typed into a Debrief that died are still waiting; they are not the answer.
        tcflush(STDIN_FILENO, TCIFLUSH)
        print("\(question) [Y/n] ", terminator: "")
        while true {
            fflush(nil)
            guard let answer = readLine()?.trimmingWhitespace().lowercased() else { return false }
            if ["", "y", "yes"].contains(answer) { return true }
            if ["n", "no"].contains(answer) { return false }
            // A note typed before the meeting showed is not a no: it would start another
            // meeting and leave this one behind.
            print("Type y or n, then Enter (Enter alone is yes): ", terminator: "")
        }
    }
}
