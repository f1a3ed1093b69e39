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
    /// full), and F5 says how to type the first row.
    public var tablePane: TablePane? {
        guard let table = shownTable, meeting.records.contains(where: { $0.table == table && !$0.isRemoved }) else { return nil }
        var pane = TablePane(table: table, meeting: meeting, metric: contentMetric)
        pane.focused = focus == .table
        pane.selectedRecord = selectedRecordID
        pane.selectedColumn = selectedColumn
        pane.showsPatterns = showsPatterns
        pane.patterns = patternMemo
        pane.rowMemo = tableRowMemo
        return pane
    }

    /// The grid of the table with focus: its columns say which field each one edits.
    private var focusedGrid: (RecordTable, [Record], TableGrid)? {
        guard let table = shownTable else { return nil }
        let rows = meeting.records(in: table)
        let grid: TableGrid
        switch table {
        case .content: grid = RecordGrids.content(rows, numbers: ContentNumbers(meeting), metric: contentMetric, mentions: RowMentions(meeting))
        default: grid = RecordGrids.grid(table, rows: rows, meeting: meeting)
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
                // A KPI counted in percent reads back as one: "actual 3.1%".
                if table == .kpis, record[field]?.number != nil, KPIMeasures.unit(of: record) == .percent { form += "%" }
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
            message = VisibleText.line("\(record.name) removed from \(table.title). Type its form again (=) to bring it back.")
            if neighbour == nil { leaveTable() }
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
        switch RecordFormParser.parse(typed, table: table) {
        case .success(let parsed): form = parsed
        case .failure(let error):
            message = VisibleText.line(error.message)  // it quotes what was typed
            return []
        }
        var effects: [AppEffect] = []
        if let existing = Self.row(named: form.key, in: meeting.records(in: table)) {
            for (field, value) in form.fields where existing[field] != value {
                effects.append(.record(.recordEdited(id: existing.id, field: field, value: value)))
            }
            selectedRecordID = existing.id
            message = effects.isEmpty ? VisibleText.line("\(existing.name): nothing changed") : nil
        } else {
            var fields: [String: FieldValue] = [table.keyColumn.key: .text(form.key)]
            for case let (field, value?) in form.fields { fields[field] = value }
            effects.append(.addRecord(table: table, fields: fields))
        }
        history.append(typed)
        editor.clear()
        noteSection = nil
        historyIndex = nil
        if formFromTable, shownTable == table { focus = .table }
        formFromTable = false
        return effects
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
