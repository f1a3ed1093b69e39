import DebriefKit

/// The replay, drawn from the model alone: the facilitator layout (section pane, notes,
/// agenda progress) at the replayed moment, the timeline bar and the player's keys.
public enum ReplayScreen {
    public static func render(_ replay: ReplayModel, size: TerminalSize) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        guard size.width >= MeetingScreen.minimumSize.width, size.height >= MeetingScreen.minimumSize.height else {
            let line = "Terminal too small: \(size.width)×\(size.height). Replay needs \(MeetingScreen.minimumSize.width)×\(MeetingScreen.minimumSize.height)."
            canvas.text(line, x: 0, y: size.height / 2, maxWidth: size.width)
            return canvas
        }
        let model = replay.appModel
        drawHeader(replay, in: &canvas)
        let statusRow = size.height - 1
        let timelineRow = statusRow - 1
        if replay.showsSinceLastTime {
            SinceLastTimeView.draw(SinceLastTimeView.content(of: model), in: &canvas,
                                   area: Rect(x: 0, y: 1, width: size.width, height: timelineRow - 2))
        } else {
            drawMeeting(model, in: &canvas, size: size, footer: timelineRow - 1)
        }
        canvas.horizontalLine(y: timelineRow - 1, x: 0)
        TimelineBar.draw(replay.timeline, position: replay.position, in: &canvas, x: 1, y: timelineRow, width: size.width - 2)
        drawStatusLine(in: &canvas, row: statusRow)
        if replay.showsHelp { drawHelp(in: &canvas) }
        canvas.cursor = nil
        return canvas
    }

    private static func drawMeeting(_ model: AppModel, in canvas: inout Canvas, size: TerminalSize, footer: Int) {
        let layout = MeetingLayout(model, size: size, footer: footer)
        layout.drawAgenda(model, in: &canvas, bottom: footer)
        SectionPane.draw(model, schedule: Schedule(state: model.meeting, now: model.now), in: &canvas, area: layout.pane,
                         collapsed: layout.promptsCollapsed, namesKey: false)
        let notes = model.meeting.visibleNotes(inSection: model.meeting.current ?? 0)
        canvas.horizontalLine(y: layout.notesRule, x: layout.mainX, width: layout.mainWidth)
        canvas.text(" Notes · \(notes.count) ", x: layout.mainX + 2, y: layout.notesRule, style: .muted)
        NoteList.draw(notes, numbers: model.meeting.problemNumbers, markAboveOnRule: true, in: &canvas, area: layout.notes)
    }

    private static func drawHeader(_ replay: ReplayModel, in canvas: inout Canvas) {
        var player = replay.isPlaying ? "▶ PLAYING \(replay.speed)×" : "❚❚ PAUSED \(replay.speed)×"
        if replay.isInterrupted { player = "INTERRUPTED MEETING · " + player }
        HeaderBar.draw("Replay", info: replay.info, state: player, style: .bar, in: &canvas)
    }

    private static func drawStatusLine(in canvas: inout Canvas, row: Int) {
        let entries = ReplayKeyMap.bindings.compactMap { binding in binding.name.map { (binding, $0) } }
        StatusLine.draw(entries, pinned: [.showHelp, .quit], in: &canvas, row: row)
    }

    private static func drawHelp(in canvas: inout Canvas) {
        var lines: [(String, Style)] = [("Replay", .title)]
        let keys = ReplayKeyMap.bindings.map { $0.keys.map(\.label).joined(separator: " / ") }
        // The key column fits the longest keys ("F10 / q / Esc / Ctrl-C"), never cut; the
        // explanations wrap under themselves when the box is narrow.
        let column = (keys.map { DisplayWidth.of($0) }.max() ?? 0) + 2
        let longest = ReplayKeyMap.bindings.map { DisplayWidth.of($0.help) }.max() ?? 0
        let width = min(canvas.width - 2, column + longest + 4)
        for (binding, keys) in zip(ReplayKeyMap.bindings, keys) {
            let help = TextWrap.lines(binding.help, width: max(10, width - 4 - column))
            for (index, part) in help.enumerated() {
                let left = index == 0 ? keys : ""
                lines.append((left + String(repeating: " ", count: column - DisplayWidth.of(left)) + part, .normal))
            }
        }
        lines.append(("", .normal))
        lines.append((ReplayKeyMap.table.hint(in: .help), .muted))
        Dialog.draw(title: "Keys", lines: lines, in: &canvas, width: width)
    }
}
