import DebriefKit
import Foundation
import TestSupport
import Testing

/// Where notes go, in the real binary: a note started before a clicker's PageDown stays in
/// its section; F10 → a number looks back and Esc returns; `#1` answers the first problem.
@Suite("End to end: note placement and problem numbers", .serialized)
struct PlacementEndToEndTests {
    @Test func aNoteKeepsItsSectionEscReturnsAndHashOneLinksTheFirstProblem() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--client Acme", sessions: folder), width: 80, height: 24)
        try tmux.waitFor("1/6  Performance vs. goals")
        // 80×24: the prompts are on one line; Ctrl-P shows them all, and again one line.
        try tmux.waitFor("Ctrl-P: all")
        try tmux.press("C-p")
        try tmux.waitFor("• How solid was each target")
        try tmux.press("C-p")
        try tmux.waitUntil("prompts on one line again") { !$0.contains("• How solid was each target") }

        // Half a note, the clicker's PageDown, the rest, Enter: it stays in section 1.
        try tmux.type("Reach beat the target by")
        try tmux.waitFor("Reach beat the target by")
        try tmux.press("NPage")
        try tmux.waitFor("2/6  Creator breakdown")
        try tmux.waitFor("→ Performance vs. goals")
        try tmux.type(" twelve percent")
        try tmux.press("Enter")
        try tmux.waitUntil("the note is saved, and not in Creator breakdown") { $0.contains("Notes · 0") && !$0.contains("→ Performance") }

        // Two problems in What went wrong (Esc leaves them untagged).
        try tmux.press("NPage", "NPage")
        try tmux.waitFor("4/6  What went wrong")
        try tmux.addUntaggedProblem("!Tracking links late")
        try tmux.addUntaggedProblem("!Approvals slow")
        try tmux.waitFor("#2   ⚑ untagged (F4)")

        // F10 → 1 looks back at the first problem; Esc in the input returns.
        try tmux.press("NPage", "NPage")
        try tmux.waitFor("6/6  Action items")
        try tmux.press("F10")
        try tmux.waitFor("Problem #1 not tagged: Tracking links late")
        try tmux.type("1")
        try tmux.waitFor("looking back, Esc returns")
        try tmux.waitFor("Root cause:")
        try tmux.press("Escape")   // closes the tag picker the jump opened
        try tmux.waitUntil("the picker closed") { !$0.contains("Root cause:") }
        try tmux.press("Tab")      // from the list to the input
        try tmux.waitFor("Notes typed here go to What went wrong")
        try tmux.press("Escape")
        try tmux.waitUntil("Esc returned to Action items") { !$0.contains("looking back") && $0.contains("Notes · 0") }

        // `#1` in an action answers the first problem, whatever its note id.
        try tmux.type("> Tag every link a week before launch @li due 2026-12-01 #1")
        try tmux.press("Enter")
        try tmux.waitFor("answers #1")

        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let summary = try #require(try SessionReader.read(session).summary)
        let performance = try #require(summary.sections.first { $0.id == "performance" })
        #expect(performance.items.map(\.text) == ["Reach beat the target by twelve percent"])
        #expect(try #require(summary.sections.first { $0.id == "creators" }).items.isEmpty)
        let wrong = try #require(summary.sections.first { $0.id == "wrong" })
        let actions = try #require(summary.sections.first { $0.id == "actions" })
        #expect(actions.items.first?.problem == wrong.items.first?.id, "#1 is the first problem")
        #expect(wrong.items.first?.text == "Tracking links late")

        // `debrief show` agrees: the note sits under Performance vs. goals.
        let shown = try Subprocess.run([Debrief.binary, "show", session.path])
        let text = shown.output
        let note = try #require(text.range(of: "Reach beat the target by twelve percent"))
        let creators = try #require(text.range(of: "Creator breakdown"))
        #expect(note.lowerBound < creators.lowerBound)
    }
}
