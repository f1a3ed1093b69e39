import DebriefKit

/// A bordered box with a title and lines of text: centered on the canvas, or anchored
/// above a row.
public enum Dialog {
    /// Lines longer than the box wraps by word; an indented line (a list item) keeps its
    /// continuation under its text.
    public static func draw(title: String, lines: [(String, Style)], in canvas: inout Canvas, width preferred: Int) {
        let width = min(canvas.width - 2, preferred)
        let rows = lines.flatMap { line in wrapped(line.0, width: width - 4).map { ($0, line.1) } }
        let height = min(canvas.height - 2, rows.count + 4)
        let x = (canvas.width - width) / 2
        let y = max(0, (canvas.height - height) / 2)
        drawFrame(title: title, x: x, y: y, width: width, height: height, in: &canvas)
        for (index, row) in rows.prefix(height - 4).enumerated() {
            canvas.text(row.0, x: x + 2, y: y + 2 + index, style: row.1, maxWidth: width - 4)
        }
    }

    /// A box anchored above row `bottom` (the note input), as wide as it needs up to 76
    /// columns, so what is being typed stays in view: the pickers.
    static func drawAbove(title: String, lines: [(String, Style)], in canvas: inout Canvas, bottom: Int) {
        let widest = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let width = min(canvas.width - 4, max(40, widest + 4), 76)
        let height = min(bottom - 1, lines.count + 2)
        guard height > 2 else { return }
        let x = 2
        let y = bottom - height
        Dialog.drawFrame(title: title, x: x, y: y, width: width, height: height, in: &canvas)
        for (index, line) in lines.prefix(height - 2).enumerated() {
            canvas.text(line.0, x: x + 2, y: y + 1 + index, style: line.1, maxWidth: width - 4)
        }
    }

    private static func wrapped(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let indent = line.prefix { $0 == " " }.count
        // "  3  Problem with no action: …": continuations line up after the number.
        let hanging = indent > 0 ? indent + (line.dropFirst(indent).prefix { $0 != " " }.count) + 2 : 0
        let first = TextWrap.lines(String(line.dropFirst(indent)), width: width - indent)
        guard let head = first.first else { return [line] }
        let rest = TextWrap.lines(first.dropFirst().joined(separator: " "), width: width - hanging)
        return [String(repeating: " ", count: indent) + head] + rest.map { String(repeating: " ", count: hanging) + $0 }
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
