import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two terminals, one meeting: a host (`debrief run`) and a joined terminal (`debrief join`),
/// each in a tmux server of its own, sharing a private runtime folder and sessions folder.
@Suite("End to end: debrief join")
struct JoinEndToEndTests {
    @Test func notesTypedOnEitherTerminalAppearOnBothEvenTypedAtOnce() throws {
        let meeting = try Meeting()
        try meeting.joiner.type("typed on the joiner")
        try meeting.joiner.press("Enter")
        try meeting.host.waitFor("typed on the joiner")
        try meeting.host.type("typed on the host")
        try meeting.host.press("Enter")
        try meeting.joiner.waitFor("typed on the host")
        // Both at once: each types a note and presses Enter before looking.
        try meeting.host.type("host at once")
        try meeting.joiner.type("joiner at once")
        try meeting.host.press("Enter")
        try meeting.joiner.press("Enter")
        for terminal in [meeting.host, meeting.joiner] {
            let screen = try terminal.waitFor("Notes · 4")
            #expect(screen.contains("host at once") && screen.contains("joiner at once"))
        }
    }

    /// A meeting alone waits for keys blocked in its read of the terminal, which a terminal
    /// knocking at its socket cuts short (`Terminal.watch`); with a terminal joined, the
    /// host waits on its links beside the keys, and the joined terminal in its read, its
    /// link watched the same way. Either way waiting costs no CPU to speak of (a
    /// loop that spun, its read returning at once, would use the whole time), a terminal
    /// that joins is let in at once, and what one types shows on the other.
    @Test func waitingTerminalsSleepAndOneThatJoinsIsLetInAtOnce() throws {
        let meeting = try HostAlone()
        let host = meeting.host
        for round in 1...2 {
            try Self.expectAsleep([host], "alone, round \(round)")
            let joiner = try Tmux(meeting.command("join --name sam"))
            try joiner.waitFor("1/6  ")
            try host.waitFor("sam joined the meeting")
            try Self.expectAsleep([host, joiner], "joined, round \(round)")
            try Self.note("note \(round) from the joiner", from: joiner, reaching: host)
            try Self.note("answer \(round) from the host", from: host, reaching: joiner)
            try joiner.kill(SIGKILL)
            try host.waitFor("sam left the meeting")
        }
    }

    /// A joined terminal waits for keys in its read, its link to the host watched by signal.
    /// Suspended (Ctrl-Z) while the host adds a note, it catches up at `fg`, sleeps while
    /// nothing happens, and both sides go on seeing each other's notes.
    @Test func aJoinedTerminalSuspendedWhileTheHostTypesCatchesUpAtFgAndGoesOn() throws {
        let meeting = try HostAlone()
        let host = meeting.host
        let shell = try Tmux("bash --norc --noprofile -i")
        try shell.waitFor("bash-")
        try shell.type(meeting.command("join --name sam"))
        try shell.press("Enter")
        try shell.waitFor("1/6  ")
        try host.waitFor("sam joined the meeting")
        try shell.press("C-z")
        try shell.waitFor("Stopped")
        try host.type("Added while sam was away")
        try host.press("Enter")
        try host.waitFor("Notes · 1")
        try shell.type("fg")
        try shell.press("Enter")
        try shell.waitFor("Added while sam was away")
        try Self.expectAsleep([host, shell], "after fg")
        try Self.note("Back from the joiner", from: shell, reaching: host)
        let screen = try Self.note("And the host answers", from: host, reaching: shell)
        #expect(screen.contains("Notes · 3"))
    }

    @Test func aTerminalJoinedAsTheProjectorShowsTheHostsNotesAndF7SwitchesOnlyIt() throws {
        let meeting = try Meeting(join: "--view projector")
        let room = try meeting.joiner.waitUntil("the joiner is the projector") { Self.showsProjector($0) }
        #expect(room.contains("left of 10:00"))
        #expect(try !meeting.joiner.paneFlags().cursorVisible, "no editor on the projector")
        #expect(try Self.showsNotes(meeting.host.screen()), "the host keeps its notes view")
        try meeting.host.type("Reach beat the target")
        try meeting.host.press("Enter")
        let shown = try meeting.joiner.waitFor("Reach beat the target")
        #expect(shown.contains("Notes · 1") && Self.showsProjector(shown), "the note appears on the room's view")
        // F7 on the joiner: the joiner turns to the notes, the host stays as it was.
        try meeting.joiner.press("F7")
        try meeting.joiner.waitUntil("the joiner's notes view") { Self.showsNotes($0) }
        #expect(try Self.showsNotes(meeting.host.screen()))
        // And F7 on the host turns only the host.
        try meeting.host.press("F7")
        try meeting.host.waitUntil("the host's projector") { Self.showsProjector($0) }
        #expect(try Self.showsNotes(meeting.joiner.screen()))
    }

    @Test func aJoinedTerminalTakesItsOwnTheme() throws {
        // The tests run under NO_COLOR (attributes only): colours are what this is about.
        let meeting = try Meeting(join: "--theme contrast", environment: "unset NO_COLOR; ")
        // Contrast: white on black (SGR 40), no dim text; the host keeps the dark default.
        let joined = try meeting.joiner.styledScreen()
        #expect(joined.contains("\u{1B}[40m"), "black background")
        #expect(!joined.contains("\u{1B}[2m"), "no dim text on a washed-out projector")
        let host = try meeting.host.styledScreen()
        #expect(host.contains("\u{1B}[2m") && !host.contains("\u{1B}[40m"), "the host's own theme")
        try meeting.joiner.type("contrast typing")
        try meeting.joiner.press("Enter")
        try meeting.host.waitFor("contrast typing")
    }

    @Test func pageDownOnTheJoinerAdvancesTheHostAndTheHostsEndTellsTheJoinerWhereTheFilesAre() throws {
        let meeting = try Meeting()
        try meeting.joiner.press("NPage")
        try meeting.host.waitFor("2/6  Creator breakdown")
        try meeting.host.press("F10")
        try meeting.host.waitFor("End the meeting now?")
        try meeting.host.press("y")
        let exit = try meeting.joiner.waitForExit()
        #expect(exit.code == 0)
        #expect(exit.sane)
        let session = try #require(Debrief.files(in: meeting.folder, suffix: SessionStore.sessionSuffix).first)
        #expect(exit.screen.contains("Meeting ended."))
        #expect(exit.screen.replacingOccurrences(of: "\n", with: "").contains(session.lastPathComponent))
    }

    @Test func whoeverEndsTheMeetingTheOtherTerminalsUnfinishedNoteIsSavedAndItsTypistIsTold() throws {
        let meeting = try Meeting()
        try meeting.joiner.type("half typed when the host ended")
        try meeting.waitForJournalledDraft("half typed when the host ended")
        try meeting.host.press("F10")
        let dialog = try meeting.host.waitFor("End the meeting now?")
        #expect(dialog.contains("1 unfinished note on other terminals is saved too"))
        try meeting.host.press("y")
        let exit = try meeting.joiner.waitForExit()
        #expect(exit.code == 0)
        #expect(exit.screen.contains("Your unfinished note was saved with the meeting."))
        // A note now (the brief lists notes, never drafts), in the joiner's section.
        let session = try #require(Debrief.files(in: meeting.folder, suffix: SessionStore.sessionSuffix).first)
        let added = try String(contentsOf: session, encoding: .utf8).split(separator: "\n").filter { $0.contains("\"note_added\"") }
        #expect(added.count == 1 && added[0].contains("half typed when the host ended"))
        let brief = try #require(Debrief.files(in: meeting.folder, suffix: ".md").first)
        #expect(try String(contentsOf: brief, encoding: .utf8).contains("half typed when the host ended"))
    }

    @Test func aJoinerKilledMidNoteGetsItsDraftBackWhenItRejoins() throws {
        let meeting = try Meeting()
        try meeting.joiner.type("half a thought")
        try meeting.waitForJournalledDraft("half a thought")
        try meeting.joiner.kill(SIGKILL)
        try meeting.host.waitFor("sam left the meeting")
        meeting.joiner = try meeting.rejoin()
        try meeting.joiner.waitFor("› half a thought")
    }

    /// A frozen terminal (an ssh session that hung) still holds its connection when its
    /// typist joins again elsewhere: the new one waits for the name instead of being refused.
    @Test func aJoinerRejoinedWhileItsOldTerminalHangsGetsInOnceTheOldOneGoes() throws {
        let meeting = try Meeting()
        try meeting.joiner.type("half a thought")
        try meeting.waitForJournalledDraft("half a thought")
        let old = try meeting.joiner.programPID()
        kill(old, SIGSTOP)
        let again = try meeting.rejoin()
        Thread.sleep(forTimeInterval: 0.3)  // its hello is at the host by now, waiting for the name
        kill(old, SIGKILL)
        try again.waitFor("› half a thought")
        try meeting.host.waitFor("sam joined the meeting")
    }

    @Test func aSecondTerminalUnderATakenNameIsToldWhyInOneLine() throws {
        let meeting = try Meeting()
        let second = try meeting.rejoin()
        let screen = try second.waitFor("[exit 1 sane]").replacingOccurrences(of: "\n", with: "")  // wrapped at 100 columns
        #expect(screen.contains("A terminal named sam is already in this meeting: join with another --name."))
        try meeting.joiner.type("still in")
        try meeting.joiner.press("Enter")
        try meeting.host.waitFor("still in")  // the first sam is untouched
    }

    @Test func whenTheHostIsKilledTheJoinerSaysSoKeepsItsDraftAndWaits() throws {
        let meeting = try Meeting()
        try meeting.joiner.type("not sent yet")
        try meeting.joiner.waitFor("› not sent yet")
        try meeting.host.kill(SIGKILL)
        var screen = try meeting.joiner.waitFor("Waiting for the host to come back")
        #expect(try meeting.joiner.paneFlags().alternateScreen == false, "the terminal is the shell's again")
        screen = screen.replacingOccurrences(of: "\n", with: " ")
        #expect(screen.contains("host is gone: the host stopped without a word"))
        #expect(screen.contains("debrief resume"))
        #expect(screen.contains("not sent yet"))
        let saved = try #require(FileManager.default.contentsOfDirectory(atPath: meeting.folder.appending(path: "sessions").path)
            .first { $0.contains("-unsent-") })
        #expect(try String(contentsOf: meeting.folder.appending(path: "sessions/\(saved)"), encoding: .utf8) == "not sent yet")
        try meeting.joiner.press("C-c")
        let exit = try meeting.joiner.waitForExit()
        #expect(exit.code == 1)
        #expect(exit.sane)
        #expect(exit.screen.contains("Stopped waiting. To join again:"))
    }

    @Test func whenTheKilledHostIsResumedTheJoinerComesBackByItselfWithEveryNoteAndItsInput() throws {
        let meeting = try Meeting()
        try meeting.joiner.type("confirmed before the crash")
        try meeting.joiner.press("Enter")
        try meeting.host.waitFor("confirmed before the crash")
        try meeting.joiner.type("typing when it died")
        try meeting.joiner.waitFor("› typing when it died")
        try meeting.host.kill(SIGKILL)
        try meeting.joiner.waitFor("Waiting for the host to come back")

        let resumed = try Tmux(Meeting.command("resume", folder: meeting.folder, runtime: meeting.runtime))
        try resumed.answerYes()
        try resumed.waitFor("confirmed before the crash")
        let screen = try meeting.joiner.waitFor("› typing when it died")
        #expect(screen.contains("confirmed before the crash"))
        try resumed.waitFor("sam joined the meeting")
        // And it works as before: a note from the joiner reaches the resumed host.
        try meeting.joiner.press("Enter")
        try resumed.waitFor("typing when it died")
    }

    @Test func aNoteSentWhileTheHostIsStoppedIsAddedOnceWhenItComesBack() throws {
        let meeting = try Meeting()
        let host = try meeting.host.programPID()
        kill(host, SIGSTOP)  // as Ctrl-Z leaves it: alive, reading nothing
        defer { kill(host, SIGCONT) }
        try meeting.joiner.type("Sent while the host slept")
        try meeting.joiner.press("Enter")
        try meeting.joiner.waitFor("Not saved yet", timeout: 40)  // after the 10 s answer wait
        try meeting.joiner.press("Enter")  // the typist tries again
        kill(host, SIGCONT)  // fg
        try meeting.joiner.waitUntil("the note left the input") { $0.contains("Notes · 1") && !$0.contains("› Sent while") }
        try meeting.joiner.type("The next note")
        try meeting.joiner.press("Enter")
        let screen = try meeting.host.waitFor("The next note")
        #expect(screen.contains("Notes · 2"), "the first note once, then the next")
        #expect(screen.components(separatedBy: "Sent while the host slept").count == 2)
    }

    @Test func withSeveralLiveMeetingsJoinOffersANumberedMenuOrTakesOneByName() throws {
        let runtime = "/tmp/dj-\(UUID().uuidString.prefix(8))"
        mkdir(runtime, 0o700)
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let hosts = try ["One", "Two"].map { title in
            let tmux = try Tmux(Meeting.command("run --title \(title)", folder: Debrief.freshFolder(), runtime: runtime))
            try tmux.waitFor("Debrief · \(title)")
            return tmux
        }
        let menu = try Tmux(Meeting.command("join", folder: Debrief.freshFolder(), runtime: runtime))
        let screen = try menu.waitFor("Join which one? [1-2]")
        #expect(screen.contains("1  ") && screen.contains("-one  One") && screen.contains("-two  Two"))
        try menu.type("2")
        try menu.press("Enter")
        try menu.waitFor("Debrief · Two")
        try hosts[1].waitFor("joined the meeting")

        let session = try #require(screen.split(separator: "\n").first { $0.contains("-one  One") }?
            .split(separator: " ").first { $0.hasSuffix("-one") })
        let named = try Tmux(Meeting.command("join \(session) --name second", folder: Debrief.freshFolder(), runtime: runtime))
        try named.waitFor("Debrief · One")
    }

    @Test func aHostilePeerIsDisconnectedWithAReasonAndTheMeetingGoesOn() throws {
        let meeting = try Meeting()
        let socket = try #require(LiveFolder(path: meeting.runtime + "/debrief").liveSockets().first)
        for (hostile, reason) in [("garbage that is not JSON\n", "not a message"), (String(repeating: "x", count: 1_100_000), "longer than")] {
            guard case .success(let fd) = UnixSocket.connect(to: socket) else { throw LiveError("no connect") }
            defer { close(fd) }
            let bytes = Array(hostile.utf8)
            var sent = 0
            while sent < bytes.count {
                let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { break }  // the host hung up on the flood
                sent += count
            }
            try meeting.host.waitUntil("the host says it disconnected the peer: \(reason)") {
                $0.contains("was disconnected") && $0.contains(reason)
            }
        }
        try meeting.joiner.type("still going")
        try meeting.joiner.press("Enter")
        try meeting.host.waitFor("still going")
    }

    /// `--help` of the commands a meeting's terminals start with: every option in the usage
    /// line has its own help, the display options read alike, and the prose has no gaps.
    @Test func theHelpOfRunJoinAndResumeDocumentsEveryOptionAndReadsAlike() throws {
        var displayHelp: [String] = []
        for command in ["run", "join", "resume"] {
            let help = try Subprocess.run([Debrief.binary, command, "--help"]).output
            let overview = help.components(separatedBy: "USAGE:")[0]
            #expect(!overview.contains("   "), "\(command): no run of spaces in the description")
            let options = help.components(separatedBy: "\n").filter { $0.hasPrefix("  --") || $0.hasPrefix("  -h") }
            for option in ["--view", "--theme", "--bell", "--sessions", "--allow-shared-folder"] {
                #expect(options.contains { $0.hasPrefix("  \(option)") }, "\(command) documents \(option)")
            }
            let display = help.components(separatedBy: "DISPLAY:").last?.components(separatedBy: "OPTIONS:").first ?? ""
            displayHelp.append(display)
            #expect(display.contains("this terminal"), "\(command): the display options are per terminal")
        }
        #expect(Set(displayHelp).count == 1, "one wording for the display options")
        let run = try Subprocess.run([Debrief.binary, "run", "--help"]).output
        #expect(run.contains("debrief join"), "run says how another terminal takes part")
    }

    @Test func withNoLiveMeetingJoinSaysSoInOneLine() throws {
        let folder = Debrief.freshFolder()
        let runtime = "/tmp/dj-\(UUID().uuidString.prefix(8))"
        let result = try Subprocess.run(["/bin/sh", "-c", Meeting.command("join", folder: folder, runtime: runtime) + " 2>&1 </dev/null"])
        #expect(result.status == 1)
        #expect(result.output.contains("no live meeting to join"))
        #expect(result.output.split(separator: "\n").count == 1)
    }
}
