/// The action items as CSV for a spreadsheet or an issue tracker: RFC 4180 (CRLF rows,
/// a header row, fields quoted when they hold a comma, a quote or a line break, quotes
/// doubled), and cells that a spreadsheet would run as a formula neutralised.
public enum CSVExporter {
    public static let columns = ["what", "owner", "due", "problem", "section", "session"]

    public static func csv(state: MeetingState, session: String) -> String {
        let findings = Findings(state: state)
        var out = row(columns)
        for action in findings.actions {
            out += row([action.text, action.content.owner ?? "", action.content.due ?? "",
                        findings.problem(for: action)?.text ?? "",
                        state.agenda.sections[action.section].title, session])
        }
        return out
    }

    private static let formulaStarts = Set("=+-@\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".unicodeScalars)
    private static let leadingBlanks = Set(" \t\r\n\u{A0}\u{3000}\u{2007}\u{202F}".unicodeScalars)

    static func row(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// One cell: control characters made visible (line breaks kept, as CSV allows them in
    /// quotes), a leading formula character defused with an apostrophe, quoted if needed.
    static func field(_ raw: String) -> String {
        var text = VisibleText.lines(raw.replacingAll("\r\n", with: "\n"))
        // = + - @ start formulas in Excel, LibreOffice and Google Sheets (CWE-1236), and
        // spreadsheets trim leading blanks (tab, space, no-break space) or fold full-width
        // forms before evaluating: defuse a cell whose first character after blanks is one.
        let start = text.unicodeScalars.first { !leadingBlanks.contains($0) }
        if let start, formulaStarts.contains(start) {
            text = "'" + text
        } else if let first = text.unicodeScalars.first, first == "\t" || first == "\r" {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
