import DebriefKit
import Foundation
import TestSupport
import Testing

/// A paste is text, never commands: bytes that close the paste early and go on as keys
/// (issue 11, failure 4) are typed into the note, visibly, and end or save nothing.
@Suite("End to end: a paste cannot run commands")
struct PasteInjectionEndToEndTests {
    @Test func anEarlyEndMarkerFollowedByF10AndYesDoesNotEndTheMeeting() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("run", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.paste("harmless text\u{1B}[201~\u{1B}[21~y")
        // The smuggled F10 and `y` are shown as text in the input.
        let screen = try tmux.waitFor("harmless text^[[21~y")
        #expect(!screen.contains("End the meeting now?"))
        try tmux.type("Z")
        try tmux.waitFor("~Z")
        #expect(!(try tmux.screen()).contains("End the meeting now?"))
        // A person's F10 still works, if need be after a second press.
        try tmux.press("F10", until: "End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
    }

    @Test func returnsAfterAnEarlyEndMarkerSaveNoNotes() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("run", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.paste("before\u{1B}[201~\rINJECTED\r! injected problem\r")
        try tmux.waitFor("! injected problem")
        // Raw bytes over the pty, the same attack without tmux's paste command.
        try tmux.sendBytes(Array("\u{1B}[200~second\u{1B}[201~\rRAWNOTE\r\u{1B}[6~".utf8))
        let screen = try tmux.waitFor("RAWNOTE")
        #expect(screen.contains("1/6  Performance vs. goals"), "the smuggled PgDn changed nothing")
        #expect(!screen.contains("PROBLEM injected") && !screen.contains("Notes · 1"))
        try tmux.kill(SIGTERM)
        let journal = try #require(Debrief.files(in: folder, suffix: SessionStore.journalSuffix).first)
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        #expect(!lines.contains { $0.contains("note_added") }, "no note was created: \(lines)")
        #expect(lines.contains { $0.contains("\"draft\"") && $0.contains("INJECTED") && $0.contains("RAWNOTE") },
                "the whole paste is kept as the unfinished note")
    }

    @Test func commandKeysRightAfterAPasteNeedASecondPress() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("run", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        // A paste and a PgDn in one burst, as a malicious paste might end: the PgDn is held.
        try tmux.sendBytes(Array("\u{1B}[200~pasted\u{1B}[201~".utf8))
        try tmux.sendBytes(Array("\u{1B}[6~".utf8))
        try tmux.waitUntil("the key is held or typed, not acted on") {
            $0.contains("press it again") || $0.contains("pasted^[[6~")
        }
        #expect((try tmux.screen()).contains("1/6  Performance vs. goals"))
        try tmux.press("NPage", until: "2/6")
    }
}
