/// One table of numbers as CSV (`export --format csv --table kpis|creators|content`), in the
/// same RFC 4180 shape as the action items: a header row of field names (the names `--data`
/// reads back), then one row per record with its derived measures and the session's name.
/// Numbers are plain (`18400`, `3.1` for 3.1%, `0.41`) so a spreadsheet can sum them; a
/// missing value is an empty cell; text goes through the action export's cell rules, so a
/// cell that would start a formula is defused.
public enum TableCSVExporter {
    public static func columns(_ table: RecordTable) -> [String] {
        ExportColumns.all(table).map(\.key) + ["session"]
    }

    public static func csv(_ table: RecordTable, state: MeetingState, session: String) -> String {
        let columns = ExportColumns.all(table)
        var out = CSVExporter.row(self.columns(table))
        for record in state.records(in: table) {
            let cells = columns.map { cell($0.value(record)) } + [CSVExporter.field(session)]
            out += cells.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A number we wrote ourselves cannot be a formula, even negative: only text is defused.
    static func cell(_ value: FieldValue?) -> String {
        switch value {
        case .number(let x)?: plain(x)
        case .bool(let yes)?: yes ? "yes" : "no"
        case .text(let text)?: CSVExporter.field(text)
        case nil: ""
        }
    }

    /// `18400`, `3.1`, `-22.5`: whole numbers without a decimal point, others as Swift's
    /// shortest exact spelling; never grouped (a spreadsheet would read `18,400` as text).
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }
}
