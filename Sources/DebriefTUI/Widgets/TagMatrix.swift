import DebriefKit

/// The What-went-wrong tally for the room: problems counted by root cause × severity, a
/// row per root cause, a column per severity, and the untagged ones below. The numbers
/// carry the meaning; zeros are a dim dot so the counts stand out.
public enum TagMatrix {
    /// Rows the whole matrix takes: a heading row, one per root cause, one for untagged.
    public static func rowsNeeded(_ taxonomy: Taxonomy) -> Int { taxonomy.rootCauses.count + 2 }

    /// Columns the whole matrix takes.
    public static func width(_ taxonomy: Taxonomy) -> Int {
        nameWidth(taxonomy) + taxonomy.severities.map { DisplayWidth.of($0) + 2 }.reduce(0, +)
    }

    /// Draws the matrix when it fits `area`; returns false (nothing drawn) when it does not.
    @discardableResult
    public static func draw(_ meeting: MeetingState, in canvas: inout Canvas, area: Rect) -> Bool {
        let taxonomy = meeting.agenda.taxonomy
        guard area.height >= rowsNeeded(taxonomy), area.width >= width(taxonomy) else { return false }
        var counts: [String: [String: Int]] = [:]
        var untagged = 0
        for note in meeting.visibleNotes where note.kind == .problem {
            if let cause = note.rootCause, let severity = note.severity {
                counts[cause, default: [:]][severity, default: 0] += 1
            } else {
                untagged += 1
            }
        }
        let nameWidth = nameWidth(taxonomy)
        canvas.text("Problems", x: area.x, y: area.y, style: .title)
        var x = area.x + nameWidth
        var columns: [Int] = []
        for severity in taxonomy.severities {
            columns.append(x + DisplayWidth.of(severity) / 2)
            canvas.text(severity, x: x, y: area.y, style: .title)
            x += DisplayWidth.of(severity) + 2
        }
        for (row, cause) in taxonomy.rootCauses.enumerated() {
            let y = area.y + 1 + row
            canvas.text(cause, x: area.x, y: y, maxWidth: nameWidth - 1)
            for (severity, column) in zip(taxonomy.severities, columns) {
                let count = counts[cause]?[severity] ?? 0
                let text = count == 0 ? "·" : "\(count)"
                canvas.text(text, x: column - (text.count - 1) / 2, y: y, style: count == 0 ? .muted : Style(.problem, bold: true))
            }
        }
        let last = area.y + 1 + taxonomy.rootCauses.count
        canvas.text(untagged == 0 ? "every problem tagged" : "⚑ \(untagged) untagged (F4)", x: area.x, y: last,
                    style: untagged == 0 ? .muted : .warning, maxWidth: area.width)
        return true
    }

    private static func nameWidth(_ taxonomy: Taxonomy) -> Int {
        max(9, taxonomy.rootCauses.map { DisplayWidth.of($0) }.max() ?? 0) + 2
    }
}
