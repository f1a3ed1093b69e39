import DebriefKit

/// The report as an aligned text table, or as tab-separated rows for the pty harness.
enum ReportTable {
    static func text(_ rows: [ReportRow]) -> String {
        let header = ReportRow(group: "group", measure: "measure", value: "value", goal: "goal")
        let all = [header] + rows
        let widths = [\ReportRow.group, \.measure, \.value].map { path in
            all.map { DisplayWidth.of($0[keyPath: path]) }.max() ?? 0
        }
        return all.map { row in
            let cells = [row.group, row.measure, row.value]
            let padded = zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - DisplayWidth.of($0)) }
            return (padded + [row.goal]).joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }.joined()
    }

    static func tsv(_ rows: [ReportRow]) -> String {
        rows.map { [$0.group, $0.measure, $0.value, $0.goal].joined(separator: "\t") + "\n" }.joined()
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
