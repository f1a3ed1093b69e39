/// A table of numbers as aligned plain text, for `debrief show`: the columns the exports
/// print that hold a value in some row, titles first, numbers right-aligned, every cell
/// made visible (a name from a file may hold control characters).
enum TableText {
    static func render(_ records: [Record], table: RecordTable, indent: String) -> String {
        let columns = ExportColumns.read(table).filter { column in records.contains { column.value($0) != nil } }
        let cells = records.map { record in columns.map { VisibleText.line($0.text(record)) } }
        let numeric = columns.map { column in records.allSatisfy { column.value($0)?.number != nil || column.value($0) == nil } }
        let titles = columns.map(\.title)
        let widths = columns.indices.map { index in
            ([titles[index]] + cells.map { $0[index] }).map { DisplayWidth.of($0) }.max() ?? 0
        }
        func line(_ row: [String]) -> String {
            let padded = row.indices.map { index in
                let gap = String(repeating: " ", count: widths[index] - DisplayWidth.of(row[index]))
                return numeric[index] ? gap + row[index] : row[index] + gap
            }
            return indent + padded.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return line(titles) + cells.map(line).joined()
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
