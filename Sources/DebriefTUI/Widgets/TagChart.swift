import DebriefKit

/// Live counts of the problems by root cause and by severity, as small bars with the
/// number beside them (the number carries the meaning; the bar is for the room).
public enum TagChart {
    static let barWidth = 8
    /// Width of the two blocks side by side.
    public static let fullWidth = 54

    /// Rows of the two blocks side by side: a title, then a row per root cause, or per
    /// severity plus "untagged".
    public static func rowsNeeded(_ taxonomy: Taxonomy) -> Int {
        1 + max(taxonomy.rootCauses.count, taxonomy.severities.count + 1)
    }

    public static func draw(_ counts: TagCounts, in canvas: inout Canvas, area: Rect) {
        guard area.height > 1 else { return }
        let rowsNeeded = 1 + max(counts.byRootCause.count, counts.bySeverity.count + 1)
        if area.width >= fullWidth, area.height >= rowsNeeded {
            block("Root causes", counts.byRootCause, in: &canvas, x: area.x, y: area.y, maxY: area.maxY)
            var severities = counts.bySeverity
            if counts.untagged > 0 { severities.append(("untagged", counts.untagged)) }
            block("Severity", severities, in: &canvas, x: area.x + 28, y: area.y, maxY: area.maxY)
        } else {
            compact(counts, in: &canvas, area: area)
        }
    }

    private static func block(_ title: String, _ rows: [(name: String, count: Int)], in canvas: inout Canvas, x: Int, y: Int, maxY: Int) {
        canvas.text(title, x: x, y: y, style: .title)
        let highest = max(1, rows.map(\.count).max() ?? 1)
        for (index, row) in rows.enumerated() where y + 1 + index < maxY {
            let rowY = y + 1 + index
            canvas.text(row.name, x: x, y: rowY, style: row.name == "untagged" ? .warning : .normal, maxWidth: 13)
            let length = row.count == 0 ? 0 : max(1, row.count * barWidth / highest)
            canvas.run(of: "█", count: length, x: x + 14, y: rowY, style: Style(.problem))
            canvas.text("\(row.count)", x: x + 15 + length, y: rowY, style: row.count == 0 ? .muted : .normal)
        }
    }

    /// Narrow screens: the non-zero counts on two lines.
    private static func compact(_ counts: TagCounts, in canvas: inout Canvas, area: Rect) {
        let causes = counts.byRootCause.filter { $0.count > 0 }.map { "\($0.name) \($0.count)" }
        var severities = counts.bySeverity.filter { $0.count > 0 }.map { "\($0.name) \($0.count)" }
        if counts.untagged > 0 { severities.append("untagged \(counts.untagged)") }
        canvas.text("Causes: " + (causes.isEmpty ? "none yet" : causes.joined(separator: " · ")),
                    x: area.x, y: area.y, style: .muted, maxWidth: area.width)
        canvas.text("Severity: " + (severities.isEmpty ? "none yet" : severities.joined(separator: " · ")),
                    x: area.x, y: area.y + 1, style: .muted, maxWidth: area.width)
    }
}
