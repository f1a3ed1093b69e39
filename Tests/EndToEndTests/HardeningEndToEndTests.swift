import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the recovery work promises, attacked where it had no test: kills during the
/// end-of-meeting save and during resume start-up, a really full disk, a resize storm
/// while typing, and two resumes of one meeting at once. A note counts as captured only
/// once the screen shows it with "● saved"; afterwards it must be there exactly once.
@Suite("End to end: kills mid-save and mid-resume, full disk, resize storm, racing resumes", .serialized)
struct HardeningEndToEndTests {
    private let name = "2026-11-23-generated"

    /// A sessions folder holding the journal of a running meeting of `notes` generated notes.
    private func folderWithJournal(notes: Int) throws -> (folder: URL, sessions: URL) {
        let folder = Debrief.freshFolder()
        let sessions = folder.appending(path: "sessions")
        try #require(mkdir(sessions.path, 0o700) == 0)
        let made = try Subprocess.run([Debrief.product("debrief-bench"), "generate", "--notes", "\(notes)",
                                       "-o", sessions.appending(path: name + SessionStore.journalSuffix).path])
        try #require(made.status == 0, "\(made.output)")
        return (folder, sessions)
    }

    /// Types a note and waits until it is shown as captured.
    private func capture(_ text: String, in tmux: Tmux) throws {
        try tmux.type(text)
        try tmux.press("Enter")
        // In the list, not only in the input (` › text`), and on disk.
        try tmux.waitUntil("\"\(text)\" is shown as saved") { screen in
            screen.contains("● saved") && screen.split(separator: "\n").contains { $0.contains(text) && !$0.contains("›") }
        }
    }

    private func names(in sessions: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []
    }

    /// Polls (without failing) until `condition` holds or `timeout` passes.
    private func poll(timeout: TimeInterval = Tmux.timeout, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(2_000)
        }
        return false
    }

    /// Ends whatever journal is left, then checks the session file: the generated notes
    /// and every captured one, each exactly once; no journal or temporary file left.
    private func finishAndCheck(folder: URL, sessions: URL, generated: Int, captured: [String]) throws {
        if names(in: sessions).contains(name + SessionStore.journalSuffix) {
            let tmux = try Tmux(Debrief.command("resume \(name)", sessions: folder))
            // A meeting whose end was journalled is saved at once; any other opens.
            let screen = try tmux.waitUntil("the meeting opens or is saved", timeout: 60) {
                $0.contains("● saved") || $0.contains("[exit ")
            }
            if !screen.contains("[exit ") {
                try tmux.press("F10")
                try tmux.waitFor("End the meeting now?")
                try tmux.press("Enter")
            }
            #expect(try tmux.waitForExit(timeout: 60).code == 0)
        }
        let record = try SessionReader.read(sessions.appending(path: name + SessionStore.sessionSuffix))
        #expect(record.skippedLines.isEmpty)
        let added = record.events.compactMap { event -> String? in
            if case .noteAdded(_, _, let content) = event.change { return content.text }
            return nil
        }
        #expect(added.count == generated + captured.count)
        for text in captured {
            #expect(added.filter { $0 == text }.count == 1, "\"\(text)\" should be in the session exactly once")
        }
        let left = names(in: sessions).filter { $0.hasSuffix(SessionStore.journalSuffix) || $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "left behind: \(left)")
    }

    /// Three kill points, each in a fresh meeting: as the temporary session file appears,
    /// as the session file is renamed into place (brief not yet written, journal not yet
    /// retired), and at once. The next `resume` finishes the save (the end was journalled).
    @Test(arguments: [0, 1, 2])
    func killedDuringTheEndOfMeetingSaveEveryCapturedNoteIsThereExactlyOnce(killPoint: Int) throws {
        let (folder, sessions) = try folderWithJournal(notes: 3_000)
        let reached: (String) -> Bool = switch killPoint {
        case 0: { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
        case 1: { $0.hasSuffix(SessionStore.sessionSuffix) }
        default: { _ in true }
        }
        let tmux = try Tmux(Debrief.command("resume \(name)", sessions: folder))
        try tmux.waitFor("● saved", timeout: 60)
        let text = "Captured before the save"
        try capture(text, in: tmux)
        let pid = try tmux.programPID()
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        _ = poll { names(in: sessions).contains(where: reached) }
        Glibc.kill(pid, SIGKILL)
        _ = try tmux.waitForExit(timeout: 60)
        try finishAndCheck(folder: folder, sessions: sessions, generated: 3_000, captured: [text])
    }

    @Test func killedDuringResumeStartUpNothingCapturedIsLostOrDoubled() throws {
        let (folder, sessions) = try folderWithJournal(notes: 3_000)
        var captured: [String] = []
        var random = SeededRandom(seed: 11)
        for round in 0..<5 {
            let tmux = try Tmux(Debrief.command("resume \(name)", sessions: folder))
            let pid = try tmux.programPID()
            if round == 0 {
                // One note captured first, so there is something of ours to lose.
                try tmux.waitFor("● saved", timeout: 60)
                try capture("Captured before the start-up kills", in: tmux)
                captured.append("Captured before the start-up kills")
            } else {
                // A random point of start-up: reading, locking, repairing, the first frame.
                usleep(UInt32.random(in: 0..<400_000, using: &random))
            }
            Glibc.kill(pid, SIGKILL)
            _ = try tmux.waitForExit(timeout: 60)
        }
        try finishAndCheck(folder: folder, sessions: sessions, generated: 3_000, captured: captured)
    }

    @Test func aRealFullDiskIsReportedAndNothingIsLostOnceThereIsRoomAgain() throws {
        let folder = Debrief.freshFolder()
        let disk = folder.appending(path: "disk")
        try #require(mkdir(disk.path, 0o700) == 0)
        let mounted = try Subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", disk.path])
        guard mounted.status == 0 else {
            print("skipped: a small tmpfs cannot be mounted here (\(mounted.output.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = try? Subprocess.run(["umount", "-l", disk.path]) }
        let sessions = disk.appending(path: "sessions")
        let tmux = try Tmux("cd '\(folder.path)' && '\(Debrief.binary)' --sessions '\(sessions.path)' --time-scale 60")
        try tmux.waitFor("● saved")
        try capture("Before the disk filled", in: tmux)

        // Fill the disk to the last byte.
        let filler = disk.appending(path: "filler")
        _ = try Subprocess.run(["dd", "if=/dev/zero", "of=\(filler.path)", "bs=4096"])
        let pasted = Array(repeating: "typed while the disk is full", count: 400).joined(separator: " ")  // needs new pages
        try tmux.paste(pasted)
        try tmux.waitFor("⚠ NOT SAVED")  // the pasted draft could not be journalled
        try tmux.press("Enter", until: "Notes · 2")  // a second press if it came too soon after the paste
        try tmux.type("Also while full")
        try tmux.press("Enter")
        try tmux.waitFor("Also while full")

        unlink(filler.path)
        try tmux.waitFor("● saved")  // retried from memory once there is room
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(names(in: sessions).first { $0.hasSuffix(SessionStore.sessionSuffix) })
        let notes = try SessionReader.read(sessions.appending(path: session)).state.visibleNotes.map(\.text)
        #expect(notes == ["Before the disk filled", pasted, "Also while full"])
    }

    @Test func aResizeStormWhileTypingLosesNothingAndCrashesNothing() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder))
        try tmux.waitFor("● saved")
        var typed = ""
        var resizes = 0
        for word in 0..<40 {
            let text = "w\(word) "
            try tmux.type(text)
            typed += text
            for step in 0..<8 {
                // Sizes from far too small (the screen says so and keeps the meeting) to large.
                try tmux.resize(width: 30 + (word * 37 + step * 53) % 150, height: 8 + (word * 11 + step * 7) % 45)
                resizes += 1
            }
        }
        try tmux.resize(width: 100, height: 30)
        try tmux.type("end")
        typed += "end"
        try tmux.press("Enter")
        try tmux.waitFor("● saved")
        try tmux.waitFor("w39 end")
        #expect(resizes == 320)
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: SessionStore.sessionSuffix).first)
        #expect(try SessionReader.read(session).state.visibleNotes.map(\.text) == [typed])
    }

    @Test func twoResumesOfOneMeetingAtOnceExactlyOneWinsAndNothingIsLost() throws {
        let (folder, sessions) = try folderWithJournal(notes: 200)
        let first = try Tmux(Debrief.command("resume \(name)", sessions: folder))
        let second = try Tmux(Debrief.command("resume \(name)", sessions: folder))
        var winner: Tmux?
        var loserScreen = ""
        let settled = poll(timeout: 60) {
            guard let a = try? first.screen(), let b = try? second.screen() else { return false }
            if a.contains("● saved"), b.contains("[exit ") { (winner, loserScreen) = (first, b); return true }
            if b.contains("● saved"), a.contains("[exit ") { (winner, loserScreen) = (second, a); return true }
            return false
        }
        try #require(settled, "one resume should run the meeting and the other should stop")
        #expect(loserScreen.contains("is open in another Debrief right now"))
        #expect(loserScreen.contains("[exit 1 sane]"))
        let meeting = try #require(winner)
        try capture("After the race", in: meeting)
        try meeting.press("F10")
        try meeting.waitFor("End the meeting now?")
        try meeting.press("Enter")
        #expect(try meeting.waitForExit().code == 0)
        try finishAndCheck(folder: folder, sessions: sessions, generated: 200, captured: ["After the race"])
    }
}
