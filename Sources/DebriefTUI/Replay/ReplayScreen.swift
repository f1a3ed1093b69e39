import DebriefKit

/// The replay, drawn from the model alone: the facilitator layout (section pane, notes,
/// agenda progress) at the replayed moment, the timeline bar and the player's keys.
public enum ReplayScreen {
    public static func render(_ replay: ReplayModel, size: TerminalSize) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        guard size.width >= FacilitatorScreen.minimumSize.width, size.height >= FacilitatorScreen.minimumSize.height else {
            let line = "Terminal too small: \(size.width)×\(size.height). Replay needs \(FacilitatorScreen.minimumSize.width)×\(FacilitatorScreen.minimumSize.height)."
            canvas.text(line, x: 0, y: size.height / 2, maxWidth: size.width)
            return canvas
        }
        let model = replay.appModel
        drawHeader(replay, in: &canvas)
        let statusRow = size.height - 1
        let timelineRow = statusRow - 1
        let layout = MeetingLayout(model, size: size, footer: timelineRow - 1)
        layout.drawAgenda(model, in: &canvas, bottom: timelineRow - 1)
        SectionPane.draw(model, schedule: Schedule(state: model.meeting, now: model.now), in: &canvas, area: layout.pane,
                         collapsed: layout.promptsCollapsed, namesKey: false)
        let notes = model.meeting.visibleNotes(inSection: model.meeting.current ?? 0)
        canvas.horizontalLine(y: layout.notesRule, x: layout.mainX, width: layout.mainWidth)
        canvas.text(" Notes · \(notes.count) ", x: layout.mainX + 2, y: layout.notesRule, style: .muted)
        NoteList.draw(notes, numbers: model.meeting.problemNumbers, markAboveOnRule: true, in: &canvas, area: layout.notes)
        canvas.horizontalLine(y: timelineRow - 1, x: 0)
        TimelineBar.draw(replay.timeline, position: replay.position, in: &canvas, x: 1, y: timelineRow, width: size.width - 2)
        drawStatusLine(in: &canvas, row: statusRow)
        if replay.showsHelp { drawHelp(in: &canvas) }
        canvas.cursor = nil
        return canvas
    }

    private static func drawHeader(_ replay: ReplayModel, in canvas: inout Canvas) {
        var player = replay.isPlaying ? "▶ PLAYING \(replay.speed)×" : "❚❚ PAUSED \(replay.speed)×"
        if replay.isInterrupted { player = "INTERRUPTED MEETING · " + player }
        HeaderBar.draw("Replay", info: replay.info, state: player, style: .bar, in: &canvas)
    }

    private static func drawStatusLine(in canvas: inout Canvas, row: Int) {
        canvas.fill(x: 0, y: row, width: canvas.width, height: 1, style: .bar)
        var x = 0
        for binding in ReplayKeyMap.bindings where binding.inStatusLine {
            let key = binding.keys[0].label
            guard x + key.count + binding.name.count + 3 <= canvas.width else { break }
            x += canvas.text(" " + key, x: x, y: row, style: Style(.key, bold: true))
            x += canvas.text(" " + binding.name + " ", x: x, y: row, style: .bar)
        }
    }

    private static func drawHelp(in canvas: inout Canvas) {
        var lines: [(String, Style)] = [("Replay", .title)]
        for binding in ReplayKeyMap.bindings {
            let keys = binding.keys.map(\.label).joined(separator: " / ")
            lines.append((keys.padding(toLength: 16, withPad: " ", startingAt: 0) + binding.help, .normal))
        }
        lines.append(("", .normal))
        lines.append(("Esc or F1 closes this help.", .muted))
        Dialog.draw(title: "Keys", lines: lines, in: &canvas, width: 80)
    }
}
