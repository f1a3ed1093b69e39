import DebriefKit
import Synchronization

/// A table's rows and their formatted cells, kept between frames instead of rebuilt on every
/// one: formatting the numbers of the rows on screen cost more than the rest of a frame, and
/// a keystroke changes none of them. Like `PatternMemo`, the app model starts a new memo
/// whenever a record event is folded in, so a memo never outlives the rows it was made from.
/// The notes column (`✎2`) is not kept here: it follows the notes (`TableFrameMemo`).
public final class TableRowMemo: Sendable {
    private struct Kept {
        var rows: [RecordTable: [Record]] = [:]
        /// Cells by layout (a table and the column order it was built with), then record id.
        var cells: [String: [Int: [TableGrid.Cell]]] = [:]
    }

    private let kept = Mutex(Kept())

    public init() {}

    /// The table's rows that are not removed, in order (`MeetingState.records(in:)`).
    func rows(_ table: RecordTable, in meeting: MeetingState) -> [Record] {
        if let cached = kept.withLock({ $0.rows[table] }) { return cached }
        let rows = meeting.records(in: table)
        kept.withLock { $0.rows[table] = rows }
        return rows
    }

    /// The record's cells as `make` formats them for `layout`, formatted once.
    func cells(of record: Record, layout: String, make: (Record) -> [TableGrid.Cell]) -> [TableGrid.Cell] {
        if let cached = kept.withLock({ $0.cells[layout]?[record.id] }) { return cached }
        let cells = make(record)
        kept.withLock { $0.cells[layout, default: [:]][record.id] = cells }
        return cells
    }
}

extension Optional where Wrapped == TableRowMemo {
    /// The cells from the memo when there is one, else formatted afresh.
    func cells(of record: Record, layout: String, make: (Record) -> [TableGrid.Cell]) -> [TableGrid.Cell] {
        self?.cells(of: record, layout: layout, make: make) ?? make(record)
    }
}
