import DebriefKit
import Foundation
import TestSupport
import Testing

/// Every key in every terminal a facilitator or note-taker really uses: the TERM inside the
/// pane changes what ncurses expects, never what tmux sends, so keys the terminfo entry does
/// not list must still work (issue 10, "keys work in every terminal").
@Suite("End to end: keys under every TERM")
struct KeyMatrixEndToEndTests {
    static let terms = ["xterm-256color", "xterm", "screen", "screen-256color", "tmux-256color",
                        "linux", "rxvt-unicode-256color", "vt100"]

    static func hasTerminfo(_ term: String) -> Bool {
        (try? Subprocess.run(["infocmp", term]))?.status == 0
    }

    static let installed = terms.filter(hasTerminfo)

    @Test func termsWithoutATerminfoEntryAreSkippedAndSaidSo() {
        for term in Self.terms where !Self.installed.contains(term) {
            print("skipped: no terminfo entry for TERM=\(term) on this machine (infocmp \(term) fails)")
        }
        #expect(Self.installed.contains("xterm-256color") || Self.installed.isEmpty == false)
    }

    /// One meeting per TERM, every key in one run, then a replay of it.
    @Test(arguments: installed)
    func everyKeyWorksInTheMeetingAndInReplay(term: String) throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("run", sessions: folder, term: term))
        try tmux.waitFor("1/6  Performance vs. goals")

        // Editing keys: Home, End, Ctrl-←/→, ←/→, Delete.
        try tmux.type("abc def")
        try tmux.press("Home")
        try tmux.type("X")
        try tmux.press("End")
        try tmux.type("Y")
        try tmux.waitFor("Xabc defY")
        try tmux.press("C-Left")
        try tmux.type("1")
        try tmux.waitFor("Xabc 1defY")
        try tmux.press("C-Right")
        try tmux.type("2")
        try tmux.waitFor("Xabc 1defY2")
        try tmux.press("Left", "Left", "DC")
        try tmux.waitFor("Xabc 1def2")
        try tmux.press("Home", "Right", "DC")
        try tmux.waitFor("Xbc 1def2")
        try tmux.press("End")
        // Alt-Enter: a new line inside the note, then Enter saves both lines as one note.
        try tmux.press("M-Enter")
        try tmux.type("second line")
        let twoLines = try tmux.waitFor("second line")
        #expect(!twoLines.contains("Xbc 1def2second"), "TERM=\(term): Alt-Enter did not start a new line")
        try tmux.press("Enter")
        try tmux.waitUntil("the note is saved") { $0.contains("● saved") && $0.contains("Xbc 1def2") && !$0.contains("1~") }

        // PageDown / PageUp change section.
        try tmux.press("NPage")
        try tmux.waitFor("2/6")
        try tmux.press("PPage")
        try tmux.waitFor("1/6  Performance vs. goals")

        // F1 help, F2 pause, F3 five more minutes, F2 resume.
        try tmux.press("F1")
        try tmux.waitFor("New line inside the note")
        try tmux.press("Escape")
        try tmux.waitUntil("help closes") { !$0.contains("New line inside the note") }
        try tmux.press("F2")
        // The section's countdown stops (a capture can fall between the header and the pane
        // of one frame, so wait for the countdown itself).
        try tmux.waitUntil("the countdown is paused") { $0.contains("PAUSED 10:00") || $0.contains("PAUSED 09:") }
        try tmux.press("F3")
        try tmux.waitUntil("the section has 5 more minutes") { $0.contains("PAUSED 15:00") || $0.contains("PAUSED 14:") }
        try tmux.press("F2")
        try tmux.waitUntil("the clock runs again") { !$0.contains("PAUSED") }

        // F4 tags a problem.
        try tmux.type("! keyproblem")
        try tmux.press("Enter")
        try tmux.waitFor("Root cause:")  // the picker opens once typing pauses
        try tmux.press("Escape")  // leaves it untagged
        try tmux.waitUntil("the problem is listed, no picker") { !$0.contains("Root cause:") && $0.contains("PROBLEM keyproblem") }
        try tmux.press("F4")
        try tmux.waitFor("Root cause:")
        try tmux.press("Escape")
        try tmux.waitUntil("the picker closes") { !$0.contains("Root cause:") }

        // F7 switches to the projector and back. F3 above put the meeting 5 minutes behind:
        // F8 gives the later sections the minutes that end it on time.
        try tmux.press("F7")
        try tmux.waitFor("F7 Notes")
        try tmux.press("F7")
        try tmux.waitUntil("the notes again") { !$0.contains("F7 Notes") }
        try tmux.waitFor("5 min behind")
        try tmux.press("F8")
        try tmux.waitUntil("back on time") { $0.contains("on time") && !$0.contains("behind") }

        // An unknown sequence is named and swallowed, never typed.
        try tmux.sendBytes(Array("\u{1B}[99~".utf8))
        try tmux.waitFor("Unknown key ESC [ 9 9 ~ ignored")
        #expect(!(try tmux.screen()).contains("99~"))

        // F10 ends.
        try tmux.endMeeting("TERM=\(term)")

        // Replay: End shows the last note, Home goes back before it, PgDn/PgUp move by section.
        let session = try #require(Debrief.files(in: folder, suffix: SessionStore.sessionSuffix).first)
        let replay = try Tmux(Debrief.command("replay '\(session.path)'", sessions: folder, term: term))
        try replay.waitFor("1/6  Performance vs. goals")
        try replay.press("End")
        try replay.waitFor("keyproblem")
        try replay.press("Home")
        try replay.waitUntil("back at the start") { !$0.contains("keyproblem") }
        try replay.press("NPage")
        try replay.waitFor("2/6")
        try replay.press("PPage")
        try replay.waitFor("1/6  Performance vs. goals")
        try replay.press("q")
        #expect(try replay.waitForExit().code == 0, "TERM=\(term)")
    }

    /// Bytes after an ESC that spell no key of the terminfo entry are keys of their own,
    /// read again from their start, whether they came in one write or with the keys after
    /// them: ESC b is Alt-b and ESC ESC [ D Alt-← (rxvt), both a word left; ESC [ F is End.
    @Test(arguments: ["xterm-256color", "screen-256color"].filter(hasTerminfo))
    func bytesAfterAnEscapeThatSpellNoKeyAreReadAgain(term: String) throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("run", sessions: folder, term: term))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.sendBytes(Array("one two\u{1B}bX\u{1B}\u{1B}[DY\u{1B}[Fend".utf8))
        try tmux.waitFor("› one YXtwoend")
        try tmux.press("Enter")
        try tmux.waitFor("Notes · 1")
        try tmux.endMeeting("TERM=\(term)")
        let session = try #require(Debrief.files(in: folder, suffix: SessionStore.sessionSuffix).first)
        #expect(try String(contentsOf: session, encoding: .utf8).contains("one YXtwoend"), "TERM=\(term)")
    }

    @Test func aTerminalThatCannotMoveTheCursorIsRefusedBeforeAnyJournal() throws {
        let folder = Debrief.freshFolder()
        for (term, words) in [("dumb", "TERM=dumb cannot move the cursor"), ("no-such-terminal", "TERM=no-such-terminal is unknown here")] {
            for command in ["run", "resume", "replay some-meeting"] {
                let tmux = try Tmux(Debrief.command(command, sessions: folder, term: term), width: 200)
                let exit = try tmux.waitForExit()
                #expect(exit.code == 1, "\(term) \(command)")
                let lines = exit.screen.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                #expect(lines.count == 2, "one line, then the exit marker: \(exit.screen)")
                #expect(lines.first?.hasPrefix("Error: \(words)") ?? false, "\(term) \(command): \(exit.screen)")
            }
        }
        let sessions = folder.appending(path: "sessions")
        let created = (try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []
        #expect(created.isEmpty, "no journal, no session: \(created)")
    }
}
