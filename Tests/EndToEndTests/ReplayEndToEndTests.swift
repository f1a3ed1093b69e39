import DebriefKit
import Foundation
import TestSupport
import Testing

/// After the meeting, as a user goes on: replay it, print it, list it, export it.
@Suite("End to end: replay, show, sessions, export", .serialized)
struct ReplayEndToEndTests {
    /// Records a short meeting with the real binary: a note in the first section and a
    /// problem in What went wrong. Returns the sessions folder and the session's name.
    private func recordMeeting(in folder: URL) throws -> (sessions: URL, name: String) {
        let tmux = try Tmux(Debrief.command("--time-scale 60 --client Acme --campaign Spring", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.type("Reach 1.2M against a 1M target")
        try tmux.press("Enter")
        try tmux.waitFor("Reach 1.2M against a 1M target")
        for index in 2...4 {
            try tmux.press("NPage")
            try tmux.waitFor("\(index)/6")
        }
        try tmux.waitFor("4/6  What went wrong")
        try tmux.type("!Tracking links were not ready on day one")
        try tmux.press("Enter")
        try tmux.waitFor("PROBLEM Tracking links")
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        return (folder.appending(path: "sessions"), SessionCatalog.name(of: session))
    }

    @Test func replayARecordedMeetingAndJumpToWhatWentWrong() throws {
        let folder = Debrief.freshFolder()
        let (sessions, name) = try recordMeeting(in: folder)
        let file = sessions.appending(path: name + SessionStore.sessionSuffix)
        let before = try Data(contentsOf: file)

        let tmux = try Tmux(Debrief.command("replay \(name)", sessions: folder))
        try tmux.waitFor("Replay · Influencer campaign post-mortem · Acme / Spring")
        try tmux.waitFor("❚❚ PAUSED 1×")
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.waitFor("note where each target came from.")  // laid out as in the meeting
        for index in 2...4 {
            try tmux.press("NPage")
            try tmux.waitFor("\(index)/6")
        }
        let atStart = try tmux.waitFor("4/6  What went wrong")
        #expect(!atStart.contains("Tracking links"), "at the section's start its note is not written yet")
        // Step event by event until the problem appears (the next event, in this recording).
        var shown = false
        for _ in 0..<20 where !shown {
            try tmux.press("Right")
            shown = try poll(tmux, for: "PROBLEM Tracking links were not ready on day one")
        }
        #expect(shown, "the What-went-wrong note appears when stepping through the replay")
        try tmux.press("F1")
        try tmux.waitFor("Jump to the start of the next section")
        try tmux.press("Escape")
        try tmux.waitUntil("help closes") { !$0.contains("Esc or F1: close this help") }
        try tmux.press("q")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)
        #expect(exit.sane)
        #expect(try Data(contentsOf: file) == before, "replay never changes the session file")
    }

    @Test func ctrlZSuspendsAReplayAndFgBringsItBack() throws {
        let folder = Debrief.freshFolder()
        let (_, name) = try recordMeeting(in: folder)
        let tmux = try Tmux("bash --norc --noprofile -i")
        try tmux.waitFor("bash-")
        try tmux.type(Debrief.command("replay \(name)", sessions: folder))
        try tmux.press("Enter")
        try tmux.waitFor("❚❚ PAUSED 1×")
        try tmux.press("NPage")
        try tmux.waitFor("2/6  Creator breakdown")
        try tmux.press("C-z")
        try tmux.waitFor("Stopped")
        #expect(!(try tmux.paneFlags().alternateScreen), "the shell gets its screen back")
        try tmux.type("fg")
        try tmux.press("Enter")
        try tmux.waitFor("2/6  Creator breakdown")
        try tmux.press("q")
        try tmux.waitUntil("the replay ends and the shell is back") { $0.components(separatedBy: "bash-").count > 2 }
        #expect(!(try tmux.paneFlags().alternateScreen))
    }

    @Test func showSessionsAndExportOnARecordedMeeting() throws {
        let folder = Debrief.freshFolder()
        let (sessions, name) = try recordMeeting(in: folder)
        let binary = Debrief.binary

        let list = try Subprocess.run([binary, "sessions", "--sessions", sessions.path])
        #expect(list.status == 0)
        #expect(list.output.contains("Influencer campaign post-mortem · Acme"))
        #expect(list.output.contains("1 problem, 0 actions"))
        #expect(list.output.contains(name))

        let show = try Subprocess.run([binary, "show", name, "--sessions", sessions.path])
        #expect(show.status == 0)
        #expect(show.output.contains("4. What went wrong"))
        #expect(show.output.contains("PROBLEM  Tracking links were not ready on day one"))
        #expect(show.output.contains("NOTE     Reach 1.2M against a 1M target"))

        let brief = try Subprocess.run([binary, "export", sessions.appending(path: name + SessionStore.sessionSuffix).path, "--format", "brief"])
        #expect(brief.status == 0)
        #expect(brief.output.contains("## What went wrong"))
        #expect(brief.output.contains("- [ ] Problem “Tracking links were not ready on day one”: no action item yet"))

        let csvPath = folder.appending(path: "actions.csv").path
        let csv = try Subprocess.run([binary, "export", name, "--format", "csv", "-o", csvPath, "--sessions", sessions.path])
        #expect(csv.status == 0)
        #expect(Debrief.permissions(URL(fileURLWithPath: csvPath)) == 0o600)
        #expect(try String(contentsOfFile: csvPath, encoding: .utf8) == "what,owner,due,problem,section,session\r\n")

        let client = try Subprocess.run([binary, "export", name, "--format", "client", "--sessions", sessions.path])
        #expect(!client.output.contains("Tracking links were not ready on day one"), "a problem as typed never goes to the client")
        #expect(client.output.contains("## Results\n\n- Reach 1.2M against a 1M target\n"), "the numbers section's notes are the results")

        let json = try Subprocess.run([binary, "export", name, "--format", "json", "-o", "-", "--sessions", sessions.path])
        let document = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(document?["session"] as? String == name)

        let ics = try Subprocess.run([binary, "export", name, "--format", "ics", "--sessions", sessions.path])
        #expect(ics.status == 0)
        #expect(ics.output.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.output.hasSuffix("END:VCALENDAR\r\n"))

        let sessionFile = sessions.appending(path: name + SessionStore.sessionSuffix)
        let original = try Data(contentsOf: sessionFile)
        let overwrite = try Subprocess.run([binary, "export", name, "--format", "csv", "-o", sessionFile.path, "--sessions", sessions.path])
        #expect(overwrite.status == 1)
        #expect(overwrite.output.contains("is the session file itself"))
        #expect(try Data(contentsOf: sessionFile) == original)

        let missing = try Subprocess.run([binary, "show", "no-such-session", "--sessions", sessions.path])
        #expect(missing.status == 1)
        #expect(missing.output.contains("Error: no session 'no-such-session'"))
        let badFormat = try Subprocess.run([binary, "export", name, "--format", "pdf", "--sessions", sessions.path])
        #expect(badFormat.status != 0 && !badFormat.output.contains("Stack"))
    }

    @Test func anInterruptedMeetingsJournalReplaysAsFarAsItGot() throws {
        let folder = Debrief.freshFolder()
        let store = SessionStore(folder: folder.appending(path: "sessions"))
        let header = SessionHeader(agenda: try BuiltinAgendas.defaultAgenda(), meeting: MeetingInfo(
            title: "Cut short", startedAt: "2026-11-23T14:00:00Z"))
        let journal = try store.startJournal(header: header, base: "2026-11-23-cut-short")
        try journal.append(Event(t: 0, .sectionStarted(section: "performance")))
        try journal.append(Event(t: 30_000, .noteAdded(id: 1, section: "performance", content: NoteContent(text: "Captured before the crash"))))

        let tmux = try Tmux(Debrief.command("replay 2026-11-23-cut-short", sessions: folder))
        try tmux.waitFor("INTERRUPTED MEETING")
        try tmux.press("End")
        try tmux.waitFor("Captured before the crash")
        try tmux.press("F10")
        #expect(try tmux.waitForExit().code == 0)
        let list = try Subprocess.run([Debrief.binary, "sessions", "--sessions", store.folder.path])
        #expect(list.output.contains("Cut short · 00:30 · 0 problems, 0 actions · INTERRUPTED"))
    }

    /// Polls the screen for up to a second; false (without failing) if the text never shows.
    private func poll(_ tmux: Tmux, for text: String) throws -> Bool {
        let deadline = Date().addingTimeInterval(1)
        while Date() < deadline {
            if try tmux.screen().contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
