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
        let inputHeight = NoteInput.height(model.editor, width: mainWidth - 1)
        let inputRow = statusRow - inputHeight - 1
        let stripRows = isWide ? 0 : 3
        let notesBottom = inputRow - 1 - stripRows
        // The pane gets the rows its prompts need, the notes the rest, but never less than
        // two fifths of the space (room for the newest note above a tag picker): a long
        // prompt list is cut, with "…", before the notes are.
        let space = notesBottom - 3
        let paneRows = max(min(5, space - 2),
                           min(SectionPane.preferredHeight(model, width: mainWidth), space - max(3, space * 2 / 5)))

        if isWide {
            AgendaProgress.drawList(model, in: &canvas, area: Rect(x: 0, y: 2, width: sidebarWidth, height: statusRow - 2))
            for row in 1..<statusRow { canvas.text("│", x: sidebarWidth - 1, y: row, style: .muted) }
        }
        SectionPane.draw(model, schedule: schedule, in: &canvas,
                         area: Rect(x: mainX, y: 2, width: mainWidth, height: paneRows))
        let notesTop = 2 + paneRows
        drawNotes(model, in: &canvas, top: notesTop, bottom: notesBottom, x: mainX, width: mainWidth)
        if !isWide {
            canvas.horizontalLine(y: notesBottom, x: 0)
            AgendaProgress.drawStrip(model, in: &canvas, y: notesBottom + 1, width: size.width)
        }
        drawInputRule(model, in: &canvas, y: inputRow - 1, x: mainX, width: mainWidth)
        NoteInput.draw(model.editor, in: &canvas, area: Rect(x: mainX + 1, y: inputRow, width: mainWidth - 1, height: inputHeight),
                       active: model.overlay == nil && model.focus == .input)
        StatusLine.draw(in: &canvas, row: statusRow, context: model.keyContext)

        switch model.overlay {
        case .help(let offset): HelpOverlay.draw(offset: offset, in: &canvas)
        case .confirmEnd: ConfirmEndDialog.draw(model, in: &canvas)
        case .tagging(let noteID, let rootCause): TagPicker.draw(model, noteID: noteID, rootCause: rootCause, in: &canvas, bottom: inputRow - 1)
        case .linking(_, let candidates): LinkPicker.draw(model, candidates: candidates, in: &canvas, bottom: inputRow - 1)
        case .interruptChoice: InterruptDialog.draw(model, in: &canvas)
        case nil: break
        }
        if model.overlay != nil { canvas.cursor = nil }
        return canvas
    }

    private static func drawNotes(_ model: AppModel, in canvas: inout Canvas, top: Int, bottom: Int, x: Int, width: Int) {
        let notes = model.listedNotes
        canvas.horizontalLine(y: top, x: x, width: width)
        var title = " Notes · \(notes.count) "
        if model.viewedSection != nil {
            let section = model.meeting.agenda.sections[model.listedSection]
            title = " Notes of \(section.title) · \(notes.count) · looking back, Esc returns "
        }
        canvas.text(title, x: x + 2, y: top, style: model.focus == .list ? .title : .muted, maxWidth: width - 4)
        NoteList.draw(notes, selected: model.focus == .list ? model.selectedNoteID : nil, focused: model.focus == .list,
                      in: &canvas, area: Rect(x: x, y: top + 1, width: width, height: bottom - top - 1))
    }

    /// The rule above the input carries what the note-taker should know now: a parser
    /// warning, or that a saved note is being edited.
    private static func drawInputRule(_ model: AppModel, in canvas: inout Canvas, y: Int, x: Int, width: Int) {
        canvas.horizontalLine(y: y, x: x, width: width)
        if let message = model.message {
            canvas.text(" \(message) ", x: x + 2, y: y, style: .warning, maxWidth: width - 4)
        } else if let editing = model.editingNoteID {
            canvas.text(" Editing note #\(editing) · Enter saves · Esc cancels ", x: x + 2, y: y, style: .title, maxWidth: width - 4)
        }
    }

    private static func drawHeader(_ model: AppModel, in canvas: inout Canvas) {
        let saved: (String, Style) = model.storageProblem.map { ("⚠ NOT SAVED: \($0)", Style.alert) } ?? ("● saved", .bar)
        HeaderBar.draw("Debrief", info: model.info, state: saved.0, style: saved.1, in: &canvas)
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
