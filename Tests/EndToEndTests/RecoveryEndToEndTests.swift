import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Never lose a note: the real binary killed, hung up on, interrupted and starved of
/// disk, then resumed; every captured note must come back, in its section, in order.
@Suite("End to end: kill, resume, signals, failing disk", .serialized)
struct RecoveryEndToEndTests {
    /// Waits until the journal holds `text` (the unfinished note is journalled when typing pauses).
    private func waitForJournal(in folder: URL, toContain text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        while Date() < deadline {
            if let url = Debrief.files(in: folder, suffix: ".journal.jsonl").first,
               let journal = try? String(contentsOf: url, encoding: .utf8), journal.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the journal never held \"\(text)\"", sourceLocation: sourceLocation)
        throw TmuxError.timedOut("journal")
    }

    @Test func killedWithKill9AtThreePointsAndResumedEveryNoteIsBackInItsSection() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.commands(["--time-scale 60 --client Acme", "resume", "resume", "resume"], sessions: folder))
        // 1. Right after a note is shown as captured.
        try tmux.waitFor("● saved")
        try tmux.type("Reach 1.2M against a 1M target")
        try tmux.press("Enter")
        try tmux.waitFor("Reach 1.2M against a 1M target")
        try tmux.kill(SIGKILL)

        // 2. While typing a note that is not finished.
        try tmux.answerYes()
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.waitFor("Reach 1.2M against a 1M target")
        try tmux.press("NPage")
        try tmux.waitFor("2/6  Creator breakdown")
        try tmux.type("!Brief was vague")
        try tmux.press("Enter")
        try tmux.waitFor("Brief was vague")
        try tmux.type("Half a thoug")
        try waitForJournal(in: folder, toContain: "Half a thoug")
        try tmux.kill(SIGKILL)

        // 3. Just after a section change.
        try tmux.answerYes()
        try tmux.waitFor("2/6  Creator breakdown")
        try tmux.waitFor("Half a thoug")
        try tmux.type("ht")
        try tmux.press("Enter")
        try tmux.waitFor("Half a thought")
        try tmux.press("NPage")
        try tmux.waitFor("3/6  Content analysis")
        try tmux.kill(SIGKILL)

        try tmux.answerYes()
        try tmux.waitFor("3/6  Content analysis")
        try tmux.press("F10")
        try tmux.waitFor("3 notes will be saved")
        try tmux.press("Enter")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)
        #expect(exit.sane, "the terminal left raw by kill -9 is repaired by the next Debrief")
        let flags = try tmux.paneFlags()
        #expect(!flags.alternateScreen)
        #expect(flags.cursorVisible)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let summary = try #require(try SessionReader.read(session).summary)
        #expect(summary.sections[0].items.map(\.text) == ["Reach 1.2M against a 1M target"])
        #expect(summary.sections[1].items.map(\.text) == ["Brief was vague", "Half a thought"])
        #expect(summary.sections[1].items.map(\.kind) == [.problem, .note])
        #expect(Debrief.files(in: folder, suffix: ".journal.jsonl").isEmpty)
    }

    /// While keys keep coming, the draft is written once a second and its fsync waits for a
    /// pause (it would delay the next key): killed mid-typing, the draft is still back.
    @Test func killedWhileTypingWithoutAPauseTheDraftWrittenMeanwhileIsBack() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.commands(["--time-scale 60", "resume"], sessions: folder))
        try tmux.waitFor("● saved")
        let text = "Creators posted two days late because the brief came in late again"
        var journalled: String?
        for character in text {
            try tmux.type(String(character))
            Thread.sleep(forTimeInterval: 0.03)
            if let url = Debrief.files(in: folder, suffix: ".journal.jsonl").first,
               let draft = try? SessionReader.read(url).state.draft, !draft.isEmpty {
                journalled = draft
                break
            }
        }
        let draft = try #require(journalled, "a draft was written while the keys kept coming")
        #expect(text.hasPrefix(draft))
        try tmux.kill(SIGKILL)

        try tmux.answerYes()
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.waitFor(draft.trimmingCharacters(in: .whitespaces))  // the screen ends no line on a space
        try tmux.type(String(text.dropFirst(draft.count)))
        try tmux.press("Enter")
        try tmux.waitFor("again")
        try tmux.press("F10", "Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        #expect(try SessionReader.read(session).state.visibleNotes.map(\.text) == [text])
    }

    @Test func aResumedClockContinuesFromWhereTheMeetingStoppedNotFromTheLastNote() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.commands(["--time-scale 30", "resume"], sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.type("Reach 1.2M against a 1M target")
        try tmux.press("Enter")
        try tmux.waitFor("Reach 1.2M against a 1M target")
        // Nothing captured for a while (the journal still hears from the meeting), then a crash.
        try waitForJournal(in: folder, toContain: "\"alive\"")
        try tmux.kill(SIGKILL)

        try tmux.answerYes()
        let screen = try tmux.waitFor(" left")
        // At 30× the meeting was at least 2½ minutes in when it died: the first section
        // (10 minutes) cannot show more than 7½ minutes left, as it would from the note's time.
        let left = try #require(screen.firstMatch(of: /(\d\d):(\d\d) left/))
        let secondsLeft = Int(left.1)! * 60 + Int(left.2)!
        #expect(secondsLeft <= 450, "clock after resume: \(left.0)")
        try tmux.press("F10", "Enter")
        #expect(try tmux.waitForExit().code == 0)
    }

    @Test(arguments: [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGINT, "SIGINT")])
    func aSignalFromOutsideSavesRestoresTheTerminalAndSaysHowToResume(signal: Int32, name: String) throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.type("Captured before the signal")
        try tmux.press("Enter")
        try tmux.waitFor("Captured before the signal")
        try tmux.type("typed, not saved yet")
        try tmux.waitFor("› typed, not saved yet")
        try tmux.kill(signal)
        let exit = try tmux.waitForExit()
        #expect(exit.code == 128 + Int(signal))
        #expect(exit.sane)
        #expect(exit.screen.contains("Meeting interrupted (\(name)); every captured note is saved."))
        #expect(exit.screen.contains("To continue: debrief resume 20"))
        let flags = try tmux.paneFlags()
        #expect(!flags.alternateScreen)
        #expect(flags.cursorVisible)

        let journal = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
        #expect(!Journal.isInUse(journal))
        let state = try SessionReader.read(journal).state
        #expect(state.visibleNotes.map(\.text) == ["Captured before the signal"])
        #expect(state.draft == "typed, not saved yet", "the unfinished note is flushed before exiting")
    }

    @Test func closingTheTerminalWindowLeavesAResumableJournal() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.type("Said just before the window closed")
        try tmux.press("Enter")
        try tmux.waitFor("Said just before the window closed")
        let pid = try tmux.programPID()
        try tmux.closeSession()
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        while FileManager.default.fileExists(atPath: "/proc/\(pid)/cmdline"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)/cmdline"), "SIGHUP ends Debrief")

        let journal = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
        #expect(!Journal.isInUse(journal))
        #expect(try SessionReader.read(journal).state.visibleNotes.map(\.text) == ["Said just before the window closed"])

        let again = try Tmux(Debrief.command("resume", sessions: folder))
        try again.waitFor("1 note, last saved")  // in the list of interrupted meetings
        try again.answerYes()
        try again.waitFor("Said just before the window closed")
        try again.press("F10", "Enter")
        #expect(try again.waitForExit().code == 0)
    }

    @Test func aJournalTornMidWriteResumesWithAMessageAndEverythingBeforeTheTear() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.commands(["--time-scale 60", "resume"], sessions: folder))
        try tmux.waitFor("● saved")
        for text in ["First whole note", "Second whole note"] {
            try tmux.type(text)
            try tmux.press("Enter")
            try tmux.waitFor(text)
        }
        try tmux.kill(SIGKILL)
        // As if the process had died in the middle of writing a third event.
        let journal = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
        let handle = try FileHandle(forWritingTo: journal)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":3,\"kind\":\"note\",\"sec".utf8))
        try handle.close()

        try tmux.answerYes()
        try tmux.waitFor("The last line of the journal was cut off when Debrief stopped mid-write")
        try tmux.waitFor("Press Enter to reopen the meeting.")
        try tmux.press("Enter")
        try tmux.waitFor("Second whole note")
        try tmux.waitFor("First whole note")
        try tmux.press("F10", "Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let record = try SessionReader.read(session)
        #expect(record.skippedLines.isEmpty)
        #expect(record.state.visibleNotes.map(\.text) == ["First whole note", "Second whole note"])
    }

    @Test func ctrlCOffersToLeaveAndASecondResumeOfALiveMeetingIsRefused() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.type("Before Ctrl-C")
        try tmux.press("Enter")
        try tmux.waitFor("Before Ctrl-C")
        try tmux.press("C-c")
        try tmux.waitFor("l: leave it and resume later")
        try tmux.press("Escape")
        try tmux.waitUntil("the dialog closes") { !$0.contains("l: leave it") }
        try tmux.type("After cancel")
        try tmux.press("Enter")
        try tmux.waitFor("After cancel")
        try tmux.press("C-c")
        try tmux.waitFor("l: leave it and resume later")
        try tmux.type("l")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)
        #expect(exit.sane)
        // The command stands whole on its own line when it would not fit beside the words.
        #expect(exit.screen.contains("Meeting left open. To continue:\n  debrief resume 20"))

        let name = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
            .lastPathComponent.replacingOccurrences(of: ".journal.jsonl", with: "")
        let resumed = try Tmux(Debrief.command("resume \(name)", sessions: folder))
        try resumed.waitFor("After cancel")
        try resumed.waitFor("● saved")

        let second = try Tmux(Debrief.command("resume \(name)", sessions: folder))
        let refused = try second.waitForExit()
        #expect(refused.code == 1)
        #expect(refused.sane)
        #expect(refused.screen.contains("Error: '\(name)' is open in another Debrief right now."))

        try resumed.press("F10", "Enter")
        #expect(try resumed.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        #expect(try SessionReader.read(session).state.visibleNotes.map(\.text) == ["Before Ctrl-C", "After cancel"])
    }

    @Test func debriefAloneOffersToResumeAnInterruptedMeeting() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.commands(["--time-scale 60", ""], sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.type("Do not lose me")
        try tmux.press("Enter")
        try tmux.waitFor("Notes · 1")  // saved, not only typed: the kill comes next
        try tmux.kill(SIGKILL)
        try tmux.waitFor("An interrupted meeting was found:")
        try tmux.waitFor("1 note, last saved")
        try tmux.waitFor("Resume it instead of starting a new meeting? [Y/n]")
        // A note typed as if the meeting were back answers nothing: the question stands.
        try tmux.type("Creators posted late")
        try tmux.press("Enter")
        try tmux.waitFor("Type y or n, then Enter (Enter alone is yes):")
        try tmux.press("Enter")
        try tmux.waitFor("Do not lose me")
        try tmux.press("F10", "Enter")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)
        #expect(exit.sane)
        #expect(Debrief.files(in: folder, suffix: ".debrief.jsonl").count == 1)
    }

    @Test func aFolderThatDisappearsMidMeetingIsSaidPlainlyRetriedAndF10OffersAnotherFolder() throws {
        let folder = Debrief.freshFolder()
        let sessions = folder.appending(path: "sessions")
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.type("Saved normally")
        try tmux.press("Enter")
        try tmux.waitFor("Saved normally")

        // The folder goes away and a file takes its place: nothing can be written there.
        try FileManager.default.removeItem(at: sessions)
        try Data().write(to: sessions)
        try tmux.type("Typed while the disk fails")
        try tmux.press("Enter")
        try tmux.waitFor("Typed while the disk fails")
        try tmux.waitFor("⚠ NOT SAVED")

        // It comes back: the next tick writes everything.
        try FileManager.default.removeItem(at: sessions)
        try tmux.waitFor("● saved")
        let journal = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
        #expect(try SessionReader.read(journal).state.visibleNotes.map(\.text) == ["Saved normally", "Typed while the disk fails"])

        // It fails again, and stays failed through F10: Debrief asks for another folder.
        try FileManager.default.removeItem(at: sessions)
        try Data().write(to: sessions)
        try tmux.type("Third")
        try tmux.press("Enter")
        try tmux.waitFor("⚠ NOT SAVED")
        try tmux.press("F10", "Enter")
        try tmux.waitFor("Type another folder to save to")
        let elsewhere = folder.appending(path: "elsewhere")
        try tmux.type(elsewhere.path)
        try tmux.press("Enter")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)
        #expect(exit.sane)
        #expect(exit.screen.contains("Cannot save the session: cannot use folder"))
        #expect(exit.screen.contains("Meeting ended. Session:\n  \(elsewhere.path)/"))
        let names = try FileManager.default.contentsOfDirectory(atPath: elsewhere.path)
        let session = try #require(names.first { $0.hasSuffix(".debrief.jsonl") })
        #expect(try SessionReader.read(elsewhere.appending(path: session)).state.visibleNotes.map(\.text)
            == ["Saved normally", "Typed while the disk fails", "Third"])
    }

    @Test func aFileSizeLimitMidMeetingFailsWritesUntilItIsLifted() throws {
        let folder = Debrief.freshFolder()
        // 5 KB per file (bash counts ulimit -f in KB): the journal's header fits, a long paste does not.
        let tmux = try Tmux("ulimit -S -f 5; " + Debrief.command("--time-scale 60", sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.paste(String(repeating: "long pasted text ", count: 150))
        try tmux.press("Enter", until: "Notes · 1")  // a second press if it came too soon after the paste
        try tmux.waitFor("⚠ NOT SAVED: the file-size limit is reached")
        try tmux.type("Short note")
        try tmux.press("Enter")
        try tmux.waitFor("Short note")
        let lifted = try Subprocess.run(["prlimit", "--pid", "\(try tmux.programPID())", "--fsize=unlimited"])
        #expect(lifted.status == 0, "\(lifted.output)")
        try tmux.waitFor("● saved")
        let journal = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
        let notes = try SessionReader.read(journal).state.visibleNotes.map(\.text)
        #expect(notes.count == 2)
        #expect(notes.last == "Short note")
        try tmux.press("F10", "Enter")
        #expect(try tmux.waitForExit().code == 0)
    }

    @Test func ctrlZAndSIGTSTPSuspendAndFgRedraws() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux("bash --norc --noprofile -i")
        try tmux.waitFor("bash-")
        try tmux.type(Debrief.command("--time-scale 60", sessions: folder))
        try tmux.press("Enter")
        try tmux.waitFor("● saved")
        try tmux.type("Before suspend")
        try tmux.press("Enter")
        try tmux.waitFor("Before suspend")
        try tmux.press("C-z")
        try tmux.waitFor("Stopped")
        #expect(!(try tmux.paneFlags().alternateScreen), "the shell gets its screen back")
        try tmux.type("fg")
        try tmux.press("Enter")
        try tmux.waitFor("Before suspend")
        try tmux.waitFor("● saved")
        try tmux.type("After fg")
        try tmux.press("Enter")
        try tmux.waitFor("After fg")
        // The terminal's modes came back whole: a lone first byte of a UTF-8 character
        // still cannot make a read wait for the rest, the clock and keys go on.
        try tmux.sendALoneLeadByteAndSeeTheMeetingGoOn()
        try tmux.press("BSpace")
        // SIGTSTP from outside (kill -TSTP) suspends the same way.
        try tmux.signal(SIGTSTP)
        try tmux.waitUntil("the shell reports the stop again") { $0.components(separatedBy: "Stopped").count > 2 }
        try tmux.type("fg")
        try tmux.press("Enter")
        try tmux.waitFor("● saved")
        // Back in the meeting, pasting still lands in the input: a pasted newline
        // commits nothing (the shell turned bracketed paste off while it had the terminal).
        try tmux.paste("pasted after fg\nsecond pasted line")
        try tmux.waitFor("second pasted line")
        #expect(try tmux.screen().contains("Notes · 2"), "the paste committed nothing")
        try tmux.press("Enter", until: "Notes · 3")  // a second press if it came too soon after the paste
        try tmux.waitFor("Notes · 3")
        try tmux.press("F10", "Enter")
        try tmux.waitFor("Meeting ended.")
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let notes = try SessionReader.read(session).state.visibleNotes.map(\.text)
        #expect(notes == ["Before suspend", "After fg", "pasted after fg\nsecond pasted line"])
    }
}
