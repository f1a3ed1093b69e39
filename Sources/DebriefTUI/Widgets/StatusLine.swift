/// The bottom row: the most important keys, from the key map, as many as fit.
public enum StatusLine {
    public static func draw(in canvas: inout Canvas, row: Int, message: String? = nil) {
        canvas.fill(x: 0, y: row, width: canvas.width, height: 1, style: .bar)
        var x = 0
        for binding in KeyMap.statusLine {
            let key = binding.keys[0].label
            let needed = key.count + binding.name.count + 3
            guard x + needed <= canvas.width else { break }
            x += canvas.text(" " + key, x: x, y: row, style: Style(.key, bold: true))
            x += canvas.text(" " + binding.name + " ", x: x, y: row, style: .bar)
        }
        if let message, x + message.count + 1 < canvas.width {
            canvas.text(message, x: canvas.width - message.count - 1, y: row, style: .bar)
        }
    }
}
