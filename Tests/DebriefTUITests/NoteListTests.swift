import DebriefKit
import DebriefTUI
import Testing

@Suite("Note list: long sections")
struct NoteListTests {
    static let notes = (1...3000).map { Note(id: $0, section: 0, t: $0 * 1000, content: NoteContent(text: "note number \($0)")) }

    func draw(selected: Int?) -> String {
        var canvas = Canvas(width: 60, height: 10)
        NoteList.draw(Self.notes, selected: selected, focused: true, in: &canvas, area: Rect(x: 0, y: 0, width: 60, height: 10))
        return canvas.text
    }

    /// At 60 columns an action's detail line was cut to "⚑ no": what is missing, lost.
    @Test func aDetailLineTooLongForTheRowWrapsAtAWord() {
        let action = Note(id: 1, section: 0, t: 292_000, content: NoteContent(kind: .action, text: "Fix links", owner: "sam", due: "2026-12-01"))
        var canvas = Canvas(width: 60, height: 6)
        NoteList.draw([action], in: &canvas, area: Rect(x: 0, y: 0, width: 60, height: 6))
        let shown = canvas.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.contains("⚑ no concrete deliverable"), "\(canvas.text)")
    }

    @Test func theNewestNotesShowAndTheRestAreCounted() {
        let screen = draw(selected: nil)
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        // "↑ N more" takes a row of its own: drawn over a note, it hid its words.
        #expect(rows[0].trimmingCharacters(in: .whitespaces) == "↑ 2991 more")
        #expect(screen.contains("note number 3000"))
        #expect(screen.contains("note number 2992"))
        #expect(!screen.contains("note number 2991"))
    }

    @Test func aSelectedNoteFarBackIsShownWithCountsAboveAndBelow() {
        let screen = draw(selected: 5)
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        // Scrolling back brings the selected note to the top, under its own "↑" row: 5–12 show.
        #expect(rows[0].trimmingCharacters(in: .whitespaces) == "↑ 4 more")
        #expect(rows[1] == " 00:05 note    note number 5")
        #expect(screen.contains("note number 12"))
        #expect(!screen.contains("note number 13"))
        #expect(rows[9].trimmingCharacters(in: .whitespaces) == "↓ 2988 more")
    }

    @Test func onARuleAboveTheMarkerLeavesEveryRowToTheNotes() {
        var canvas = Canvas(width: 60, height: 11)
        canvas.horizontalLine(y: 0, x: 0, width: 60)
        NoteList.draw(Self.notes, markAboveOnRule: true, in: &canvas, area: Rect(x: 0, y: 1, width: 60, height: 10))
        let rows = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[0] == "───────────────────────────────────────────── ↑ 2990 more ──")
        #expect(rows[1].hasSuffix("note number 2991"))
        #expect(rows[10].hasSuffix("note number 3000"))
    }
}
