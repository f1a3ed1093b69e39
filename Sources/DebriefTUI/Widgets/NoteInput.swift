import DebriefKit

/// The note-taker's input line. Scrolls sideways to keep the cursor in view and puts the
/// terminal cursor where the next character goes.
public enum NoteInput {
    public static let prompt = "› "

    public static func draw(_ editor: NoteEditor, in canvas: inout Canvas, x: Int, y: Int, width: Int, active: Bool) {
        canvas.text(prompt, x: x, y: y, style: .title)
        let textX = x + DisplayWidth.of(prompt)
        let available = max(1, width - (textX - x) - 1)
        if editor.text.isEmpty {
            canvas.text("Type a note, Enter saves it.  ! problem  + win  > action  ? question",
                        x: textX, y: y, style: .muted, maxWidth: available)
            if active { canvas.cursor = (textX, y) }
            return
        }
        let characters = Array(VisibleText.line(String(editor.text.prefix(editor.cursor))))
        let after = VisibleText.line(String(editor.text.dropFirst(editor.cursor)))
        // Keep the cursor visible: show the tail of the text before it when it would not fit.
        var before = ""
        var beforeWidth = 0
        for character in characters.reversed() {
            let columns = DisplayWidth.of(character)
            if beforeWidth + columns > available - 1 { break }
            before.insert(character, at: before.startIndex)
            beforeWidth += columns
        }
        canvas.text(before, x: textX, y: y)
        canvas.text(after, x: textX + beforeWidth, y: y, maxWidth: available - beforeWidth)
        if active { canvas.cursor = (textX + beforeWidth, y) }
    }
}
