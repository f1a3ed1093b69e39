import DebriefKit
import Foundation
import Testing

/// Capture as a note-taker does it, in the real binary: tags, actions, paste, edits.
@Suite("End to end: capturing problems and actions", .serialized)
struct CaptureEndToEndTests {
    /// A typed key always shows: after a full row the cursor stands past its last letter, and
    /// a space typed there takes it to the start of the next row, where the next word goes.
    @Test func theCursorMovesOnEveryKeyAtTheEndOfAFullRow() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("", sessions: folder), width: 80, height: 24)
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.type("x")
        try tmux.waitFor("› x")
        let afterX = try tmux.cursor()
        let textX = afterX.x - 1
        // 76 columns of text at 80 wide: words that fill the row exactly.
        let full = String(repeating: "word ", count: 15) + "y"
        try tmux.press("BSpace")
        try tmux.type(full)
        try tmux.waitFor("word y")
        try tmux.waitUntil("the cursor after the last letter") { _ in (try? tmux.cursor()) ?? (0, 0) == (textX + 76, afterX.y) }

        try tmux.type(" ")
        try tmux.waitUntil("the cursor at the start of the next row") { _ in
            guard let place = try? tmux.cursor() else { return false }
            return place.x == textX && place.y > 0
        }
        let afterSpace = try tmux.cursor()
        let lines = try tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[afterSpace.y - 1].hasSuffix("word y"), "the full row is the one above")

        try tmux.type("z")
        try tmux.waitFor("   z")
        try tmux.waitUntil("the cursor after z") { _ in (try? tmux.cursor()) ?? (0, 0) == (textX + 1, afterSpace.y) }
    }

    @Test func tagLinkPasteEditDeleteAndTheEndChecklist() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 10 --client Acme", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        for _ in 0..<3 { try tmux.press("NPage") }
        try tmux.waitFor("4/6  What went wrong")

        // A problem, tagged with two keys: tools (3), critical (3).
        try tmux.type("!Tracking links were not ready on day one")
        try tmux.press("Enter")
        try tmux.waitFor("Root cause:")
        try tmux.type("3")
        try tmux.waitFor("now the severity")
        try tmux.type("3")
        try tmux.waitFor("#1   tools · critical")

        // A second problem left untagged: Esc.
        try tmux.addUntaggedProblem("!Approvals took a week")
        try tmux.waitFor("#2   ⚑ untagged (F4)")

        // An action with owner and deadline, linked to problem 1 from the picker.
        try tmux.press("NPage", "NPage")
        try tmux.waitFor("6/6  Action items")
        try tmux.type("> Create a tracking checklist for all campaign managers @maria due 2026-12-01")
        try tmux.press("Enter")
        try tmux.waitFor("Which problem does this action answer?")
        // The key is the problem's own number: 1 is #1.
        try tmux.type("1")
        try tmux.waitFor("→ @maria · due 2026-12-01 · answers #1")

        // A multi-line paste lands in the input and does not commit.
        try tmux.paste("pasted first line\npasted second line")
        try tmux.waitFor("pasted second line")
        try tmux.waitFor("Notes · 1")
        try tmux.press("Enter", until: "Notes · 2")  // a second press if it came too soon after the paste

        // Edit the pasted note, then a typo note deleted.
        try tmux.type("typo nite")
        try tmux.press("Enter")
        try tmux.waitFor("Notes · 3")
        try tmux.press("Tab", "Up")
        try tmux.press("Enter")
        try tmux.waitFor("Editing the note from")
        try tmux.press("End", "BSpace", "BSpace")
        try tmux.type("nes")
        try tmux.press("Enter")
        try tmux.waitFor("pasted second lines")
        try tmux.press("Down", "DC")
        try tmux.waitFor("Note deleted")
        try tmux.waitFor("Notes · 2")

        // F10: the checklist names the untagged problem.
        try tmux.press("F10")
        try tmux.waitFor("Still open")
        try tmux.waitFor("Problem #2 not tagged: Approvals took a week")
        try tmux.press("Enter")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let record = try SessionReader.read(session)
        let summary = try #require(record.summary)
        let wrong = try #require(summary.sections.first { $0.id == "wrong" })
        #expect(wrong.items.map(\.kind) == [.problem, .problem])
        #expect(wrong.items[0].rootCause == "tools" && wrong.items[0].severity == "critical")
        #expect(wrong.items[1].rootCause == nil && wrong.items[1].severity == nil)
        let actions = try #require(summary.sections.first { $0.id == "actions" })
        #expect(actions.items.map(\.kind) == [.action, .note])
        #expect(actions.items[0].owner == "maria" && actions.items[0].due == "2026-12-01" && actions.items[0].problem == 1)
        #expect(actions.items[1].text == "pasted first line\npasted second lines")
        let text = try String(contentsOf: session, encoding: .utf8)
        #expect(text.contains(#""type":"note_edited""#))
        #expect(text.contains(#""type":"note_removed""#))
        #expect(text.contains(#""type":"note_tagged""#))

        let brief = try String(contentsOf: try #require(Debrief.files(in: folder, suffix: ".md").first), encoding: .utf8)
        #expect(brief.contains("Tracking links were not ready on day one"))
        #expect(brief.contains("Approvals took a week"))
    }
}
