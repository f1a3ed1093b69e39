/// A GitHub Markdown table whose cells are untrusted text: every cell goes through
/// `MarkdownText.inline`, so a `|`, a newline or HTML in a note cannot break the table.
public struct MarkdownTable {
    public var header: [String]
    public private(set) var rows: [[String]] = []

    public init(_ header: [String]) { self.header = header }

    /// Adds a row of raw (untrusted) cell texts; missing cells are left empty.
    public mutating func add(_ cells: [String]) {
        rows.append((0..<header.count).map { $0 < cells.count ? cells[$0] : "" })
    }

    public var markdown: String {
        var out = row(header) + "|" + String(repeating: " --- |", count: header.count) + "\n"
        for cells in rows { out += row(cells) }
        return out
    }

    private func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : MarkdownText.cell($0) }.joined(separator: " | ") + " |\n"
    }
}
