import DebriefKit
import Foundation
import Testing

/// The spine, as a user runs it: the real binary in a real terminal (tmux).
@Suite("End to end: running a meeting", .serialized)
struct MeetingEndToEndTests {
    @Test func aWholeMeetingFromFirstSectionToSessionFileAndBrief() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60 --client Acme --campaign Spring", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.waitFor("note where each target came from.")  // the pane fits its whole guidance at 100×30
        try tmux.waitFor("● saved")
        try tmux.type("Reach 1.2M against a 1M target")
        try tmux.press("Enter")
        try tmux.waitFor("Reach 1.2M against a 1M target")
        let titles = ["Creator breakdown", "Content analysis", "What went wrong", "What worked", "Action items"]
        for (index, title) in titles.enumerated() {
            try tmux.press("NPage")
            try tmux.waitFor("\(index + 2)/6  \(title)")
            if title == "What went wrong" {
                try tmux.type("!Tracking links were not ready on day one")
                try tmux.press("Enter")
                try tmux.waitFor("PROBLEM Tracking links")
            }
        }
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.waitFor("2 notes will be saved")
        try tmux.press("Enter")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)
        #expect(exit.sane)
        #expect(exit.screen.contains("Meeting ended. Session:"))
        // What to do next, by name (the sessions folder is the default one here).
        #expect(exit.screen.contains(/Replay:  debrief replay \d{4}-\d\d-\d\d-acme-spring\n/))
        #expect(exit.screen.contains(/Client:  debrief export \d{4}-\d\d-\d\d-acme-spring --format client\n/))
        let flags = try tmux.paneFlags()
        #expect(!flags.alternateScreen)
        #expect(flags.cursorVisible)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let brief = try #require(Debrief.files(in: folder, suffix: ".md").first)
        #expect(session.lastPathComponent.hasSuffix("-acme-spring.debrief.jsonl"))
        #expect(Debrief.permissions(session) == 0o600)
        #expect(Debrief.permissions(brief) == 0o600)
        #expect(Debrief.permissions(folder.appending(path: "sessions")) == 0o700)
        #expect(Debrief.files(in: folder, suffix: ".journal.jsonl").isEmpty)

        let record = try SessionReader.read(session)
        let summary = try #require(record.summary)
        #expect(SessionSummary(state: record.state) == summary)
        #expect(summary.sections.map(\.id) == ["performance", "creators", "content", "wrong", "worked", "actions"])
        #expect(summary.sections[0].items.map(\.text) == ["Reach 1.2M against a 1M target"])
        #expect(summary.sections[3].items.map(\.kind) == [.problem])
        #expect(record.header.meeting.client == "Acme")

        let markdown = try String(contentsOf: brief, encoding: .utf8)
        #expect(markdown.contains(/## Results vs goals\n\n- `\d\d:\d\d` Reach 1\.2M against a 1M target\n/))
        #expect(markdown.contains("## What went wrong\n\n### No root cause yet\n\n- **Severity not set:** Tracking links were not ready on day one"))
        #expect(markdown.contains("| What went wrong |"), "each section's time used against the plan")
        #expect(markdown.contains("- **Client:** Acme"))
    }

    @Test func anOverrunTurnsTheClockIntoOvertimeAndTheMeetingFallsBehind() throws {
        let folder = Debrief.freshFolder()
        // 600× speed: the 10-minute first section is over after one second.
        let tmux = try Tmux(Debrief.command("--time-scale 600", sessions: folder))
        try tmux.waitFor("OVER +")
        try tmux.waitFor("behind")
        try tmux.press("F3")
        try tmux.waitUntil("the extension brings time back") { $0.contains(" left") && !$0.contains("OVER +") }
        try tmux.type("An unfinished thought")
        try tmux.press("F10")
        // Ending early names the sections never opened, wrapped inside the dialog, and
        // saves what is still in the input.
        try tmux.waitFor("Not covered: Creator breakdown, Content analysis, What went wrong, What worked, Action")
        try tmux.waitFor("│ items.")
        try tmux.waitFor("The note still in the input is saved first: “An unfinished thought”")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        #expect(try SessionReader.read(session).summary?.sections[0].items.map(\.text) == ["An unfinished thought"])
    }

    @Test func pauseStopsTheClockAndHelpListsTheKeys() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder))
        try tmux.waitFor("1/6")
        try tmux.press("F2")
        let paused = try tmux.waitFor("PAUSED")
        Thread.sleep(forTimeInterval: 1.2)
        let clockLine = { (screen: String) in screen.split(separator: "\n").first { $0.contains("1/6") }.map(String.init) }
        #expect(clockLine(try tmux.screen()) == clockLine(paused), "a paused clock must not move")
        try tmux.press("F1")
        try tmux.waitFor("Give the current section 5 more minutes")
        try tmux.press("Escape")
        try tmux.waitUntil("help closes") { !$0.contains("Esc or F1: close this help") }
        try tmux.press("F10", "Enter")
        #expect(try tmux.waitForExit().code == 0)
    }

    /// Frames reach curses in runs of cells; wide characters (two cells, the second a
    /// continuation) must land where they belong, in the input and in the list, and again
    /// when a clock redraws the whole frame.
    @Test func wideCharactersLandInTheirColumnsOnEveryFrame() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("", sessions: folder), width: 80, height: 24)
        try tmux.waitFor("1/6")
        try tmux.type("日本語のメモ ok café")
        try tmux.waitFor("› 日本語のメモ ok café")
        #expect(try tmux.cursor().x == 3 + 12 + 8, "after the text: prompt, six wide characters, \" ok café\"")
        try tmux.press("Enter")
        try tmux.waitFor("Notes · 1")
        let screen = try tmux.waitFor("日本語のメモ ok café")
        let row = try #require(screen.split(separator: "\n").first { $0.contains("日本語のメモ") })
        #expect(row.hasSuffix("日本語のメモ ok café"), "nothing after the note on its row: \(row)")
        // The clock turns over each second, and with it the whole frame is drawn again.
        let clock = try #require(screen.split(separator: "\n").first { $0.contains(" left") })
        try tmux.waitUntil("the clock turned over") { !$0.contains(String(clock)) }
        #expect(try tmux.screen().contains(String(row)))
        try tmux.press("F10", "Enter")
        #expect(try tmux.waitForExit().code == 0)
    }

    @Test func aResizeMidMeetingKeepsWorking() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder), width: 100, height: 30)
        try tmux.waitFor("1/6")
        try tmux.type("before resize")
        try tmux.press("Enter")
        try tmux.waitFor("before resize")
        try tmux.resize(width: 160, height: 48)
        try tmux.waitFor("▶ Performance vs. goals")  // the wide layout's agenda column
        try tmux.resize(width: 40, height: 12)
        try tmux.waitFor("Terminal too small")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("1/6")
        try tmux.type("after resize")
        try tmux.press("Enter")
        try tmux.waitFor("after resize")
        try tmux.press("F10", "Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        #expect(try SessionReader.read(session).state.visibleNotes.map(\.text) == ["before resize", "after resize"])
    }

    @Test func aBadAgendaExitsWithOneClearLineAndASaneTerminal() throws {
        let folder = Debrief.freshFolder()
        try "name: x\ntitle: X\nsections:\n  - id: a\n    title: A\n    minutes: 0\ntaxonomy:\n  root_causes: [p]\n  severities: [s]\n"
            .write(to: folder.appending(path: "broken.yaml"), atomically: true, encoding: .utf8)
        let tmux = try Tmux(Debrief.command("--agenda broken.yaml", sessions: folder))
        let exit = try tmux.waitForExit()
        #expect(exit.code == 1)
        #expect(exit.sane)
        #expect(exit.screen.contains("Error: broken.yaml:6: section 1: 'minutes' must be above 0, found 0"))
        #expect(!exit.screen.contains("Stack"))
        #expect(Debrief.files(in: folder, suffix: ".journal.jsonl").isEmpty)

        let missing = try Tmux(Debrief.command("--agenda no-such-agenda", sessions: folder))
        let result = try missing.waitForExit()
        #expect(result.code == 1)
        #expect(result.screen.contains("no agenda named 'no-such-agenda'"))
    }

    @Test func agendasAndCheckCommands() throws {
        let folder = Debrief.freshFolder()
        let agendas = folder.appending(path: "Agendas")
        try FileManager.default.createDirectory(at: agendas, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Debrief.repository.appending(path: "Agendas/sprint-retrospective.yaml"),
                                         to: agendas.appending(path: "team-retro.yaml"))
        try Data("name: [unclosed\n".utf8).write(to: agendas.appending(path: "broken.yaml"))
        let tmux = try Tmux(Debrief.command("agendas && '\(Debrief.binary)' check /nonexistent.yaml", sessions: folder))
        let exit = try tmux.waitForExit()
        #expect(exit.screen.contains(/\ \ Agendas\/team-retro\.yaml +Sprint retrospective, 5 sections, 60 min/))
        #expect(exit.screen.contains("Agendas/broken.yaml") && exit.screen.contains("invalid: run 'debrief check Agendas/broken.yaml'"))
        #expect(exit.screen.contains("influencer-postmortem"))
        #expect(exit.screen.contains("(default)"))
        #expect(exit.screen.contains("sprint-retrospective"))
        #expect(exit.screen.contains("/nonexistent.yaml: cannot read the file"))
        #expect(exit.code == 1)
    }
}
