import DebriefKit

/// The review, drawn from its model: the client version's parts in order, each line with
/// `✓ out` or `✗ held` (and the people it names), the selected line highlighted.
public enum ClientReviewScreen {
    public static func render(_ model: ClientReviewModel, title: String, size: TerminalSize) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        guard size.width >= 40, size.height >= 8 else {
            canvas.text("Terminal too small: \(size.width)×\(size.height). The review needs 40×8.", x: 0, y: size.height / 2,
                        maxWidth: size.width)
            return canvas
        }
        let out = model.lines.filter(model.goesOut).count
        let header = " Client version · \(VisibleText.line(title)) · \(out) going out, \(model.lines.count - out) held back "
        canvas.fill(x: 0, y: 0, width: size.width, height: 1, style: .bar)
        canvas.text(header, x: 0, y: 0, style: .bar, maxWidth: size.width)

        // One row a line, under its part's heading; scrolled to keep the selection in view.
        var rows: [(text: String, style: Style, index: Int?)] = []
        for part in ClientVisibility.Part.allCases {
            let lines = model.lines.enumerated().filter { $0.element.part == part }
            guard !lines.isEmpty else { continue }
            rows.append((part.title, .title, nil))
            for (index, line) in lines {
                let mark = model.goesOut(line) ? "✓ out " : "✗ held"
                let names = line.names.isEmpty ? "" : "  (names \(line.names.map(VisibleText.line).joined(separator: ", ")))"
                rows.append(("  \(mark)  \(VisibleText.line(line.text))\(names)", model.goesOut(line) ? .normal : .warning, index))
            }
        }
        if rows.isEmpty { rows.append(("Nothing in this session can go to the client.", .muted, nil)) }
        let height = size.height - 3
        let selectedRow = rows.firstIndex { $0.index == model.selected } ?? 0
        let top = max(0, min(selectedRow - height / 2, rows.count - height))
        for (offset, row) in rows.dropFirst(top).prefix(height).enumerated() {
            let y = 1 + offset
            let isSelected = row.index == model.selected
            if isSelected { canvas.fill(x: 0, y: y, width: size.width, height: 1, style: .selected) }
            canvas.text(row.text, x: 1, y: y, style: isSelected ? .selected : row.style, maxWidth: size.width - 2)
        }
        if let message = model.message {
            canvas.text(message, x: 1, y: size.height - 2, style: .alert, maxWidth: size.width - 2)
        }
        let entries = ClientReviewModel.table.bindings(in: .clientReview).compactMap { binding in binding.name.map { (binding, $0) } }
        StatusLine.draw(entries, pinned: [.done], in: &canvas, row: size.height - 1)
        canvas.cursor = nil
        return canvas
    }
}
