import DebriefKit

/// The section's table (F5) and the one-line form (`= reach actual 1.05M`): select a row
/// and a column, open a cell's form in the input, remove a row, rank content by another
/// metric. Every change is a request to the writer, so the journal and replay keep it.
extension AppModel {
    /// The table the section on screen holds, if its agenda gives it one.
    public var shownTable: RecordTable? {
        let sections = meeting.agenda.sections
        guard let current = meeting.current, sections.indices.contains(current) else { return nil }
        return sections[current].table
    }

    /// The table as the pane draws it, with this terminal's selection and metric. Nil
    /// while the table has no rows: the section then looks as it always did (prompts in
    /// full), and F5 says how to type the first row. With focus it stays, empty, after
    /// its last row is removed, so u can bring the row back.
    public var tablePane: TablePane? {
        guard let table = shownTable, focus == .table || meeting.records.contains(where: { $0.table == table && !$0.isRemoved })
        else { return nil }
        var pane = TablePane(table: table, meeting: meeting, metric: contentMetric)
        pane.focused = focus == .table
        pane.selectedRecord = selectedRecordID
        pane.selectedColumn = selectedColumn
        pane.showsPatterns = showsPatterns
        pane.patterns = patternMemo
        pane.rowMemo = tableRowMemo
        pane.frameMemo = tableFrameMemo
        return pane
    }

    /// The table with focus, its rows, and its columns (which field each one edits): the
    /// columns alone, as a grid of no rows; a key that moves the selection formats nothing.
    private var focusedGrid: (RecordTable, [Record], TableGrid)? {
        guard let table = shownTable else { return nil }
        let rows = tableRowMemo.rows(table, in: meeting)
        let grid = switch table {
        case .kpis: RecordGrids.kpis([])
        case .creators: RecordGrids.creators([], mentions: RowMentions())
        case .content: RecordGrids.content([], numbers: ContentNumbers(), metric: contentMetric, mentions: RowMentions())
        }
        return (table, rows, grid)
    }

    mutating func enterTable() {
        guard let table = shownTable else {
            message = "This section has no table (the agenda gives a section one with table: kpis, creators or content)"
            return
        }
        let rows = meeting.records(in: table)
        guard !rows.isEmpty else {
            message = "No rows yet: type \(RecordFormParser.example(table))"
            return
        }
        focus = .table
        if selectedRecordID.flatMap({ id in rows.first { $0.id == id } }) == nil { selectedRecordID = rows.first?.id }
    }

    mutating func leaveTable() {
        focus = .input
        showsPatterns = false
    }

    mutating func switchMetric() {
        let metrics = ContentRanking.metrics.map(\.key)
        guard shownTable == .content else {
            message = "The metric ranks content: it switches in the section that shows the content table"
            return
        }
        let index = metrics.firstIndex(of: contentMetric) ?? -1
        contentMetric = metrics[(index + 1) % metrics.count]
    }

    mutating func performInTable(_ command: Command) -> [AppEffect] {
        switch command {
        case .restoreRow: return restoreRow()
        case .undoOrSuspend: return removedRecordIDs.isEmpty ? [.suspend] : restoreRow()
        default: break
        }
        guard let (table, rows, grid) = focusedGrid, !rows.isEmpty else {
            leaveTable()
            return []
        }
        let index = rows.firstIndex { $0.id == selectedRecordID } ?? 0
        let record = rows[index]
        switch command {
        case .selectPrevious: selectedRecordID = rows[max(0, index - 1)].id
        case .selectNext: selectedRecordID = rows[min(rows.count - 1, index + 1)].id
        case .columnLeft: selectedColumn = max(0, selectedColumn - 1)
        case .columnRight: selectedColumn = min(grid.columns.count - 1, selectedColumn + 1)
        case .editCell:
            let column = min(selectedColumn, grid.columns.count - 1)
            guard let field = grid.columns[column].field else {
                message = "\(grid.columns[column].title) is computed from the other columns: correct those"
                return []
            }
            guard let schema = table.column(field) else { return [] }
            editor.clear()
            if field == table.keyColumn.key {
                editor.setText("= \(record.name) ")
            } else {
                var form = RecordFormParser.typedForm(key: record.name, column: schema, value: record[field])
                // A KPI counted in percent reads back as one: "actual 3.1%"; money in its
                // currency: "fee 900 USD" (a trailing code or sign reads as the leading one).
                if table == .kpis, record[field]?.number != nil, KPIMeasures.unit(of: record) == .percent { form += "%" }
                let isMoney = schema.type == .money || (table == .kpis && KPIMeasures.unit(of: record) == .money)
                if isMoney, record[field]?.number != nil, let currency = record.text(RecordColumn.currency.key) {
                    form += " " + currency
                }
                editor.setText(form)
            }
            formFromTable = true
            focus = .input
        case .addRow:
            editor.clear()
            editor.setText("= ")
            formFromTable = true
            focus = .input
        case .openRow:
            overlay = .record(id: record.id)
        case .removeRow:
            let neighbour = index + 1 < rows.count ? rows[index + 1] : (index > 0 ? rows[index - 1] : nil)
            selectedRecordID = neighbour?.id
            removedRecordIDs.append(record.id)
            // The table keeps focus even when this was its last row: u is the way back.
            message = VisibleText.line("\(record.name) removed from \(table.title). u or Ctrl-Z brings it back.")
            return [.record(.recordRemoved(id: record.id))]
        case .togglePatterns:
            if table == .creators { showsPatterns.toggle() }
        case .leaveTable:
            leaveTable()
        default:
            break
        }
        return []
    }

    /// Brings back the row removed last, as the note list brings back a note: the same row,
    /// its values and its place. Not when a row of that name was typed again meanwhile: the
    /// table would then hold it twice.
    mutating func restoreRow() -> [AppEffect] {
        guard let id = removedRecordIDs.popLast(), let record = meeting.record(id: id) else {
            message = "Nothing to bring back"
            return []
        }
        guard record.isRemoved else { return restoreRow() }  // brought back already (another terminal)
        if let again = Self.row(named: record.name, in: meeting.records(in: record.table)) {
            message = VisibleText.line("\(again.name) is in \(record.table.title) again (typed anew): nothing brought back")
            return []
        }
        selectedRecordID = id
        message = VisibleText.line("\(record.name) is back in \(record.table.title)")
        return [.record(.recordRestored(id: id))]
    }

    /// Saves a form typed in the input: new fields of an existing row become one
    /// `recordEdited` each; a row not in the table yet is added whole.
    mutating func commitForm(_ typed: String) -> [AppEffect] {
        let sections = meeting.agenda.sections
        let section = inputSection
        guard sections.indices.contains(section), let table = sections[section].table else {
            let holders = sections.filter { $0.table != nil }.map(\.title)
            message = holders.isEmpty ? "This agenda has no tables: a line starting with = is a table form"
                : "No table in this section: forms (=) go in \(holders.joined(separator: ", "))"
            return []
        }
        let form: RecordFormParser.Form
        let rows = meeting.records(in: table)
        switch RecordFormParser.parse(typed, table: table, isRowName: { Self.row(named: $0, in: rows) != nil }) {
        case .success(let parsed): form = parsed
        case .failure(let error):
            message = VisibleText.line(error.message)  // it quotes what was typed
            return []
        }
        var effects: [AppEffect] = []
        let existing = Self.row(named: form.key, in: rows)
        let fields = currencyFilledIn(form, table: table, row: existing)
        if let existing {
            for (field, value) in fields where existing[field] != value {
                effects.append(.record(.recordEdited(id: existing.id, field: field, value: value)))
            }
            selectedRecordID = existing.id
            message = effects.isEmpty ? VisibleText.line("\(existing.name): nothing changed") : nil
        } else {
            var row: [String: FieldValue] = [table.keyColumn.key: .text(form.key)]
            for case let (field, value?) in fields { row[field] = value }
            effects.append(.addRecord(table: table, fields: row))
        }
        history.append(typed)
        editor.clear()
        noteSection = nil
        historyIndex = nil
        if formFromTable, shownTable == table { focus = .table }
        formFromTable = false
        return effects
    }

    /// A form's fields, plus the meeting's currency when the row holds money typed without
    /// a sign and has none yet: `= @marco fee 4000` after `fee $900` reads `$4,000`.
    private func currencyFilledIn(_ form: RecordFormParser.Form, table: RecordTable,
                                  row: Record?) -> [(String, FieldValue?)] {
        let key = RecordColumn.currency.key
        let fields = form.fields
        // The row as it will be, name included: a KPI's name may make it money (CPM).
        var merged = row?.fields ?? [table.keyColumn.key: .text(form.key)]
        for (field, value) in fields { merged[field] = value }
        guard merged[key] == nil, RecordCurrency.holdsMoney(table, merged), let currency = meeting.latestCurrency
        else { return fields }
        return fields + [(key, .text(currency))]
    }

    /// A row a form names: the same name, ignoring case (and "@" for a handle).
    static func row(named name: String, in rows: [Record]) -> Record? {
        let wanted = RowMentions.handle(name)
        return rows.first { RowMentions.handle($0.name) == wanted }
    }

    /// The writer added the form's row: select it, so the table shows where it went.
    public mutating func recordAdded(_ event: Event) {
        if case .recordAdded(let id, _, _) = event.change { selectedRecordID = id }
    }
}
