import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// "Since last time": the open actions of the client's earlier meetings, each with what
/// this meeting said of it, two rows an action (what, then who · when · from which
/// meeting), scrolled to keep the selected one in view. Drawn in the meeting (with the
/// keys that mark them) and in the replay.
public enum SinceLastTimeView {
    /// What the view draws, read from the meeting and the step.
    public struct Content {
        public var actions: [CarriedAction]
        public var followUps: [ActionKey: FollowUpStatus]
        public var client: String?
        public var firstSection: String?
        /// Nil in the replay: no selection, no keys.
        public var selected: Int?
        public var skippedFiles: [String] = []
    }

    public static func content(of model: AppModel) -> Content {
        Content(actions: model.meeting.carriedActions, followUps: model.meeting.followUps, client: model.info.client,
                firstSection: model.meeting.agenda.sections.first?.title, selected: model.sinceLastTime?.selected,
                skippedFiles: model.sinceLastTime?.skippedFiles ?? [])
    }

    static let statusWidth = 12

    public static func draw(_ content: Content, in canvas: inout Canvas, area: Rect, zone: TimeZone? = nil) {
        canvas.fill(x: area.x, y: area.y, width: area.width, height: area.height)
        let (x, width) = (area.x + 1, area.width - 2)
        var row = area.y
        let count = content.actions.count
        let closed = content.actions.filter { content.followUps[$0.key]?.closesAction ?? false }.count
        var title = "Since last time"
        if let client = content.client, !client.isEmpty { title += " · \(client)" }
        title += " · \(count) open \(count == 1 ? "action" : "actions") from earlier meetings"
        if closed > 0 { title += " · \(closed) closed now" }
        canvas.text(TextWrap.cut(title, width: width), x: x, y: row, style: .title, maxWidth: width)
        row += 1
        if content.selected != nil, area.height >= 10 {
            let next = content.firstSection.map { "PgDn/Enter: on to \($0)" } ?? "PgDn/Enter: on to the meeting"
            let hint = "d done · n not done, carried again · x dropped · \(next)"
            canvas.text(TextWrap.cut(hint, width: width), x: x, y: row, style: .muted, maxWidth: width)
            row += 1
        }
        canvas.horizontalLine(y: row, x: area.x, width: area.width)
        row += 1
        var bottom = area.maxY
        if !content.skippedFiles.isEmpty {
            bottom -= 1
            let files = content.skippedFiles.count
            let text = "⚠ \(files) session \(files == 1 ? "file" : "files") skipped: " + content.skippedFiles.joined(separator: "; ")
            canvas.text(TextWrap.cut(text, width: width), x: x, y: bottom, style: .warning, maxWidth: width)
        }
        drawList(content, in: &canvas, x: x, width: width, top: row, bottom: bottom, zone: zone)
    }

    private static func drawList(_ content: Content, in canvas: inout Canvas, x: Int, width: Int, top: Int, bottom: Int,
                                 zone: TimeZone?) {
        let count = content.actions.count
        let rows = bottom - top
        guard rows > 0 else { return }
        var shown = count
        var first = 0
        if count * 2 > rows {
            shown = max(1, (rows - 1) / 2)
            let selected = content.selected ?? 0
            first = max(0, min(selected - shown / 2, count - shown))
        }
        var y = top
        for index in first..<min(count, first + shown) {
            let action = content.actions[index]
            let isSelected = index == content.selected
            canvas.text(isSelected ? "›" : " ", x: x, y: y, style: .title)
            let (label, style) = status(content.followUps[action.key])
            canvas.text(label, x: x + 2, y: y, style: style, maxWidth: statusWidth)
            let textX = x + 2 + statusWidth, textWidth = width - 2 - statusWidth
            canvas.text(TextWrap.cut(action.text, width: textWidth), x: textX, y: y,
                        style: isSelected ? .selected : .normal, maxWidth: textWidth)
            if y + 1 < bottom {
                var details: [String] = []
                if let owner = action.owner { details.append("@" + owner) }
                if let due = action.due { details.append("due " + due) }
                details.append("from the " + FollowThrough.meetingName(action.startedAt, in: zone))
                canvas.text(TextWrap.cut(details.joined(separator: " · "), width: textWidth), x: textX, y: y + 1,
                            style: .muted, maxWidth: textWidth)
            }
            y += 2
        }
        if shown < count, y < bottom {
            let above = first, below = count - first - shown
            let more = [above > 0 ? "↑ \(above) above" : nil, below > 0 ? "↓ \(below) below" : nil].compactMap { $0 }
            canvas.text(more.joined(separator: " · "), x: x + 2 + statusWidth, y: y, style: .muted, maxWidth: width - 2 - statusWidth)
        }
    }

    static func status(_ status: FollowUpStatus?) -> (String, Style) {
        switch status {
        case .done?: ("✓ done", .success)
        case .notDone?: ("↻ not done", .warning)
        case .dropped?: ("✕ dropped", .muted)
        case nil: ("· open", .muted)
        }
    }
}
