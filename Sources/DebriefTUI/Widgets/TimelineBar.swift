import DebriefKit

/// The replay's timeline along the bottom: time shown and total, the track with a mark
/// at each section start (its number) and the current position (●).
public enum TimelineBar {
    public static func draw(_ timeline: ReplayTimeline, position: Int, in canvas: inout Canvas, x: Int, y: Int, width: Int) {
        let left = DurationText.clock(position) + " "
        let right = " " + DurationText.clock(timeline.duration)
        let trackX = x + left.count
        let trackWidth = width - left.count - right.count
        canvas.text(left, x: x, y: y, style: .title)
        canvas.text(right, x: x + width - right.count, y: y, style: .muted)
        guard trackWidth >= 3 else { return }
        let here = column(for: position, duration: timeline.duration, width: trackWidth)
        canvas.run(of: "━", count: here, x: trackX, y: y, style: .success)
        canvas.run(of: "─", count: trackWidth - here, x: trackX + here, y: y, style: .muted)
        for start in timeline.sectionStarts {
            let mark = start.section < 9 ? "\(start.section + 1)" : "|"
            canvas.text(mark, x: trackX + column(for: start.time, duration: timeline.duration, width: trackWidth), y: y, style: .key)
        }
        canvas.text("●", x: trackX + here, y: y, style: .title)
    }

    /// The track column of meeting time `t`: 0 at the start, the last column at the end.
    public static func column(for t: Int, duration: Int, width: Int) -> Int {
        guard duration > 0, width > 1 else { return 0 }
        return min(width - 1, max(0, Int((Double(t) / Double(duration) * Double(width - 1)).rounded())))
    }
}
