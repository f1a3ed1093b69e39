import DebriefKit

/// The notes captured in the current section, newest at the bottom, each with its time
/// and its kind as a word (never color alone).
public enum NoteList {
    public static func draw(_ notes: [Note], in canvas: inout Canvas, area: Rect) {
        guard area.height > 0 else { return }
        var rows: [(text: String, style: Style, isFirst: Bool, note: Note)] = []
        let textX = 14
        for note in notes {
            let lines = TextWrap.lines(note.text, width: max(1, area.width - textX - 1))
            for (index, line) in lines.enumerated() {
                rows.append((line, .normal, index == 0, note))
            }
        }
        let visible = rows.suffix(area.height)
        for (offset, row) in visible.enumerated() {
            let y = area.y + offset
            if row.isFirst {
                canvas.text(DurationText.clock(row.note.t), x: area.x + 1, y: y, style: .muted)
                let (word, style) = label(for: row.note.kind)
                canvas.text(word, x: area.x + 7, y: y, style: style)
            }
            canvas.text(row.text, x: area.x + textX, y: y, style: row.style, maxWidth: area.width - textX - 1)
        }
        if rows.count > area.height {
            canvas.text("↑ \(rows.count - area.height) more", x: area.maxX - 12, y: area.y, style: .muted)
        }
    }

    public static func label(for kind: NoteKind) -> (String, Style) {
        switch kind {
        case .note: return ("note", .muted)
        case .problem: return ("PROBL", Style(.problem, bold: true))
        case .win: return ("WIN", Style(.win, bold: true))
        case .action: return ("ACTION", Style(.action, bold: true))
        case .question: return ("?", Style(.question, bold: true))
        }
    }
}
