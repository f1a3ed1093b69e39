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

    static func row(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// One cell: control characters made visible (line breaks kept, as CSV allows them in
    /// quotes), a leading formula character defused with an apostrophe, quoted if needed.
    static func field(_ raw: String) -> String {
        var text = VisibleText.lines(raw.replacingOccurrences(of: "\r\n", with: "\n"))
        // = + - @ start formulas in Excel, LibreOffice and Google Sheets (CWE-1236).
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
