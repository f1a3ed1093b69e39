/// A bordered box centered on the canvas, with a title and lines of text.
public enum Dialog {
    public static func draw(title: String, lines: [(String, Style)], in canvas: inout Canvas, width preferred: Int) {
        let width = min(canvas.width - 2, preferred)
        let height = min(canvas.height - 2, lines.count + 4)
        let x = (canvas.width - width) / 2
        let y = max(0, (canvas.height - height) / 2)
        drawFrame(title: title, x: x, y: y, width: width, height: height, in: &canvas)
        for (index, line) in lines.prefix(height - 4).enumerated() {
            canvas.text(line.0, x: x + 2, y: y + 2 + index, style: line.1, maxWidth: width - 4)
        }
    }

    /// An empty box with a title, erasing what was under it.
    public static func drawFrame(title: String, x: Int, y: Int, width: Int, height: Int, in canvas: inout Canvas) {
        guard width > 4, height > 2 else { return }
        canvas.fill(x: x, y: y, width: width, height: height)
        canvas.text("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: .title)
        for row in (y + 1)..<(y + height - 1) {
            canvas.text("│", x: x, y: row, style: .title)
            canvas.text("│", x: x + width - 1, y: row, style: .title)
        }
        canvas.text("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: .title)
        canvas.text(" \(title) ", x: x + 2, y: y, style: .title, maxWidth: width - 4)
    }
}
