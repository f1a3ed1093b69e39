import DebriefKit

/// The note-taker's input: wraps by word over up to `maximumRows` rows, scrolls to keep
/// the cursor in view, and puts the terminal cursor where the next character goes.
public enum NoteInput {
    public static let prompt = "› "
    public static let maximumRows = 4
    /// The hint in the empty input, as entries: as many as fit are shown, whole.
    static let hints = ["Enter saves a note.", "! problem", "+ win", "> action @owner due fri", "? question"]

    /// The hint that fits `width`: whole entries from the first, never a word cut.
    static func placeholder(width: Int) -> String {
        var text = ""
        for hint in hints {
            let next = text.isEmpty ? hint : text + "  " + hint
            guard DisplayWidth.of(next) <= width else { break }
            text = next
        }
        return text
    }

    /// Rows the input wants at this width (1 to `maximumRows`).
    public static func height(_ editor: NoteEditor, width: Int) -> Int {
        height(of: wrap(editor, width: width))
    }

    /// The editor's text cut into rows for an input `width` wide: wrapped once a frame,
    /// and handed to both `height(of:)` and `draw` (wrapping is most of the input's cost).
    public static func wrap(_ editor: NoteEditor, width: Int) -> [Range<Int>] {
        TextWrap.rows(editor.text, width: textWidth(width), rowAfterOverflow: true)
    }

    public static func height(of rows: [Range<Int>]) -> Int { min(maximumRows, max(1, rows.count)) }

    /// - Parameter rows: `wrap(editor, width: area.width)`, when the caller has it already.
    public static func draw(_ editor: NoteEditor, in canvas: inout Canvas, area: Rect, active: Bool, label: String? = nil,
                            rows: [Range<Int>]? = nil) {
        guard area.height > 0 else { return }
        canvas.text(prompt, x: area.x, y: area.y, style: .title)
        let textX = area.x + promptWidth
        let width = textWidth(area.width)
        if editor.text.isEmpty {
            let hint = label.map { TextWrap.lines($0, width: width).first ?? "" } ?? placeholder(width: width)
            canvas.text(hint, x: textX, y: area.y, style: .muted, maxWidth: width)
            if active { canvas.cursor = (textX, area.y) }
            return
        }
        let layout = rows ?? wrap(editor, width: area.width)
        let cursorRow = row(containing: editor.cursor, in: layout)
        let first = max(0, min(cursorRow - area.height + 1, layout.count - area.height))
        let visible = layout[first...].prefix(area.height)
        // Printable ASCII, most typing: a character is a byte and a column, so each row is
        // drawn from the text's bytes in place (no String made per row, no grapheme walk) and
        // the cursor is found by offset.
        let text = editor.text
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard TextWrap.isPlain(bytes) else { return false }
            for (offset, range) in visible.enumerated() {
                canvas.text(utf8: UnsafeBufferPointer(rebasing: bytes[range]), x: textX, y: area.y + offset, maxWidth: width)
            }
            return true
        } ?? false
        if !plain {
            // Rows are cut from the text itself, walking its indices once: a String built from
            // a slice of Characters is made a character at a time (10 % of a frame's drawing).
            var (index, indexOffset) = (text.startIndex, 0)
            for (offset, range) in visible.enumerated() {
                let start = text.index(index, offsetBy: range.lowerBound - indexOffset)
                let end = text.index(start, offsetBy: range.count)
                (index, indexOffset) = (end, range.upperBound)
                canvas.text(VisibleText.line(String(text[start..<end])), x: textX, y: area.y + offset, maxWidth: width)
            }
        }
        if first > 0 { canvas.text("↑", x: area.x, y: area.y, style: .muted) }
        if active {
            // The cursor's column, from its row's start: no copy of the text as Characters.
            let range = layout[cursorRow]
            let column: Int
            if plain {
                column = editor.cursor - range.lowerBound
            } else {
                let rowStart = text.index(text.startIndex, offsetBy: range.lowerBound)
                let cursor = text.index(rowStart, offsetBy: editor.cursor - range.lowerBound)
                column = text[rowStart..<cursor].reduce(0) { $0 + TextWrap.columns($1) }
            }
            // The column after a full row is kept free for the cursor (see `textWidth`).
            canvas.cursor = (min(textX + min(column, width), area.x + area.width - 1), area.y + cursorRow - first)
        }
    }

    /// Text columns: the area less the prompt and one column, where the cursor stands after a
    /// full row.
    static func textWidth(_ areaWidth: Int) -> Int { max(1, areaWidth - promptWidth - 1) }

    /// Measured once: the input asks for it twice a keystroke.
    static let promptWidth = DisplayWidth.of(prompt)

    /// The row the cursor is on; at a soft wrap it belongs to the row it starts.
    static func row(containing cursor: Int, in rows: [Range<Int>]) -> Int {
        for (index, range) in rows.enumerated() {
            let isLast = index == rows.count - 1
            let nextStartsHere = !isLast && rows[index + 1].lowerBound == cursor
            if range.contains(cursor) || (range.upperBound == cursor && !nextStartsHere) { return index }
        }
        return max(0, rows.count - 1)
    }
}
