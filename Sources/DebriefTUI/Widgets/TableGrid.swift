import DebriefKit

/// A table of already formatted cells, drawn to fit whatever room it gets: columns that do
/// not fit are dropped whole, least important first (a number is never cut), text columns
/// shrink to a few characters with "…", rows scroll to keep the selection in view. The
/// record tables (KPIs, creators, content) are built as grids; this widget knows nothing of
/// what the cells mean.
public struct TableGrid: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        /// 0 is never dropped; the highest drops first when the table is too wide.
        public var priority: Int
        /// Text may be cut to this width (with "…"); nil for numbers and marks, never cut.
        public var shrinkTo: Int?
        /// The record field the column shows, when it is one (a derived measure is not).
        public var field: String?

        public init(_ title: String, _ alignment: Alignment = .left, priority: Int, shrinkTo: Int? = nil, field: String? = nil) {
            self.title = title
            self.field = field
            self.alignment = alignment
            self.priority = priority
            self.shrinkTo = shrinkTo
        }
    }

    public struct Cell: Sendable, Equatable {
        public var text: String
        public var style: Style

        public init(_ text: String, _ style: Style = .normal) {
            self.text = VisibleText.line(text)
            self.style = style
        }

        /// A value nobody gave: shown as missing, never as 0.
        public static let missing = Cell("—", .muted)
    }

    public var columns: [Column]
    /// The rows to draw. With `window` set, only the rows on screen (a 1,000-row table
    /// formats the twenty it shows, not all of them, on every frame).
    public var rows: [[Cell]]
    /// Where `rows` sit in the whole table: the first one's index and how many there are.
    public var window: (first: Int, total: Int)?

    public init(columns: [Column], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Space between two columns.
    static let gap = 2
    /// Columns from this priority on drop before any text is shortened.
    static let minorPriority = 3

    /// The columns shown in `width`, left to right, with the width each gets. The columns in
    /// `keep` (the selected one) are never dropped.
    public func fit(width: Int, keep: Set<Int> = []) -> [(index: Int, width: Int)] {
        fit(width: width, keep: keep, gap: Self.gap, natural: naturalWidths())
    }

    /// The columns and the space between them: two spaces, or one when that keeps a column.
    /// `natural` (each column's widest cell) is measured once by the caller: a frame lays
    /// the table out up to four times.
    func layout(width: Int, keep: Set<Int>, natural: [Int]) -> (columns: [(index: Int, width: Int)], gap: Int) {
        let roomy = fit(width: width, keep: keep, gap: Self.gap, natural: natural)
        guard roomy.count < columns.count else { return (roomy, Self.gap) }
        let tight = fit(width: width, keep: keep, gap: 1, natural: natural)
        return tight.count > roomy.count ? (tight, 1) : (roomy, Self.gap)
    }

    /// Each column's width with nothing cut: its title or its widest cell.
    func naturalWidths() -> [Int] {
        var natural = columns.map { DisplayWidth.of($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < natural.count {
                natural[index] = max(natural[index], DisplayWidth.of(cell.text))
            }
        }
        return natural
    }

    private func fit(width: Int, keep: Set<Int>, gap: Int, natural: [Int]) -> [(index: Int, width: Int)] {
        var shown = Array(columns.indices)
        func total(_ widths: [Int]) -> Int { shown.reduce(0) { $0 + widths[$1] } + gap * max(0, shown.count - 1) }
        var widths = natural
        func dropOne(from lowest: Int) -> Bool {
            guard let drop = shown.filter({ columns[$0].priority >= lowest && !keep.contains($0) })
                .max(by: { (columns[$0].priority, $0) < (columns[$1].priority, $1) }) else { return false }
            shown.removeAll { $0 == drop }
            return true
        }
        // Columns of little weight go whole first; then long text shrinks (a KPI's name cut
        // with "…" still reads); then the important columns go, least important first.
        while total(widths) > width, dropOne(from: Self.minorPriority) {}
        while total(widths) > width {
            if let text = shown.filter({ index in columns[index].shrinkTo.map { widths[index] > $0 } ?? false })
                .max(by: { widths[$0] < widths[$1] }) {
                let floor = columns[text].shrinkTo ?? widths[text]
                widths[text] = max(floor, widths[text] - (total(widths) - width))
                continue
            }
            guard dropOne(from: 1) else { break }
            widths = natural  // a dropped column gives room back to the text that shrank
        }
        return shown.map { ($0, widths[$0]) }
    }

    /// "+3 cols ↓ 2": columns and rows not on screen, so nothing is silently missing.
    static func leftOut(columns: Int, above: Int, below: Int) -> String {
        var parts: [String] = []
        if columns > 0 { parts.append("+\(columns) col\(columns == 1 ? "" : "s")") }
        if above > 0 { parts.append("↑\(above)") }
        if below > 0 { parts.append("↓\(below)") }
        return parts.joined(separator: " ")
    }

    /// Draws the header row and as many rows as fit, scrolled so `selected` shows.
    /// - Returns: the columns drawn (their indices), so a caller can say what was left out.
    @discardableResult
    /// - Parameter saysLeftOut: count the columns and rows not shown on the heading row.
    public func draw(in canvas: inout Canvas, area: Rect, selected: Int? = nil, selectedColumn: Int? = nil,
                     focused: Bool = false, saysLeftOut: Bool = true) -> [Int] {
        guard area.height > 0, area.width > 0 else { return [] }
        let keep: Set<Int> = selectedColumn.map { [$0] } ?? []
        let room = area.height - 1
        let first = window?.first ?? 0, total = window?.total ?? rows.count
        let (start, end) = window == nil ? Self.visibleRange(count: rows.count, selected: selected, room: max(0, room))
            : (first, first + min(rows.count, max(0, room)))
        // What is left out is said on the heading row, in room kept for it.
        let natural = naturalWidths()
        var (shown, gap) = layout(width: area.width, keep: keep, natural: natural)
        var label = Self.leftOut(columns: columns.count - shown.count, above: start, below: total - end)
        if !saysLeftOut { label = "" }
        // Making room for the label can leave out one more column, and "+9 cols" grow to
        // "+10 cols": lay out again until the room kept holds the label.
        var reserved = 0
        while !label.isEmpty, DisplayWidth.of(label) > reserved {
            reserved = DisplayWidth.of(label)
            (shown, gap) = layout(width: area.width - reserved - 1, keep: keep, natural: natural)
            label = Self.leftOut(columns: columns.count - shown.count, above: start, below: total - end)
        }
        drawRow(columns.map { Cell($0.title, .muted) }, shown: shown, gap: gap, in: &canvas, x: area.x, y: area.y, maxX: area.maxX,
                header: true)
        guard room > 0 else { return shown.map(\.index) }
        for (line, index) in (start..<end).enumerated() {
            let y = area.y + 1 + line
            let isSelected = focused && index == selected
            if isSelected { canvas.fill(x: area.x, y: y, width: area.width, height: 1, style: .selected) }
            drawRow(rows[index - first], shown: shown, gap: gap, in: &canvas, x: area.x, y: y, maxX: area.maxX,
                    selectedColumn: isSelected ? selectedColumn : nil, rowSelected: isSelected)
        }
        if !label.isEmpty { canvas.text(label, x: area.maxX - DisplayWidth.of(label), y: area.y, style: .muted) }
        return shown.map(\.index)
    }

    /// Rows `start..<end` shown in `room` lines, the selection kept in view.
    public static func visibleRange(count: Int, selected: Int?, room: Int) -> (start: Int, end: Int) {
        guard count > room else { return (0, count) }
        var start = 0
        if let selected { start = min(max(0, selected - room + 1), count - room) }
        return (start, start + room)
    }

    private func drawRow(_ cells: [Cell], shown: [(index: Int, width: Int)], gap: Int, in canvas: inout Canvas, x: Int, y: Int,
                         maxX: Int, header: Bool = false, selectedColumn: Int? = nil, rowSelected: Bool = false) {
        var column = x
        for (index, width) in shown {
            guard column < maxX else { break }
            let cell = index < cells.count ? cells[index] : Cell.missing
            var text = cell.text
            var textWidth = DisplayWidth.of(text)
            if textWidth > width {
                text = TextWrap.cut(text, width: width)
                textWidth = DisplayWidth.of(text)
            }
            let pad = width - textWidth
            let alignment = header && columns[index].alignment == .right ? Alignment.right : columns[index].alignment
            let textX = alignment == .right ? column + pad : column
            var style = cell.style
            if rowSelected { style = index == selectedColumn ? Style(style.role, bold: true, underline: true) : Style(style.role, reverse: true) }
            canvas.text(text, x: textX, y: y, style: style, maxWidth: maxX - textX)
            column += width + gap
        }
    }
}
