import DebriefKit

/// The table a section's agenda declares (`table: kpis`), drawn under the section's heading:
/// the KPI table; the creator table with its patterns panel; the content's top 3 and bottom
/// 3 side by side. It takes the few values it draws, so the meeting and its replay share it.
public struct TablePane: Sendable {
    public var table: RecordTable
    public var meeting: MeetingState
    /// The selected row (its record id) and column, while the table has focus.
    public var selectedRecord: Int?
    public var selectedColumn: Int?
    public var focused = false
    /// The content column the top and bottom 3 are ranked by.
    public var metric: String
    /// On a narrow screen the creators' patterns take the table's place (p).
    public var showsPatterns = false
    /// Where the patterns are kept between frames (the app model's); nil groups afresh.
    public var patterns: PatternMemo?
    /// Where the rows and their formatted cells are kept between frames (the app model's);
    /// nil formats afresh. Either way the pane draws the same.
    public var rowMemo: TableRowMemo?
    /// Where the drawn pane and the notes' pointers at rows are kept between frames (the
    /// app model's); nil draws afresh. Either way the pane draws the same.
    public var frameMemo: TableFrameMemo?

    public init(table: RecordTable, meeting: MeetingState, metric: String = "er") {
        self.table = table
        self.meeting = meeting
        self.metric = metric
    }

    /// The rows the selection moves over, in the order shown.
    public var rows: [Record] { rowMemo?.rows(table, in: meeting) ?? meeting.records(in: table) }

    /// Rows the pane would like: the table whole (heading row and every record), or the
    /// ranking and the list of pieces. The layout gives what it can.
    public func preferredHeight(width: Int) -> Int {
        let count = max(1, rows.count)
        switch table {
        case .kpis: return 1 + count
        case .creators:
            return 1 + count + (width >= Self.patternsBelowWidth ? 1 + Self.patternsHeight : 0)
        case .content: return rankingHeight + 1 + 1 + count
        }
    }

    public func draw(in canvas: inout Canvas, area: Rect) {
        guard area.height > 0 else { return }
        guard let frameMemo else { return drawAfresh(in: &canvas, area: area) }
        let key = TableFrameMemo.Key(table: table, area: area, selectedRecord: selectedRecord, selectedColumn: selectedColumn,
                                     focused: focused, metric: metric, showsPatterns: showsPatterns)
        let drawing = frameMemo.drawing(key) {
            // The pane's area is blank when it is drawn, as on a fresh canvas.
            var fresh = Canvas(width: area.maxX, height: area.maxY)
            drawAfresh(in: &fresh, area: area)
            return fresh
        }
        canvas.copy(area, from: drawing)
    }

    /// The notes that point at rows: counted once per change of the notes with a memo.
    private var mentions: RowMentions { frameMemo?.mentions(meeting) ?? RowMentions(meeting) }

    private func drawAfresh(in canvas: inout Canvas, area: Rect) {
        let rows = self.rows
        let selected = selectedRecord.flatMap { id in rows.firstIndex { $0.id == id } }
        switch table {
        case .kpis:
            drawGrid(rows, selected: selected, in: &canvas, area: area) { RecordGrids.kpis($0, memo: rowMemo) }
        case .creators:
            drawCreators(rows, selected: selected, in: &canvas, area: area)
        case .content:
            drawContent(rows, selected: selected, in: &canvas, area: area)
        }
    }

    /// Draws the rows that fit, formatting only those: `build` makes the grid of a slice.
    private func drawGrid(_ rows: [Record], selected: Int?, in canvas: inout Canvas, area: Rect,
                          build: ([Record]) -> TableGrid) {
        guard !rows.isEmpty else {
            canvas.text(emptyHint, x: area.x + 1, y: area.y, style: .muted, maxWidth: area.width - 2)
            return
        }
        let (start, end) = TableGrid.visibleRange(count: rows.count, selected: selected, room: max(0, area.height - 1))
        var grid = build(Array(rows[start..<end]))
        grid.window = (start, rows.count)
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        grid.draw(in: &canvas, area: inner, selected: selected, selectedColumn: focused ? selectedColumn : nil, focused: focused)
    }

    private var emptyHint: String {
        switch table {
        case .kpis: "No KPIs yet. Type = reach target 1.2M actual 1.05M source history, or import with --data."
        case .creators: "No creators yet. Type = @lena followers 18.4k er 3.1% organic 2.4% fee 900, or import with --data."
        case .content: "No content yet. Type = Unboxing reel creator @lena views 120k er 4.2%, or import with --data."
        }
    }

    // MARK: Creators and their patterns

    /// From this width the patterns sit under the table, the three dimensions side by side.
    static let patternsBelowWidth = 120

    /// Rows the patterns are given under the table: a heading and the four tiers with a
    /// "(none)" group. A known bound, so laying out a frame never groups the creators; more
    /// platforms than that are cut, and shown whole in the table's place (p) on any screen.
    private static let patternsHeight = 6
    /// A dimension's name cut to 6, a count and "Median lift" with room between (the cost
    /// column drops first where it does not fit).
    private static let patternColumnWidth = 24

    private func drawCreators(_ rows: [Record], selected: Int?, in canvas: inout Canvas, area: Rect) {
        let mentions = self.mentions
        let build = { (slice: [Record]) in RecordGrids.creators(slice, mentions: mentions, memo: rowMemo) }
        // A long table scrolls above the patterns rather than pushing them off the screen.
        let tableRows = min(1 + max(1, rows.count), area.height - 1 - Self.patternsHeight)
        if area.width >= Self.patternsBelowWidth, tableRows >= min(1 + rows.count, 4), !rows.isEmpty {
            drawGrid(rows, selected: selected, in: &canvas, area: Rect(x: area.x, y: area.y, width: area.width, height: tableRows),
                     build: build)
            let top = area.y + tableRows + 1
            canvas.text("Patterns", x: area.x + 1, y: top - 1, style: .title)
            drawPatternColumns(rows, in: &canvas, area: Rect(x: area.x, y: top, width: area.width, height: area.maxY - top))
        } else if showsPatterns {
            drawPatternColumns(rows, in: &canvas, area: area)
        } else {
            drawGrid(rows, selected: selected, in: &canvas, area: area, build: build)
        }
    }

    /// The three dimensions side by side, or one under the other where three columns would
    /// cut their numbers (`+46.` for +46.2%).
    private func drawPatternColumns(_ rows: [Record], in canvas: inout Canvas, area: Rect) {
        // A column each, two apart, inside the pane's one-column margins.
        let width = min(44, (area.width - 2 - 2 * 2) / 3)
        guard width >= Self.patternColumnWidth else {
            return drawPatterns(rows, dimensions: PatternDimension.allCases, in: &canvas,
                                area: Rect(x: area.x + 1, y: area.y, width: min(44, area.width - 2), height: area.height))
        }
        for (index, dimension) in PatternDimension.allCases.enumerated() {
            drawPatterns(rows, dimensions: [dimension], in: &canvas,
                         area: Rect(x: area.x + 1 + index * (width + 2), y: area.y, width: width, height: area.height))
        }
    }

    private func drawPatterns(_ rows: [Record], dimensions: [PatternDimension], in canvas: inout Canvas, area: Rect) {
        var y = area.y
        for dimension in dimensions {
            guard y < area.maxY - 1 else { break }
            let groups = patterns?.groups(rows, by: dimension) ?? CreatorPatterns.groups(rows, by: dimension)
            let grid = RecordGrids.patterns(groups, by: dimension, currency: RecordCurrency.common(rows))
            let height = min(area.maxY - y, 1 + grid.rows.count)
            grid.draw(in: &canvas, area: Rect(x: area.x, y: y, width: area.width, height: height), saysLeftOut: false)
            y += height + 1
        }
    }

    // MARK: Content: top 3 and bottom 3

    /// Title, column heads and three rows.
    private var rankingHeight: Int { 2 + ContentRanking.size }

    private func drawContent(_ rows: [Record], selected: Int?, in canvas: inout Canvas, area: Rect) {
        guard !rows.isEmpty else { return drawGrid([], selected: nil, in: &canvas, area: area) { _ in TableGrid(columns: [], rows: []) } }
        let numbers = ContentNumbers(meeting)
        let mentions = self.mentions
        let list = { (slice: [Record]) in RecordGrids.content(slice, numbers: numbers, metric: metric, mentions: mentions, memo: rowMemo) }
        // Focused on a screen with no room for both, the list (where the selection is) wins.
        let roomForBoth = area.height >= rankingHeight + 3
        if !focused || roomForBoth {
            drawRanking(rows, numbers: numbers, mentions: mentions, in: &canvas,
                        area: Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, rankingHeight)))
        }
        if focused && !roomForBoth {
            drawGrid(rows, selected: selected, in: &canvas, area: area, build: list)
        } else if roomForBoth {
            let top = area.y + rankingHeight + 1
            let unranked = ContentRanking(rows, by: metric).unranked.count
            let title = RecordTable.content.column(metric)?.title ?? metric
            let line = "All pieces · \(rows.count)" + (unranked > 0 ? " · \(unranked) without \(title), not ranked" : "")
            canvas.text(line, x: area.x + 1, y: top - 1, style: .muted, maxWidth: area.width - 2)
            drawGrid(rows, selected: selected, in: &canvas, area: Rect(x: area.x, y: top, width: area.width, height: area.maxY - top),
                     build: list)
        }
    }

    private func drawRanking(_ rows: [Record], numbers: ContentNumbers, mentions: RowMentions, in canvas: inout Canvas, area: Rect) {
        let ranking = ContentRanking(rows, by: metric)
        let title = RecordTable.content.column(metric)?.title ?? metric
        let half = (area.width - 3) / 2
        let blocks: [(String, [Record], Int)] = [("▲ Top \(ranking.top.count) by \(title)", ranking.top, area.x + 1),
                                                  ("▼ Bottom \(ranking.bottom.count) by \(title)", ranking.bottom, area.x + 2 + half)]
        for (heading, pieces, x) in blocks {
            canvas.text(heading, x: x, y: area.y, style: .title, maxWidth: half)
            if pieces.isEmpty {
                // Three pieces or fewer are all in the top: an empty grid would read as a bug.
                let why = ranking.top.isEmpty ? "no piece has \(title) yet" : "the top holds every ranked piece"
                if area.height > 1 { canvas.text(why, x: x, y: area.y + 1, style: .muted, maxWidth: half) }
                continue
            }
            if area.height == 2 {
                // No room for column heads and rows: the pieces on one line, `c5 8.8% · c3 6.3%`.
                let column = RecordTable.content.column(metric)
                let line = pieces.map { piece in
                    numbers.label(of: piece) + " " + (column.map { RecordText.field(piece, $0.key) } ?? "")
                }.joined(separator: " · ")
                canvas.text(line, x: x, y: area.y + 1, maxWidth: half)
                continue
            }
            let grid = RecordGrids.content(pieces, numbers: numbers, metric: metric, mentions: mentions)
            grid.draw(in: &canvas, area: Rect(x: x, y: area.y + 1, width: half, height: area.height - 1), saysLeftOut: false)
        }
        for row in area.y..<area.maxY { canvas.text("│", x: area.x + 1 + half, y: row, style: .muted) }
    }
}
