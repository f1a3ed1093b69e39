/// The bottom row: the most important keys for the current focus, from the key map, as
/// many as fit.
public enum StatusLine {
    public static func draw(in canvas: inout Canvas, row: Int, context: KeyContext = .typing, message: String? = nil,
                            paused: Bool = false) {
        canvas.fill(x: 0, y: row, width: canvas.width, height: 1, style: .bar)
        var x = 0
        let bindings = KeyMap.statusLine(for: context)
        // The last key (F10 End) always keeps its place: keys before it give way.
        let reserved = bindings.last.map { $0.statusKeys.count + ($0.name?.count ?? 0) + 3 } ?? 0
        for (index, binding) in bindings.enumerated() {
            guard let name = KeyMap.statusName(of: binding, paused: paused) else { continue }
            let key = binding.statusKeys
            let needed = key.count + name.count + 3
            guard x + needed + (index == bindings.count - 1 ? 0 : reserved) <= canvas.width else { continue }
            x += canvas.text(" " + key, x: x, y: row, style: Style(.key, bold: true))
            x += canvas.text(" " + name + " ", x: x, y: row, style: .bar)
        }
        if let message, x + message.count + 1 < canvas.width {
            canvas.text(message, x: canvas.width - message.count - 1, y: row, style: .bar)
        }
    }
}
