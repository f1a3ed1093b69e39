import Foundation
import Testing

/// What Debrief prints to the shell around the full screen, in a 100-column terminal:
/// sentences wrap between words, and paths go whole on a line of their own.
@Suite("End to end: shell messages wrap between words", .serialized)
struct ShellWrapEndToEndTests {
    /// At 60 columns, wrapping at 80 left the terminal to cut "acme-corporatio / n-spring"
    /// and "202 / 6-11-26": the shell's own width, when narrower, is the one to wrap at.
    @Test func theResumeOfferFitsANarrowTerminal() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.commands(["--time-scale 60 --client 'Acme Corporation' --campaign 'Spring Sale 2026'", ""],
                                             sessions: folder), width: 60, height: 16)
        try tmux.waitFor("● saved")
        try tmux.type("Do not lose me")
        try tmux.press("Enter")
        try tmux.waitFor("Notes · 1")  // saved, not only typed: the kill comes next
        try tmux.kill(SIGKILL)
        try tmux.waitFor("Resume it instead of starting a new meeting? [Y/n]")
        let prompt = try tmux.screen().components(separatedBy: "\n")
        let start = try #require(prompt.firstIndex { $0.hasPrefix("An interrupted meeting was found:") })
        let end = try #require(prompt.firstIndex { $0.contains("[Y/n]") })
        let message = prompt[start..<end].map { $0.trimmingCharacters(in: .whitespaces) }
        // Wrapped between words, the lines joined by a space give the sentence back whole.
        let joined = message.joined(separator: " ")
        #expect(joined.contains("-acme-corporation-spring-sale-2026 "), "\(message)")
        #expect(joined.contains(/last saved \d{4}-\d{2}-\d{2} \d{2}:\d{2} [+-]\d{2}:\d{2}/), "the date whole: \(message)")
        try tmux.press("Enter")
        try tmux.waitFor("Do not lose me")
        try tmux.press("F10", "Enter")
        _ = try tmux.waitForExit()

        // The list of sessions, in the same 60 columns.
        let sessions = try Tmux("'\(Debrief.binary)' sessions --sessions '\(folder.appending(path: "sessions").path)'", width: 60, height: 16)
        let screen = try sessions.waitFor("[exit 0").components(separatedBy: "\n")
        // (The folder's path above it is longer than the row: a path is never wrapped.)
        let first = try #require(screen.firstIndex { $0.hasPrefix("  20") })
        let entry = screen[first...].prefix { !$0.hasPrefix("[exit") && !$0.isEmpty }
        // Debrief's own continuation lines are indented; the terminal's hard wrap is not.
        #expect(entry.count > 2 && entry.allSatisfy { $0.hasPrefix("  ") }, "wrapped by Debrief: \(entry)")
        let entryText = entry.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(entryText.contains(/· Acme Corporation · [\d:]+ · 0 problems, 0 actions/), "\(entry)")
    }

    @Test func theResumePromptAndTheEndOfMeetingPathsAreNeverCutMidWord() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.commands(["--time-scale 60 --client Acme", "--client Acme"], sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.type("Do not lose me")
        try tmux.press("Enter")
        try tmux.waitFor("Notes · 1")  // saved, not only typed: the kill comes next
        try tmux.kill(SIGKILL)
        try tmux.waitFor("Resume it instead of starting a new meeting? [Y/n]")
        let prompt = try tmux.screen().components(separatedBy: "\n")
        let start = try #require(prompt.firstIndex { $0.hasPrefix("An interrupted meeting was found:") })
        let end = try #require(prompt.firstIndex { $0.contains("[Y/n]") })
        let message = prompt[start..<end]
        #expect(message.allSatisfy { $0.count <= 80 }, "wrapped by Debrief, not by the terminal: \(message)")
        #expect(message.contains { $0.contains("last saved") }, "no word is cut: \(message)")
        #expect(message.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }, "continuations are indented")

        try tmux.press("Enter")
        try tmux.waitFor("Do not lose me")
        try tmux.press("F10", "Enter")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let brief = try #require(Debrief.files(in: folder, suffix: ".md").first)
        let lines = exit.screen.components(separatedBy: "\n")
        // "Meeting ended. Session: " and the path would not fit in 100 columns together.
        #expect(session.path.count + "Meeting ended. Session: ".count > 100)
        let ended = try #require(lines.firstIndex(of: "Meeting ended. Session:"))
        #expect(lines[ended + 1] == "  " + session.path)
        #expect(lines[ended + 2] == "Brief:")
        #expect(lines[ended + 3] == "  " + brief.path)
        #expect(lines.contains { $0.hasPrefix("Replay:  debrief replay ") })
    }
}
