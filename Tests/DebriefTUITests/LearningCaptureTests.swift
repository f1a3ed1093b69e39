import DebriefKit
@testable import DebriefTUI
import Testing

/// Learnings marked in the meeting: `*` typed first or pressed in the list, `w` rewrites
/// one for the log, the list shows the mark, F10 nudges outside 3–5.
@Suite("Capture: learnings for the client's log")
struct LearningCaptureTests {
    @Test func aStarTypedFirstSavesTheNoteAsALearning() {
        var driver = CaptureDriver(section: "worked")
        driver.type("* + Stories drove 60% of clicks")
        driver.press(.enter)
        #expect(driver.notes.last?.kind == .win && driver.notes.last?.text == "Stories drove 60% of clicks")
        #expect(driver.notes.last?.isLearning == true)
        #expect(driver.events.contains { $0.change == .noteLearning(id: 1, learning: true) })
        #expect(driver.screen().contains("★ learning"), "the list marks it")
    }

    @Test func starInTheListMarksAndUnmarks() {
        var driver = CaptureDriver(section: "worked")
        driver.type("Micro creators beat macro")
        driver.press(.enter, .tab, .character("*"))
        #expect(driver.notes.last?.isLearning == true)
        #expect(driver.screen().contains("Marked as a learning (1 in this meeting; the log wants 3–5)"))
        driver.press(.character("*"))
        #expect(driver.notes.last?.isLearning == false)
        #expect(!driver.screen().contains("★ learning"))
    }

    @Test func wRewritesTheLearningAndTheNoteKeepsItsWords() {
        var driver = CaptureDriver(section: "wrong")
        driver.type("* ! Client legal approval took 6 days")
        driver.press(.enter, .escape)   // Esc: leave the problem untagged for now
        driver.press(.tab, .character("w"))
        #expect(driver.screen().contains("Editing the learning from problem #1, for the log"))
        driver.press(.control("a"), .control("k"))
        driver.type("Agree the approval window in the contract")
        driver.press(.enter)
        let note = driver.notes.last!
        #expect(note.text == "Client legal approval took 6 days", "the note keeps its words")
        #expect(note.learning == "Agree the approval window in the contract")
        #expect(!driver.events.contains { if case .noteEdited = $0.change { true } else { false } })
        #expect(driver.screen().contains("★ learning: Agree the approval window in the contract"))
    }

    @Test func editingALearningKeepsItsMarkAndRemovingTheStarUnmarks() {
        var driver = CaptureDriver(section: "worked")
        driver.type("* Reels beat statics")
        driver.press(.enter, .tab, .enter)
        #expect(driver.model.editor.text == "* Reels beat statics")
        driver.press(.home, .delete, .delete, .enter)
        #expect(driver.notes.last?.isLearning == false)
        #expect(driver.notes.last?.text == "Reels beat statics")
    }

    @Test func f10NudgesBelowThreeLearnings() {
        var driver = CaptureDriver(section: "worked")
        driver.type("* + One learning")
        driver.press(.enter, .function(10))
        #expect(driver.screen().contains("Learnings: 1 marked; the client's log wants 3–5 (Tab, then * marks one)."))
        driver.press(.escape)
        for text in ["* Two", "* Three"] {
            driver.type(text)
            driver.press(.enter)
        }
        driver.press(.function(10))
        #expect(!driver.screen().contains("Learnings:"), "3 is enough: no nudge")
    }

    @Test func theListMarkerIsDrawnUnderTheNote() {
        var note = Note(id: 1, section: 0, t: 61_000, content: NoteContent(kind: .win, text: "Stories drove clicks"))
        note.isLearning = true
        note.learningText = "Lead with stories"
        var canvas = Canvas(width: 60, height: 3)
        NoteList.draw([note], in: &canvas, area: Rect(x: 0, y: 0, width: 60, height: 3))
        let rows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[0] == " 01:01 WIN     Stories drove clicks")
        #expect(rows[1] == "               ★ learning: Lead with stories")
    }
}
