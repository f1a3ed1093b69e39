import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The limits, through the real binary: a paste far over the note limit, and agendas that
/// would expand or overflow a journal line, refused by `check` and `run` alike.
@Suite("End to end: limits on pastes and agendas", .serialized)
struct LimitsEndToEndTests {
    /// Pastes `text` with bracketed paste, through a file: a 1 MB argument is past what
    /// `tmux set-buffer` can take on the command line.
    private func pasteLarge(_ text: String, into tmux: Tmux) throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "paste-\(UUID().uuidString)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for arguments in [["load-buffer", "-b", "big", file.path], ["paste-buffer", "-p", "-b", "big", "-t", tmux.target]] {
            let result = try Subprocess.run(["tmux", "-L", tmux.socket] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.output)")
        }
    }

    private func waitForJournal(in folder: URL, _ condition: (SessionRecord) -> Bool) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let url = Debrief.files(in: folder, suffix: ".journal.jsonl").first,
               let record = try? SessionReader.read(url), condition(record) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("the journal never reached the expected state")
        throw TmuxError.timedOut("journal")
    }

    @Test func aMegabytePasteIsCutToOneNoteSaysSoAndWhatSaysSavedComesBackAfterKill9() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.commands(["--time-scale 60", "resume"], sessions: folder))
        try tmux.waitFor("● saved")
        try pasteLarge(String(repeating: "x", count: 1_000_000), into: tmux)
        try tmux.waitFor("Paste cut to 50 KB, a note holds 50 KB: 950 KB dropped", timeout: 60)
        try tmux.press("Enter", until: "Notes · 1")  // a second press if it came too soon after the paste
        try waitForJournal(in: folder) { $0.state.visibleNotes.count == 1 }
        try tmux.waitFor("● saved", timeout: 60)
        try tmux.kill(SIGKILL)

        try tmux.answerYes()
        let screen = try tmux.waitFor("1/6  Performance vs. goals", timeout: 60)
        #expect(!screen.contains("longer than 1 MB") && !screen.contains("Skipped"))
        try tmux.press("F10")
        try tmux.waitFor("1 note will be saved")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit(timeout: 60).code == 0)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let record = try SessionReader.read(session)
        #expect(record.skippedLines.isEmpty)
        #expect(record.state.visibleNotes.map(\.text) == [String(repeating: "x", count: Limits.noteBytes)])
        #expect(record.summary?.sections[0].items.first?.text.utf8.count == Limits.noteBytes)
        let show = try Subprocess.run([Debrief.binary, "show", session.path])
        #expect(show.status == 0)
        #expect(!show.output.contains("skipped"))
    }

    @Test func agendasThatWouldExpandOrOverflowAJournalLineAreRefusedByCheckAndRunAlike() throws {
        let folder = Debrief.freshFolder()
        let taxonomy = "taxonomy:\n  root_causes: [process]\n  severities: [minor]\n"
        func bomb(textBytes: Int, repeats: Int) -> String {
            "name: bomb\ntitle: Bomb\nsections:\n  - id: a\n    title: &t \"\(String(repeating: "x", count: textBytes))\"\n"
                + "    minutes: 5\n    prompts: [\(Array(repeating: "*t", count: repeats).joined(separator: ", "))]\n" + taxonomy
        }
        let escapes = "\"" + String(repeating: "\\e", count: 15_000) + "\""
        let cases: [(String, String, String)] = [
            // The 132 KB bomb of issue 11, and one whose text is short enough but repeated 8,000 times.
            ("bomb", bomb(textBytes: 100_000, repeats: 8_000), "bomb.yaml:7: the agenda grows past 2 MB once its aliases (*name) are expanded"),
            ("long", bomb(textBytes: 100_000, repeats: 1), "long.yaml:5: section 1: 'title' is 100 KB long"),
            ("escapes", "name: e\ntitle: E\nsections:\n  - id: a\n    title: A\n    minutes: 5\n    prompts: ["
                + Array(repeating: escapes, count: 20).joined(separator: ", ") + "]\n" + taxonomy,
             "escapes.yaml: the agenda takes 1.9 MB once saved in a meeting file"),
        ]
        for (name, yaml, expected) in cases {
            let file = folder.appending(path: "\(name).yaml")
            try Data(yaml.utf8).write(to: file)
            let check = try Subprocess.run(["/bin/sh", "-c", "cd '\(folder.path)' && '\(Debrief.binary)' check \(name).yaml"])
            #expect(check.status == 1, "\(name)")
            #expect(check.output.contains(expected), "\(name): \(check.output.prefix(400))")
            let run = try Subprocess.run(["/bin/sh", "-c",
                "cd '\(folder.path)' && DEBRIEF_SESSIONS='\(folder.path)/sessions' '\(Debrief.binary)' run --agenda \(name).yaml < /dev/null"])
            #expect(run.status == 1, "\(name)")
            #expect(run.output.contains(expected), "\(name): \(run.output.prefix(400))")
            #expect(Debrief.files(in: folder, suffix: ".journal.jsonl").isEmpty, "no journal for an agenda that would not load back")
        }
    }

    @Test func resumingWithDowntimeCountedAcrossMonthsStopsTheClockAtTheCapAndLosesNothing() throws {
        let folder = Debrief.freshFolder()
        // Leave the meeting, back-date its journal 70 days while the shell waits, then resume.
        let command = Debrief.commands(["--time-scale 60"], sessions: folder)
            + "; read pause; '\(Debrief.binary)' resume --count-downtime"
        let tmux = try Tmux(command)
        try tmux.waitFor("● saved")
        try tmux.type("Before the long break")
        try tmux.press("Enter")
        try tmux.waitFor("Before the long break")
        try tmux.press("C-c")
        try tmux.waitFor("l: leave it and resume later")
        try tmux.type("l")
        try tmux.waitUntil("the meeting is left") { !$0.contains("l: leave it") && $0.contains("resume") }
        let journal = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
        let touched = try Subprocess.run(["touch", "-d", "70 days ago", journal.path])
        #expect(touched.status == 0)
        try tmux.press("Enter")
        try tmux.answerYes()
        try tmux.waitFor("past 87600 hours")
        try tmux.press("Enter")
        try tmux.waitFor("Before the long break")
        try tmux.type("After the long break")
        try tmux.press("Enter")
        try tmux.waitFor("After the long break")
        try tmux.press("F10")
        try tmux.waitFor("2 notes will be saved")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let record = try SessionReader.read(session)
        #expect(record.skippedLines.isEmpty)
        #expect(record.state.visibleNotes.map(\.text) == ["Before the long break", "After the long break"])
        #expect(record.events.allSatisfy { $0.t <= Limits.maximumTime })
    }
}
