@testable import DebriefKit
import Foundation
import Testing

/// Learnings, marked in the meeting: typed with `*`, folded by the reducer, rewritten for
/// the log without touching the note, listed in the brief with a nudge outside 3–5.
@Suite("Learnings: the mark, the rewrite, the brief")
struct LearningTests {
    @Test func aLeadingStarMarksALearningOfAnyKind() {
        let win = NoteParser.parse("* + Stories drove 60% of clicks")
        #expect(win.isLearning && win.content == NoteContent(kind: .win, text: "Stories drove 60% of clicks"))
        let note = NoteParser.parse("  *Micro beats macro")
        #expect(note.isLearning && note.content == NoteContent(kind: .note, text: "Micro beats macro"))
        let action = NoteParser.parse("* > Brief checklist before every brief @maria due 2026-12-01")
        #expect(action.isLearning && action.content.owner == "maria" && action.content.due == "2026-12-01")
        #expect(!NoteParser.parse("+ a win").isLearning)
        // Only one mark is read; a flood of them is text, not recursion.
        let flood = NoteParser.parse(String(repeating: "*", count: 60_000))
        #expect(flood.isLearning && flood.content.text.count == 59_999)
    }

    @Test func aLearningIsWrittenBackWithItsMarkForEditing() {
        var note = Note(id: 1, section: 0, t: 0, content: NoteContent(kind: .win, text: "Stories drove clicks"))
        note.isLearning = true
        let typed = NoteParser.typedForm(of: note)
        #expect(typed == "* + Stories drove clicks")
        #expect(NoteParser.parse(typed).isLearning)
    }

    @Test func theReducerMarksUnmarksAndRewritesWithoutTouchingTheNote() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.note("Approvals took 6 days", kind: .problem, in: "a")
        script.record(.noteLearning(id: 1, learning: true))
        script.record(.learningRewritten(id: 1, text: "  Agree approval windows before launch  "))
        var note = script.state.note(id: 1)!
        #expect(note.isLearning && note.text == "Approvals took 6 days")
        #expect(note.learning == "Agree approval windows before launch")
        #expect(script.state.learnings.map(\.id) == [1])
        script.record(.learningRewritten(id: 1, text: ""))
        note = script.state.note(id: 1)!
        #expect(note.learningText == nil && note.learning == "Approvals took 6 days", "an empty rewrite goes back to the note's words")
        script.record(.noteLearning(id: 1, learning: false))
        #expect(script.state.learnings.isEmpty)
        // Unknown notes change nothing (a hostile file).
        script.record(.noteLearning(id: 99, learning: true))
        script.record(.learningRewritten(id: 99, text: "x"))
        #expect(script.state.learnings.isEmpty)
    }

    @Test func theEventsReadBackWithTheirOnDiskNames() throws {
        let events = [Event(t: 5, .noteLearning(id: 3, learning: true)), Event(t: 6, .learningRewritten(id: 3, text: "Lead with stories"))]
        let lines = try events.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        #expect(lines[0].contains("\"type\":\"note_learning\"") && lines[0].contains("\"learning\":true"))
        #expect(lines[1].contains("\"type\":\"learning_rewritten\"") && lines[1].contains("\"text\":\"Lead with stories\""))
        let back = try lines.map { try JSONDecoder().decode(Event.self, from: Data($0.utf8)) }
        #expect(back == events)
    }

    @Test func theSummaryCarriesTheLearningAndItsRewrite() throws {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.note("Stories drove clicks", kind: .win, in: "a")
        script.record(.noteLearning(id: 1, learning: true))
        script.record(.learningRewritten(id: 1, text: "Lead with stories"))
        let item = SessionSummary(state: script.state).sections[0].items[0]
        #expect(item.learning == true && item.learningText == "Lead with stories")
    }

    @Test func theBriefListsTheLearningsAndNudgesOutside3To5() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.note("Brief lacked the audience", kind: .problem, in: "a")
        script.record(.noteLearning(id: 1, learning: true))
        script.record(.learningRewritten(id: 1, text: "Name the audience in every brief"))
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "T", startedAt: "2026-11-23T14:00:00Z"))
        let brief = BriefWriter.markdown(header: header, state: script.state)
        #expect(brief.contains("## Learnings for the client's log"))
        #expect(brief.contains("- Name the audience in every brief _(noted as: Brief lacked the audience)_"))
        #expect(brief.contains("Learnings: 1 marked; the client's log wants 3–5."))
        #expect(LearningNudge.line(count: 2) == "Learnings: 2 marked; the client's log wants 3–5 (Tab, then * marks one).")
        #expect(LearningNudge.line(count: 3) == nil && LearningNudge.line(count: 5) == nil)
        #expect(LearningNudge.line(count: 6)?.contains("* unmarks one") == true)
    }
}
