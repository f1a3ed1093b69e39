import DebriefKit

/// The meeting's tables as grids of formatted cells: what each column shows and how soon it
/// drops on a narrow screen. Numbers read the same everywhere (`NumberText`); derived
/// measures come from the model (`KPIMeasures`, `CreatorMeasures`), never typed.
public enum RecordGrids {
    /// The grid for one table. Its rows are `rows` in order (the selection indexes them).
    public static func grid(_ table: RecordTable, rows: [Record], meeting: MeetingState) -> TableGrid {
        switch table {
        case .kpis: kpis(rows)
        case .creators: creators(rows, mentions: RowMentions(meeting))
        case .content: content(rows, numbers: ContentNumbers(meeting), metric: nil, mentions: RowMentions(meeting))
        }
    }

    // MARK: KPIs

    static func kpis(_ rows: [Record], memo: TableRowMemo? = nil) -> TableGrid {
        let columns = [
            TableGrid.Column("KPI", priority: 0, shrinkTo: 8, field: "kpi"),
            TableGrid.Column("Target", .right, priority: 1, field: "target"),
            TableGrid.Column("Actual", .right, priority: 1, field: "actual"),
            TableGrid.Column("Variance", .right, priority: 1),
            TableGrid.Column("", priority: 1),
            TableGrid.Column("Target source", priority: 2, shrinkTo: 6, field: "target_source"),
            TableGrid.Column("Comment", priority: 7, shrinkTo: 10, field: "comment"),
        ]
        return TableGrid(columns: columns, rows: rows.map { memo.cells(of: $0, layout: "kpis", make: kpiCells) })
    }

    private static func kpiCells(_ record: Record) -> [TableGrid.Cell] {
        let measures = KPIMeasures(record)
        return [
            TableGrid.Cell(record.name),
            cell(record.number("target"), measures.unit, currency: RecordCurrency.of(record)),
            cell(record.number("actual"), measures.unit, currency: RecordCurrency.of(record)),
            measure(measures.variance, signed: true),
            verdict(measures.verdict),
            text(record.text("target_source")),
            text(record.text("comment")),
        ]
    }

    /// Misses and beats carry a word and a symbol, so they read without colour.
    static func verdict(_ verdict: KPIVerdict?) -> TableGrid.Cell {
        switch verdict {
        case .beat?: TableGrid.Cell("▲ beat", Style(.success, bold: true))
        case .met?: TableGrid.Cell("= met", .normal)
        case .missed?: TableGrid.Cell("▼ miss", Style(.warning, bold: true))
        case nil: TableGrid.Cell.missing
        }
    }

    static func cell(_ value: Double?, _ unit: KPIUnit, currency: String) -> TableGrid.Cell {
        guard let value else { return .missing }
        switch unit {
        case .count: return TableGrid.Cell(NumberText.count(value))
        case .percent: return TableGrid.Cell(NumberText.percent(value))
        case .money: return TableGrid.Cell(NumberText.money(value, currency: currency))
        }
    }

    /// A derived measure: its value, or "—" when a field it needs is missing, or "n/a" when
    /// it cannot be computed (a target of 0); the row opened in full says why.
    static func measure(_ measure: Measure, signed: Bool = false, money currency: String? = nil) -> TableGrid.Cell {
        switch measure {
        case .value(let x):
            if let currency { return TableGrid.Cell(NumberText.money(x, currency: currency)) }
            return TableGrid.Cell(signed ? NumberText.signedPercent(x) : NumberText.percent(x))
        case .missing: return .missing
        case .undefined: return TableGrid.Cell("n/a", .muted)
        }
    }

    static func text(_ value: String?) -> TableGrid.Cell {
        value.map { TableGrid.Cell($0) } ?? .missing
    }

    static func number(_ record: Record, _ key: String) -> TableGrid.Cell {
        guard let column = record.table.column(key) else { return .missing }
        return formatted(record[key], type: column.type, currency: RecordCurrency.of(record))
    }

    /// Any field, by its column's type; money in `currency`.
    public static func formatted(_ value: FieldValue?, type: ValueType, currency: String) -> TableGrid.Cell {
        guard let value else { return .missing }
        switch (value, type) {
        case (.number(let x), .percent): return TableGrid.Cell(NumberText.percent(x))
        case (.number(let x), .money): return TableGrid.Cell(NumberText.money(x, currency: currency))
        case (.number(let x), _): return TableGrid.Cell(NumberText.count(x))
        case (.bool(let b), _): return TableGrid.Cell(b ? "yes" : "no", b ? .normal : Style(.warning))
        case (.text(let s), _): return TableGrid.Cell(s)
        }
    }

    // MARK: Creators

    static func creators(_ rows: [Record], mentions: RowMentions, memo: TableRowMemo? = nil) -> TableGrid {
        let columns = [
            TableGrid.Column("Handle", priority: 0, shrinkTo: 8, field: "handle"),
            TableGrid.Column("Platform", priority: 4, shrinkTo: 6, field: "platform"),
            TableGrid.Column("Tier", priority: 4, field: "tier"),
            TableGrid.Column("Followers", .right, priority: 3, field: "followers"),
            TableGrid.Column("Format", priority: 5, shrinkTo: 6, field: "format"),
            TableGrid.Column("Spons. ER", .right, priority: 1, field: "sponsored_er"),
            TableGrid.Column("Org. ER", .right, priority: 2, field: "organic_er"),
            TableGrid.Column("Lift", .right, priority: 1),
            TableGrid.Column("Clicks", .right, priority: 3, field: "clicks"),
            TableGrid.Column("Conv.", .right, priority: 3, field: "conversions"),
            TableGrid.Column("Fee", .right, priority: 2, field: "fee"),
            TableGrid.Column(RecordCurrency.heading("click", rows), .right, priority: 4),
            TableGrid.Column(RecordCurrency.heading("conv.", rows), .right, priority: 2),
            TableGrid.Column("On time", priority: 6, field: "draft_on_time"),
            TableGrid.Column("Rev.", .right, priority: 6, field: "revisions"),
            TableGrid.Column("Rating", .right, priority: 2, field: "rating"),
            TableGrid.Column("Brief", priority: 5, field: "brief_detail"),
            TableGrid.Column("Notes", .right, priority: 3),
        ]
        return TableGrid(columns: columns, rows: rows.map { record in
            memo.cells(of: record, layout: "creators", make: creatorCells) + [mentions.cell(for: record, numbers: nil)]
        })
    }

    /// A creator's cells but the notes column, which follows the notes.
    private static func creatorCells(_ record: Record) -> [TableGrid.Cell] {
        let measures = CreatorMeasures(record)
        return [
            TableGrid.Cell(record.name),
            text(record.text("platform")),
            text(measures.tier?.rawValue),
            number(record, "followers"),
            text(record.text("format")),
            number(record, "sponsored_er"),
            number(record, "organic_er"),
            measure(measures.lift, signed: true),
            number(record, "clicks"),
            number(record, "conversions"),
            number(record, "fee"),
            measure(measures.costPerClick, money: RecordCurrency.of(record)),
            measure(measures.costPerConversion, money: RecordCurrency.of(record)),
            number(record, "draft_on_time"),
            number(record, "revisions"),
            number(record, "rating"),
            text(record.text("brief_detail")),
        ]
    }

    /// One dimension of the patterns panel: a row per group. Fees are summed across the
    /// creators (`currency`, nil when they mix currencies: then no cost is given).
    static func patterns(_ groups: [PatternGroup], by dimension: PatternDimension, currency: String?) -> TableGrid {
        let columns = [
            TableGrid.Column(dimension.title, priority: 0, shrinkTo: 6),
            TableGrid.Column("n", .right, priority: 0),
            TableGrid.Column("Median lift", .right, priority: 0),
            TableGrid.Column(RecordCurrency.heading("conv.", currency: currency), .right, priority: 1),
        ]
        return TableGrid(columns: columns, rows: groups.map { group in
            [group.name.map { TableGrid.Cell($0) } ?? TableGrid.Cell("(none)", .muted),
             TableGrid.Cell(NumberText.count(Double(group.count))),
             group.medianLift.map { TableGrid.Cell(NumberText.signedPercent($0)) } ?? .missing,
             currency.map { measure(group.costPerConversion, money: $0) } ?? TableGrid.Cell("mixed", .muted)]
        })
    }

    // MARK: Content

    /// Headings short enough for every content column to fit a 200-column screen.
    static let shortTitles = ["impressions": "Impr.", "engagements": "Eng.", "conversions": "Conv.",
                              "brand_timing": "Brand at", "comments": "Comments"]

    /// Pieces with their number (`c3`, for `#c3` in a note), the metric they are ranked by
    /// first after the name, then the rest by priority.
    static func content(_ rows: [Record], numbers: ContentNumbers, metric: String?, mentions: RowMentions,
                        memo: TableRowMemo? = nil) -> TableGrid {
        var keys = ["creator", "platform", "format", "views", "reach", "er", "clicks", "conversions", "hook", "brand_timing",
                    "comments", "posted", "impressions", "engagements"]
        if let metric { keys.removeAll { $0 == metric }; keys.insert(metric, at: 0) }
        var columns = [TableGrid.Column("#", priority: 0), TableGrid.Column("Piece", priority: 0, shrinkTo: 8, field: "piece")]
        for key in keys {
            guard let column = RecordTable.content.column(key) else { continue }
            let numeric = column.type.isNumeric
            let priority = key == metric ? 0 : column.priority
            columns.append(TableGrid.Column(shortTitles[key] ?? column.title, numeric ? .right : .left, priority: priority,
                                            shrinkTo: numeric ? nil : 6, field: key))
        }
        columns.append(TableGrid.Column("Notes", .right, priority: 3))
        // The piece's number follows the records and the column order the metric, so both
        // are in what the memo keeps; the notes column is counted afresh.
        return TableGrid(columns: columns, rows: rows.map { record in
            memo.cells(of: record, layout: "content/" + (metric ?? "")) { record in
                var cells = [TableGrid.Cell(numbers.label(of: record), .muted), TableGrid.Cell(record.name)]
                for key in keys where RecordTable.content.column(key) != nil { cells.append(number(record, key)) }
                return cells
            } + [mentions.cell(for: record, numbers: numbers)]
        })
    }
}

/// Notes that point at a row: `@lena` names a creator, `#c3` a content piece. Counted from
/// the notes once per change of them (`TableFrameMemo`), so a note typed now shows on its
/// row at once and a keystroke counts nothing.
public struct RowMentions: Sendable {
    private var handles: [String: [Int]] = [:]
    private var pieces: [Int: [Int]] = [:]

    /// No note points at any row.
    init() {}

    public init(_ meeting: MeetingState) {
        for note in meeting.visibleNotes {
            // Only a word with "@" can name a creator: most notes have none, and cutting
            // every word out of every note was most of a keystroke's CPU with a table shown.
            let words = note.text.utf8.contains(UInt8(ascii: "@")) ? note.text.split(whereSeparator: { $0.isWhitespace }) : []
            for word in words where word.utf8.contains(UInt8(ascii: "@")) {
                let trimmed = String(word.drop { Self.punctuation.contains($0) }.reversed().drop { Self.punctuation.contains($0) }.reversed())
                if trimmed.hasPrefix("@"), trimmed.count > 1 {
                    handles[Self.handle(trimmed), default: []].append(note.id)
                }
            }
            for number in ContentNumbers.pointers(in: note.text) { pieces[number, default: []].append(note.id) }
        }
    }

    private static let punctuation: Set<Character> = [".", ",", ";", ":", "!", "?", "(", ")", "\"", "'"]

    /// A handle folded for matching: without "@", lowercased.
    public static func handle(_ text: String) -> String {
        String(text.drop { $0 == "@" }).lowercased()
    }

    /// The ids of the notes that point at the row.
    public func notes(for record: Record, numbers: ContentNumbers?) -> [Int] {
        switch record.table {
        case .creators: Array(Set(handles[Self.handle(record.name)] ?? [])).sorted()
        case .content: numbers?.number(of: record).flatMap { Array(Set(pieces[$0] ?? [])).sorted() } ?? []
        case .kpis: []
        }
    }

    func cell(for record: Record, numbers: ContentNumbers?) -> TableGrid.Cell {
        let count = notes(for: record, numbers: numbers).count
        return count == 0 ? TableGrid.Cell("", .muted) : TableGrid.Cell("✎\(count)", .title)
    }
}
