/// F1: every key, generated from the key map, grouped by where it works. Two columns on
/// wide screens; scrolls (↑↓ PgUp PgDn) when the screen is too short for all of it.
public enum HelpOverlay {
    static let keyColumn = 22

    public static func draw(offset: Int, in canvas: inout Canvas) {
        let columns = canvas.width >= 190 ? 2 : 1
        let width = min(canvas.width - 2, columns == 2 ? 188 : 100)
        let height = canvas.height - 2
        let x = (canvas.width - width) / 2
        Dialog.drawFrame(title: "Keys", x: x, y: 1, width: width, height: height, in: &canvas)
        let columnWidth = (width - 4 - (columns - 1) * 2) / columns
        let rows = max(1, height - 3)
        let all = lines(helpWidth: columnWidth - keyColumn)
        let perPage = rows * columns
        let start = min(offset, max(0, all.count - perPage))
        for (index, line) in all[start...].prefix(perPage).enumerated() {
            let column = index / rows
            let lineX = x + 2 + column * (columnWidth + 2)
            let y = 2 + index % rows
            canvas.text(line.keys, x: lineX, y: y, style: line.isHeading ? .title : .key, maxWidth: columnWidth)
            canvas.text(line.help, x: lineX + keyColumn, y: y, maxWidth: columnWidth - keyColumn)
        }
        let more = start + perPage < all.count
        let footer = KeyMap.table.hint(in: .help, except: more || start > 0 ? [] : [.scrollPageDown])
        // On the bottom border, set off by spaces like the title on the top one.
        canvas.text(" \(footer) ", x: x + 2, y: height, style: .muted, maxWidth: width - 4)
    }

    /// Every entry, its explanation wrapped to `helpWidth` columns.
    static func lines(helpWidth: Int) -> [(keys: String, help: String, isHeading: Bool)] {
        var entries: [(String, String, Bool)] = []
        for context in KeyContext.allCases {
            let bindings = KeyMap.table.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            if !entries.isEmpty { entries.append(("", "", false)) }
            entries.append((context.rawValue, "", true))
            for binding in bindings {
                entries.append((binding.keys.map(\.label).joined(separator: " "), binding.help, false))
            }
        }
        entries += [("", "", false), ("Writing notes", "", true)] + syntax.map { ($0.0, $0.1, false) }
        return entries.flatMap { keys, help, isHeading in
            let wrapped = help.isEmpty ? [""] : TextWrap.lines(help, width: max(10, helpWidth))
            return wrapped.enumerated().map { ($0.offset == 0 ? keys : "", $0.element, isHeading) }
        }
    }

    static let syntax: [(String, String)] = [
        ("! + > ?", "Start a note with these: problem, win, action item, open question"),
        ("*", "Before any of them: the note is also a learning for the client's log (* + Stories drove clicks)"),
        ("@maria", "In an action: who owns it"),
        ("due 2026-12-01", "In an action: the deadline; also by, 1 Dec, +3d, +2w, tomorrow, fri, next week"),
        ("#3", "In an action: the problem it answers (problems show their number)"),
    ]
}
