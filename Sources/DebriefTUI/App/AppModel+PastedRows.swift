import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Rows copied from the campaign's spreadsheet, header and all, and pasted into an empty
/// input in a section with a table: they become the table's rows, read as `--data` reads a
/// file (new rows added, rows already there corrected), instead of one long note.
extension AppModel {
    /// The effects of the paste taken as rows; nil leaves it text (no table here, text
    /// already typed, one line, not a table of this section's kind, or a row in it that
    /// cannot be read, which the message names).
    mutating func pasteAsRows(_ text: String) -> [AppEffect]? {
        let sections = meeting.agenda.sections
        guard editor.isBlank, editingNoteID == nil, text.contains("\n"), sections.indices.contains(inputSection),
              let table = sections[inputSection].table, DataImport.headerTable(of: text) == table
        else { return nil }
        let pasted: ImportedTable
        do {
            pasted = try DataImport.parse(data: Data(text.utf8), file: "the paste")
        } catch {
            // This table's header, a row that cannot be read: say what to fix. Nothing is
            // added; the paste goes into the input as text, so nothing is lost either.
            message = "Not added as rows: " + (error.problems.first.map { VisibleText.line($0.description) } ?? "the paste cannot be read")
            return nil
        }
        guard !pasted.rows.isEmpty else { return nil }
        var effects: [AppEffect] = []
        var added = 0
        var corrected = 0
        let key = table.keyColumn.key
        for row in pasted.rows {
            if let name = row.fields[key]?.text, let existing = Self.row(named: name, in: meeting.records(in: table)) {
                let edits = row.fields.filter { $0.key != key && existing[$0.key] != $0.value }.sorted { $0.key < $1.key }
                effects += edits.map { .record(.recordEdited(id: existing.id, field: $0.key, value: $0.value)) }
                corrected += edits.isEmpty ? 0 : 1
            } else {
                effects.append(.addRecord(table: table, fields: row.fields))
                added += 1
            }
        }
        let noun = pasted.rows.count == 1 ? "row" : "rows"
        message = "Pasted \(pasted.rows.count) \(noun) into the \(table.title) table: \(added) added, \(corrected) corrected"
            + (pasted.ignoredColumns.isEmpty ? "" : "; left out: " + VisibleText.line(pasted.ignoredColumns.joined(separator: ", ")))
        return effects
    }
}
