import DebriefKit

/// The bottom row: the most important keys, from a key table, as many as fit. The pinned
/// ones (F1 and the key that ends or leaves) are always there: other entries are dropped,
/// whole, from the end of the line first; no entry is ever cut.
public enum StatusLine {
    /// The meeting's line for a focus; F2 says Resume while the clock is paused.
    public static func draw(in canvas: inout Canvas, row: Int, context: KeyContext = .typing, message: String? = nil,
                            paused: Bool = false) {
        let entries = KeyMap.statusLine(for: context).compactMap { binding in
            KeyMap.statusName(of: binding, paused: paused).map { (binding, $0) }
        }
        draw(entries, pinned: [.showHelp, .endMeeting, .leaveSinceLastTime], in: &canvas, row: row, message: message)
    }

    /// Any table's line: each binding with the name it shows.
    public static func draw<Action>(_ entries: [(KeyBinding<Action>, String)], pinned: Set<Action>,
                                    in canvas: inout Canvas, row: Int, message: String? = nil) {
        canvas.fill(x: 0, y: row, width: canvas.width, height: 1, style: .bar)
        let shown = fitting(entries, pinned: pinned, width: canvas.width)
        var x = 0
        for (index, (binding, name)) in entries.enumerated() where shown.contains(index) {
            x += canvas.text(" " + binding.statusKeys, x: x, y: row, style: Style(.key, bold: true))
            x += canvas.text(" " + name + " ", x: x, y: row, style: .bar)
        }
        if let message, x + message.count + 1 < canvas.width {
            canvas.text(message, x: canvas.width - message.count - 1, y: row, style: .bar)
        }
    }

    /// The positions of the entries that fit in `width`: the pinned first, then the others
    /// in the order of the line.
    static func fitting<Action>(_ entries: [(KeyBinding<Action>, String)], pinned: Set<Action>, width: Int) -> Set<Int> {
        let order = entries.indices.filter { pinned.contains(entries[$0].0.action) }
            + entries.indices.filter { !pinned.contains(entries[$0].0.action) }
        var shown: Set<Int> = []
        var used = 0
        for index in order {
            let (binding, name) = entries[index]
            let needed = DisplayWidth.of(binding.statusKeys) + DisplayWidth.of(name) + 3
            guard used + needed <= width else { continue }
            used += needed
            shown.insert(index)
        }
        return shown
    }
}
