import DebriefKit

/// The whole screen during a meeting, drawn from the model alone: header, section pane,
/// agenda progress, the notes of the current section, the note input, the status line.
public enum FacilitatorScreen {
    public static let minimumSize = TerminalSize(width: 60, height: 16)
    /// From this size on, the agenda gets its own column instead of a strip.
    static let wideSize = TerminalSize(width: 120, height: 30)

    public static func render(_ model: AppModel, size: TerminalSize) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            drawTooSmall(in: &canvas)
            return canvas
        }
        drawHeader(model, in: &canvas)
        let schedule = Schedule(state: model.meeting, now: model.now)
        let isWide = size.width >= wideSize.width && size.height >= wideSize.height
        let sidebarWidth = isWide ? 34 : 0
        let mainX = sidebarWidth
        let mainWidth = size.width - sidebarWidth
        let statusRow = size.height - 1
        let inputRow = statusRow - 2
        let stripRows = isWide ? 0 : 3
        let notesBottom = inputRow - 1 - stripRows
        let paneHeight = max(6, (notesBottom - 1) / 2)

        if isWide {
            AgendaProgress.drawList(model, in: &canvas, area: Rect(x: 0, y: 2, width: sidebarWidth, height: statusRow - 2))
            for row in 1..<statusRow { canvas.text("│", x: sidebarWidth - 1, y: row, style: .muted) }
        }
        SectionPane.draw(model, schedule: schedule, in: &canvas,
                         area: Rect(x: mainX, y: 2, width: mainWidth, height: paneHeight - 1))
        let notesTop = 1 + paneHeight
        let current = model.meeting.current ?? 0
        let notes = model.meeting.visibleNotes(inSection: current)
        canvas.horizontalLine(y: notesTop, x: mainX, width: mainWidth)
        canvas.text(" Notes · \(notes.count) ", x: mainX + 2, y: notesTop, style: .muted)
        NoteList.draw(notes, in: &canvas, area: Rect(x: mainX, y: notesTop + 1, width: mainWidth, height: notesBottom - notesTop - 1))
        if !isWide {
            canvas.horizontalLine(y: notesBottom, x: 0)
            AgendaProgress.drawStrip(model, in: &canvas, y: notesBottom + 1, width: size.width)
        }
        canvas.horizontalLine(y: inputRow - 1, x: mainX, width: mainWidth)
        NoteInput.draw(model.editor, in: &canvas, x: mainX + 1, y: inputRow, width: mainWidth - 1, active: model.overlay == nil)
        StatusLine.draw(in: &canvas, row: statusRow)

        switch model.overlay {
        case .help: HelpOverlay.draw(in: &canvas)
        case .confirmEnd: ConfirmEndDialog.draw(model, in: &canvas)
        case .interruptChoice: InterruptDialog.draw(model, in: &canvas)
        case nil: break
        }
        if model.overlay != nil { canvas.cursor = nil }
        return canvas
    }

    private static func drawHeader(_ model: AppModel, in canvas: inout Canvas) {
        canvas.fill(x: 0, y: 0, width: canvas.width, height: 1, style: .bar)
        let info = model.info
        let context = [info.client, info.campaign].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " / ")
        var title = "Debrief · \(info.title)"
        if !context.isEmpty { title += " · \(context)" }
        let saved: (String, Style) = model.storageProblem.map { ("⚠ NOT SAVED: \($0)", Style.alert) } ?? ("● saved", .bar)
        let savedWidth = min(canvas.width / 2, DisplayWidth.of(saved.0))
        canvas.text(title, x: 1, y: 0, style: Style(.bar, bold: true, reverse: true), maxWidth: canvas.width - savedWidth - 3)
        canvas.text(saved.0, x: canvas.width - savedWidth - 1, y: 0, style: saved.1, maxWidth: savedWidth)
    }

    private static func drawTooSmall(in canvas: inout Canvas) {
        let lines = ["Terminal too small: \(canvas.width)×\(canvas.height).",
                     "Debrief needs \(minimumSize.width)×\(minimumSize.height).",
                     "Enlarge the window; notes are safe."]
        for (index, line) in lines.enumerated() {
            let x = max(0, (canvas.width - line.count) / 2)
            canvas.text(line, x: x, y: max(0, canvas.height / 2 - 1) + index, maxWidth: canvas.width)
        }
    }
}
