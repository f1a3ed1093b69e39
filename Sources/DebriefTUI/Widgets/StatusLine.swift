import DebriefKit

/// The bottom row: the most important keys for the current focus, from the key map, as
/// many as fit. F1 (every key) and F10 (end) are always there: other entries are dropped,
/// whole, from the end of the line first; no entry is ever cut.
public enum StatusLine {
    /// Kept at every width: with these two a user can find everything else and leave.
    static let alwaysShown: Set<Command> = [.showHelp, .endMeeting]

    public static func draw(in canvas: inout Canvas, row: Int, context: KeyContext = .typing, message: String? = nil,
                            paused: Bool = false) {
        canvas.fill(x: 0, y: row, width: canvas.width, height: 1, style: .bar)
        let named = KeyMap.statusLine(for: context).compactMap { binding in
            KeyMap.statusName(of: binding, paused: paused).map { (binding, $0) }
        }
        let shown = fitting(named, width: canvas.width)
        var x = 0
        for (binding, name) in named where shown.contains(binding.command) {
            x += canvas.text(" " + binding.statusKeys, x: x, y: row, style: Style(.key, bold: true))
            x += canvas.text(" " + name + " ", x: x, y: row, style: .bar)
        }
        if let message, x + message.count + 1 < canvas.width {
            canvas.text(message, x: canvas.width - message.count - 1, y: row, style: .bar)
        }
    }

    /// The commands whose entries fit in `width`: F1 and F10 first, then the others in
    /// the order of the line.
    static func fitting(_ entries: [(KeyBinding, String)], width: Int) -> Set<Command> {
        let ordered = entries.filter { alwaysShown.contains($0.0.command) } + entries.filter { !alwaysShown.contains($0.0.command) }
        var shown: Set<Command> = []
        var used = 0
        for (binding, name) in ordered {
            let needed = DisplayWidth.of(binding.statusKeys) + DisplayWidth.of(name) + 3
            guard used + needed <= width else { continue }
            used += needed
            shown.insert(binding.command)
        }
        return shown
    }
}
