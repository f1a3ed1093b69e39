import DebriefKit

/// The whole screen during a meeting, drawn from the model alone: header, section pane,
/// agenda progress, the notes of the current section, the note input, the status line.
public enum MeetingScreen {
    public static let minimumSize = TerminalSize(width: 60, height: 16)

    public static func render(_ model: AppModel, size: TerminalSize) -> Canvas {
        // The room's view has no editor: "Since last time" is the same on both.
        if model.view == .projector, model.sinceLastTime == nil { return ProjectorScreen.render(model, size: size) }
        return frame(model, size: size).canvas
    }

    /// The whole frame, where on it the note input went and where the clocks are (nil when
    /// the screen has no input): what `IncrementalScreen` redraws alone when a key changed
    /// nothing but the input, or a shown clock turned over.
    /// - Parameter inputRows: the input's rows, for a frame laid out for rows the input is
    ///   about to have (`IncrementalScreen.prepareGrowth`); by default the editor's.
    static func frame(_ model: AppModel, size: TerminalSize,
                      inputRows: [Range<Int>]? = nil) -> (canvas: Canvas, input: InputSlot?, clocks: ClockSlots?) {
        var canvas = Canvas(width: size.width, height: size.height)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            drawTooSmall(in: &canvas)
            return (canvas, nil, nil)
        }
        drawHeader(model, in: &canvas)
        let statusRow = size.height - 1
        if model.sinceLastTime != nil {
            // Before the first section: the step has the screen, the meeting's keys still work.
            SinceLastTimeView.draw(SinceLastTimeView.content(of: model), in: &canvas,
                                   area: Rect(x: 0, y: 1, width: size.width, height: statusRow - 1))
            if let message = model.message {
                canvas.text(" \(TextWrap.cut(message, width: size.width - 4)) ", x: 1, y: statusRow - 1, style: .warning,
                            maxWidth: size.width - 2)
            }
            StatusLine.draw(in: &canvas, row: statusRow, context: model.keyContext, paused: model.meeting.isPaused)
            drawOverlay(model, in: &canvas, bottom: statusRow - 1)
            canvas.cursor = nil
            return (canvas, nil, nil)
        }
        let mainX = MeetingLayout.mainX(size)
        let mainWidth = size.width - mainX
        let inputRows = inputRows ?? NoteInput.wrap(model.editor, width: mainWidth - 1)
        let inputHeight = NoteInput.height(of: inputRows)
        let inputRow = statusRow - inputHeight - 1
        // A message too long for the rule gets rows of its own between the rule and the
        // input, whole: advice cut at "…" loses its second half.
        // The rows come from the notes, which keep at least one: on the smallest screens a
        // long message gets fewer rows (or the rule) and only then is cut.
        let noteRows = MeetingLayout(model, size: size, footer: inputRow - 1).notes.height
        var messageLines = messageRows(model, width: mainWidth, maximum: min(maximumMessageRows, noteRows - 1))
        var layout = MeetingLayout(model, size: size, footer: inputRow - 1 - messageLines.count)
        while !messageLines.isEmpty, layout.notes.height < 1 {
            messageLines = messageRows(model, width: mainWidth, maximum: messageLines.count - 1)
            layout = MeetingLayout(model, size: size, footer: inputRow - 1 - messageLines.count)
        }
        let ruleRow = inputRow - 1 - messageLines.count
        layout.drawAgenda(model, in: &canvas, bottom: statusRow)
        SectionPane.draw(model, schedule: Schedule(state: model.meeting, now: model.now), in: &canvas, area: layout.pane,
                         collapsed: layout.promptsCollapsed)
        drawNotes(model, in: &canvas, layout: layout)
        drawInputRule(model, in: &canvas, y: ruleRow, x: mainX, width: mainWidth, messageBelow: !messageLines.isEmpty)
        for (offset, line) in messageLines.enumerated() {
            canvas.text(line, x: mainX + 3, y: ruleRow + 1 + offset, style: .warning, maxWidth: mainWidth - 4)
        }
        let input = InputSlot(area: Rect(x: mainX + 1, y: inputRow, width: mainWidth - 1, height: inputHeight),
                              active: model.overlay == nil && model.focus == .input,
                              label: destinationLabel(model).map { inputHint(to: $0, width: NoteInput.textWidth(mainWidth - 1)) })
        input.draw(model.editor, rows: inputRows, in: &canvas)
        StatusLine.draw(in: &canvas, row: statusRow, context: model.keyContext, paused: model.meeting.isPaused)

        drawOverlay(model, in: &canvas, bottom: ruleRow)
        if model.overlay != nil { canvas.cursor = nil }
        return (canvas, input, ClockSlots(layout: layout, statusRow: statusRow))
    }

    static func drawOverlay(_ model: AppModel, in canvas: inout Canvas, bottom: Int) {
        switch model.overlay {
        case .help(let offset): HelpOverlay.draw(offset: offset, in: &canvas)
        case .confirmEnd: ConfirmEndDialog.draw(model, in: &canvas)
        case .tagging(let noteID, let rootCause): TagPicker.draw(model, noteID: noteID, rootCause: rootCause, in: &canvas, bottom: bottom)
        case .linking(_, let candidates): LinkPicker.draw(model, candidates: candidates, in: &canvas, bottom: bottom)
        case .interruptChoice: InterruptDialog.draw(model, in: &canvas)
        case .record(let id): RecordCard.draw(model.meeting, id: id, in: &canvas)
        case nil: break
        }
    }

    private static func drawNotes(_ model: AppModel, in canvas: inout Canvas, layout: MeetingLayout) {
        let notes = model.listedNotes
        let (top, x, width) = (layout.notesRule, layout.mainX, layout.mainWidth)
        canvas.horizontalLine(y: top, x: x, width: width)
        var title = "Notes · \(notes.count)"
        if model.viewedSection != nil {
            let section = model.meeting.agenda.sections[model.listedSection]
            // Whole phrases dropped from the end, so a cut never leaves "· 0 ·…".
            let phrases = ["Notes of \(section.title) · \(notes.count) · looking back, Esc returns",
                           "Notes of \(section.title) · \(notes.count) · Esc returns",
                           "Notes of \(section.title) · \(notes.count)"]
            title = phrases.first { DisplayWidth.of($0) <= width - 22 } ?? phrases[2]
        }
        // The right end of the rule is kept for "↑ N more".
        canvas.text(" \(TextWrap.cut(title, width: width - 22)) ", x: x + 2, y: top, style: model.focus == .list ? .title : .muted,
                    maxWidth: width - 20)
        NoteList.draw(notes, selected: model.focus == .list ? model.selectedNoteID : nil, focused: model.focus == .list,
                      numbers: model.meeting.problemNumbers, markAboveOnRule: true, in: &canvas, area: layout.notes)
    }

    /// The rule above the input carries what the note-taker should know now: a parser
    /// warning, or that a saved note is being edited; and, on the right, the section the
    /// note goes to when that is not the current one (started before a PageDown, or
    /// typed while looking back).
    private static func drawInputRule(_ model: AppModel, in canvas: inout Canvas, y: Int, x: Int, width: Int,
                                      messageBelow: Bool = false) {
        canvas.horizontalLine(y: y, x: x, width: width)
        let room = ruleRoom(model, width: width)
        if let destination = destinationLabel(model) {
            let label = " → " + TextWrap.cut(destination, width: width / 2 - 4) + " "
            let labelWidth = DisplayWidth.of(label)
            canvas.text(label, x: x + width - labelWidth - 2, y: y, style: .title, maxWidth: labelWidth)
        }
        if messageBelow {
            return
        } else if let message = model.message {
            canvas.text(" \(TextWrap.cut(message, width: room - 2)) ", x: x + 2, y: y, style: .warning, maxWidth: room)
        } else if let editing = model.editedNoteName {
            let label = TextWrap.cut("Editing \(editing) · Enter saves · Esc cancels", width: room - 2)
            canvas.text(" \(label) ", x: x + 2, y: y, style: .title, maxWidth: room)
        }
    }

    /// Columns on the input's rule for a message, left of the destination label.
    private static func ruleRoom(_ model: AppModel, width: Int) -> Int {
        guard let destination = destinationLabel(model) else { return width - 4 }
        return width - 4 - DisplayWidth.of(" → " + TextWrap.cut(destination, width: width / 2 - 4) + " ") - 1
    }

    /// The message's own rows above the input when it does not fit on the rule (none when
    /// it does, or when `maximum` is 0: then the rule shows it cut). The last row ends in
    /// "…" only when the message needs more than `maximum` rows.
    static func messageRows(_ model: AppModel, width: Int, maximum: Int) -> [String] {
        guard maximum > 0, let message = model.message,
              DisplayWidth.of(message) > ruleRoom(model, width: width) - 2 else { return [] }
        let lines = TextWrap.lines(message.replacingAll("\n", with: " "), width: width - 4)
        guard lines.count > maximum else { return lines }
        let kept = Array(lines.prefix(maximum - 1))
        let rest = lines.dropFirst(maximum - 1).joined(separator: " ")
        return kept + [TextWrap.cut(rest, width: width - 4)]
    }

    static let maximumMessageRows = 3

    /// The empty input while looking back: where notes go and how to return, whole
    /// phrases only.
    static func inputHint(to section: String, width: Int) -> String {
        let phrases = ["Notes typed here go to \(section) · Esc returns", "Notes typed here go to \(section)", "→ \(section)"]
        return phrases.first { DisplayWidth.of($0) <= width } ?? TextWrap.cut(phrases[2], width: width)
    }

    /// The section the input's note goes to, when it is not the current one.
    static func destinationLabel(_ model: AppModel) -> String? {
        let sections = model.meeting.agenda.sections
        guard let current = model.meeting.current, model.inputSection != current,
              sections.indices.contains(model.inputSection) else { return nil }
        return sections[model.inputSection].title
    }

    static func drawHeader(_ model: AppModel, in canvas: inout Canvas) {
        let saved: (String, Style) = model.storageProblem.map { ("⚠ NOT SAVED: \($0)", Style.alert) }
            ?? (model.savingToDisk ? ("○ saving", .bar) : ("● saved", .bar))
        // Paused, the whole clock stands still: the header says so first (see Schedule).
        let paused = model.meeting.isPaused ? (text: "❚❚ PAUSED", style: Style(.warning, bold: true, reverse: true)) : nil
        HeaderBar.draw("Debrief", info: model.info, state: saved.0, style: saved.1, flag: paused, in: &canvas)
    }

    static func drawTooSmall(in canvas: inout Canvas) {
        let lines = ["Terminal too small: \(canvas.width)×\(canvas.height).",
                     "Debrief needs \(minimumSize.width)×\(minimumSize.height).",
                     "Enlarge the window; notes are safe."]
        for (index, line) in lines.enumerated() {
            let x = max(0, (canvas.width - line.count) / 2)
            canvas.text(line, x: x, y: max(0, canvas.height / 2 - 1) + index, maxWidth: canvas.width)
        }
    }
}
