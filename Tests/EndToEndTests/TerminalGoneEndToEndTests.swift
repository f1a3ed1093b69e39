import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A terminal that goes away: without a SIGHUP reaching Debrief (issue 11, failure 5), and
/// with one in the middle of a large paste (failure 7). Either way what arrived is kept and
/// the meeting can be resumed.
@Suite("End to end: the terminal goes away")
struct TerminalGoneEndToEndTests {
    @Test func aClosedTerminalWhoseHangupIsIgnoredReleasesTheMeeting() throws {
        let folder = Debrief.freshFolder()
        // As the issue reproduced it: a shell that ignores SIGHUP, so Debrief never gets one.
        let run = Debrief.command("run", sessions: folder).replacingOccurrences(of: "'", with: "'\\''")
        let tmux = try Tmux("sh -c 'trap \"\" HUP; \(run)'")
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.type("Saved before the window closed")
        try tmux.press("Enter")
        try tmux.waitFor("Saved before the window closed")
        try tmux.type("half typed")
        try tmux.waitFor("half typed")
        let pid = try tmux.programPID()
        try tmux.closeSession()
        try waitUntilGone(pid)

        let resumed = try Tmux(Debrief.command("resume", sessions: folder))
        try resumed.answerYes()
        try resumed.waitFor("Saved before the window closed")
        try resumed.waitFor("half typed")
    }

    @Test func aHangupDuringALargePasteKeepsWhatArrived() throws {
        let folder = Debrief.freshFolder()
        var text = ""
        var line = 0
        while text.utf8.count < 500_000 {
            line += 1
            text += "pasted line \(line) of a long document, nothing special in it\n"
        }
        let file = folder.appending(path: "paste.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)

        let tmux = try Tmux(Debrief.command("run", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.type("Saved before the paste")
        try tmux.press("Enter")
        try tmux.waitFor("Saved before the paste")
        let pid = try tmux.programPID()
        try tmux.pasteFile(file)
        kill(pid, SIGHUP)
        try waitUntilGone(pid)

        let journal = try #require(Debrief.files(in: folder, suffix: SessionStore.journalSuffix).first)
        let records = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.contains { $0["type"] as? String == "note_added" })
        let draft = records.last { $0["type"] as? String == "draft" }?["text"] as? String ?? ""
        #expect(!draft.isEmpty, "what had arrived of the paste is kept as the draft")
        #expect(text.hasPrefix(draft), "the draft is a prefix of the pasted text")

        let resumed = try Tmux(Debrief.command("resume", sessions: folder))
        try resumed.answerYes()
        try resumed.waitFor("Saved before the paste")
        try resumed.waitFor("of a long document")  // the end of the kept paste, where the cursor is
    }

    private func waitUntilGone(_ pid: pid_t, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        while Date() < deadline {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if stat.isEmpty || stat.contains(") Z ") { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("Debrief (pid \(pid)) still runs after its terminal closed", sourceLocation: sourceLocation)
        throw TmuxError.timedOut("process exit")
    }
}
