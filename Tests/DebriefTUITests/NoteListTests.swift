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

    @Test func theNewestNotesShowAndTheRestAreCounted() {
        let screen = draw(selected: nil)
        #expect(screen.contains("note number 3000"))
        #expect(screen.contains("note number 2991"))
        #expect(!screen.contains("note number 2990"))
        #expect(screen.contains("↑ 2990 more"))
    }

    @Test func aSelectedNoteFarBackIsShownWithCountsAboveAndBelow() {
        let screen = draw(selected: 5)
        // Scrolling back brings the selected note to the top row: notes 5–14 show.
        #expect(screen.hasPrefix(" 00:05 note    note number 5 "))
        #expect(screen.contains("note number 14"))
        #expect(screen.contains("↑ 4 more"))
        #expect(screen.contains("↓ 2986 more"))
    }
}
