import DebriefKit

/// The notes of a section, newest at the bottom, each with its time and its kind as a
/// word (never color alone). Problems show their tags, actions their owner, deadline and
/// problem, on a line of their own; what is missing is flagged, gently.
public enum NoteList {
    /// The time column fits the longest time shown (`59:59`, `1:06:50`, `10:00:00`), so a
    /// time never runs into the kind label; the kind label is 7 wide ("PROBLEM") plus a space.
    static func textX(timeWidth: Int) -> Int { timeWidth + 10 }

    struct Row {
        var text: String
        var style: Style
        var note: Note
        var isFirst: Bool
    }

    /// - Parameters:
    ///   - numbers: the meeting's problem numbers, shown as `#3` (see `ProblemNumbers`).
    ///   - markAboveOnRule: the row above `area` is a rule the caller keeps free on the
    ///     right: "↑ N more" goes there instead of taking a row of notes.
    public static func draw<Notes: RandomAccessCollection<Note>>(_ notes: Notes, selected: Int? = nil, focused: Bool = false,
                                                                  numbers: ProblemNumbers = ProblemNumbers(),
                                                                  markAboveOnRule: Bool = false,
                                                                  in canvas: inout Canvas, area: Rect) where Notes.Index == Int {
        guard area.height > 0 else { return }
        // Only the notes that can reach the screen are wrapped: every note takes at least a
        // row, so `area.height` notes either side of the one in view are enough. A section
        // with thousands of notes costs no more to draw than one with twenty.
        let anchor = selected.flatMap { id in notes.lastIndex { $0.id == id } }
        let window = anchor.map { notes[max(0, $0 - area.height)..<min(notes.count, $0 + area.height + 1)] }
            ?? notes.suffix(area.height)
        let timeWidth = window.map { DurationText.clock($0.t).count }.max() ?? 5
        let textX = textX(timeWidth: timeWidth)
        let width = max(1, area.width - textX - 1)
        var rows: [Row] = []
        for note in window {
            for (index, line) in TextWrap.lines(note.text, width: width).enumerated() {
                rows.append(Row(text: line, style: .normal, note: note, isFirst: index == 0))
            }
            // Wrapped like the text: cut at the row's end, "⚑ no concrete deliverable" read "⚑ no".
            if let (detail, style) = detail(for: note, numbers: numbers) {
                for line in TextWrap.lines(detail, width: width) {
                    rows.append(Row(text: line, style: style, note: note, isFirst: false))
                }
            }
        }
        // Keep the selected note in view; otherwise follow the newest. "↑ N more" and
        // "↓ N more" never cover a note (they hid its words): each gets a row of its own,
        // or "↑" goes on the rule above when the caller offers it.
        let hiddenBefore = window.startIndex > notes.startIndex, hiddenAfter = window.endIndex < notes.endIndex
        var (top, height) = (area.y, area.height)
        var (start, end) = visibleRange(rows, selected: selected, height: height)
        for _ in 0..<2 {
            let markAbove = (start > 0 || hiddenBefore) && area.height > 2 && !markAboveOnRule
            let markBelow = (end < rows.count || hiddenAfter) && area.height > 2
            let reserved = (markAbove ? 1 : 0) + (markBelow ? 1 : 0)
            guard area.height - reserved != height else { break }
            (top, height) = (area.y + (markAbove ? 1 : 0), area.height - reserved)
            (start, end) = visibleRange(rows, selected: selected, height: height)
        }
        for (offset, row) in rows[start..<end].enumerated() {
            let y = top + offset
            let isSelected = row.note.id == selected
            if isSelected {
                canvas.fill(x: area.x, y: y, width: area.width, height: 1, style: focused ? .selected : Style(.muted, reverse: true))
            }
            if row.isFirst {
                let time = DurationText.clock(row.note.t)
                canvas.text(time, x: area.x + 1 + timeWidth - time.count, y: y, style: isSelected ? .selected : .muted)
                let (word, style) = label(for: row.note.kind)
                canvas.text(word, x: area.x + timeWidth + 2, y: y, style: isSelected ? .selected : style)
            }
            canvas.text(row.text, x: area.x + textX, y: y, style: isSelected ? .selected : row.style, maxWidth: width)
        }
        // Counted in notes: a note partly in view counts as shown.
        let above = window.startIndex - notes.startIndex + Set(rows[..<start].map(\.note.id)).subtracting(rows[start..<end].map(\.note.id)).count
        let below = notes.endIndex - window.endIndex + Set(rows[end...].map(\.note.id)).subtracting(rows[start..<end].map(\.note.id)).count
        if above > 0, markAboveOnRule {
            let mark = " ↑ \(above) more "
            canvas.text(mark, x: area.maxX - DisplayWidth.of(mark) - 2, y: area.y - 1, style: .muted)
        } else if above > 0 {
            canvas.text("↑ \(above) more", x: area.x + textX, y: area.y, style: .muted)
        }
        if below > 0 { canvas.text("↓ \(below) more", x: area.x + textX, y: area.maxY - 1, style: .muted) }
    }

    /// The rows shown in `height` rows: the selected note in view, else the newest.
    private static func visibleRange(_ rows: [Row], selected: Int?, height: Int) -> (start: Int, end: Int) {
        var end = rows.count
        if let selected, let last = rows.lastIndex(where: { $0.note.id == selected }) {
            let first = rows.firstIndex { $0.note.id == selected } ?? last
            end = min(rows.count, max(last + 1, min(end, first + height)))
        }
        return (max(0, end - height), end)
    }

    public static func label(for kind: NoteKind) -> (String, Style) {
        switch kind {
        case .note: return ("note", .muted)
        case .problem: return ("PROBLEM", Style(.problem, bold: true))
        case .win: return ("WIN", Style(.win, bold: true))
        case .action: return ("ACTION", Style(.action, bold: true))
        case .question: return ("?", Style(.question, bold: true))
        }
    }

    /// The second line of a problem or an action.
    static func detail(for note: Note, numbers: ProblemNumbers) -> (String, Style)? {
        var parts: [String] = []
        switch note.kind {
        case .problem:
            parts.append(numbers.label(of: note.id))
            if note.isTagged {
                parts.append("\(note.rootCause!) · \(note.severity!)")
            } else {
                parts.append("⚑ untagged (F4)")
            }
        case .action:
            var facts: [String] = []
            if let owner = note.content.owner { facts.append("@" + owner) }
            if let due = note.content.due { facts.append("due " + due) }
            if let problem = note.problem { facts.append("answers " + numbers.label(of: problem)) }
            if !facts.isEmpty { parts.append("→ " + facts.joined(separator: " · ")) }
            let concerns = ActionReview.concerns(note.content)
            if !concerns.isEmpty { parts.append("⚑ " + concerns.map(\.rawValue).joined(separator: ", ")) }
        default:
            break
        }
        if note.isLearning {
            // The learning as the log will say it, when it was rewritten (`w`).
            parts.append(note.learningText.map { "★ learning: \(VisibleText.line($0))" } ?? "★ learning")
        }
        if note.clientVisible == true, ClientVisibility.shareableByMark.contains(note.kind) {
            parts.append("shown to client")
        } else if note.clientVisible == false {
            parts.append("internal")
        }
        guard !parts.isEmpty else { return nil }
        let flagged = parts.contains { $0.hasPrefix("⚑") }
        return (parts.joined(separator: "   "), flagged ? .warning : .muted)
    }
}
