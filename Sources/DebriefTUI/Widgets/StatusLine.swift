/// The bottom row: the most important keys for the current focus, from the key map, as
/// many as fit.
public enum StatusLine {
    public static func draw(in canvas: inout Canvas, row: Int, context: KeyContext = .typing, message: String? = nil) {
        canvas.fill(x: 0, y: row, width: canvas.width, height: 1, style: .bar)
        var x = 0
        for binding in KeyMap.statusLine(for: context) {
            guard let name = binding.name else { continue }
            let key = binding.statusKeys
            let needed = key.count + name.count + 3
            guard x + needed <= canvas.width else { break }
            x += canvas.text(" " + key, x: x, y: row, style: Style(.key, bold: true))
            x += canvas.text(" " + name + " ", x: x, y: row, style: .bar)
        }
        if let message, x + message.count + 1 < canvas.width {
            canvas.text(message, x: canvas.width - message.count - 1, y: row, style: .bar)
        }
    }
}
