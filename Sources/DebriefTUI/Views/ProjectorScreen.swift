import DebriefKit

/// The room's view (`--view projector`, F7): the section's title, its countdown in big
/// digits, the section's table or the prompts in short form, the What-went-wrong tally, the
/// newest notes, and the agenda strip. No input and no cursor: it is read from the back of
/// the room, not typed in.
public enum ProjectorScreen {
    /// From this width on, the prompts and the notes stand side by side.
    static let twoColumnWidth = 100

    public static func render(_ model: AppModel, size: TerminalSize) -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height)
        guard size.width >= MeetingScreen.minimumSize.width, size.height >= MeetingScreen.minimumSize.height else {
            MeetingScreen.drawTooSmall(in: &canvas)
            return canvas
        }
        let view = model.meetingView
        let schedule = view.schedule
        MeetingScreen.drawHeader(model, in: &canvas)
        let statusRow = size.height - 1
        let stripRule = Self.stripRule(size)
        let gap = Self.gap(size)
        var row = 1 + gap
        if let current = model.meeting.current {
            let letters = titleHeight(model.meeting.agenda.taxonomy, size: size)
            row = drawHeading(model.meeting, section: current, in: &canvas, y: row, letters: letters)
            row = drawCountdown(schedule, in: &canvas, y: row + gap, maxHeight: digitHeight(size)) + gap
            drawBody(model, section: current, in: &canvas, area: Rect(x: 0, y: row, width: size.width, height: stripRule - row))
        }
        canvas.horizontalLine(y: stripRule, x: 0)
        if let message = model.message {
            canvas.text(" \(TextWrap.cut(message, width: size.width - 6)) ", x: 2, y: stripRule, style: .warning, maxWidth: size.width - 4)
        }
        AgendaProgress.drawStrip(view, in: &canvas, y: stripRule + 1, width: size.width)
        drawStatusLine(model, in: &canvas, row: statusRow)
        MeetingScreen.drawOverlay(model, in: &canvas, bottom: stripRule)
        canvas.cursor = nil
        if model.isFlashing { canvas.invert() }
        return canvas
    }

    /// The rule above the agenda strip, its two rows and the status line.
    static func stripRule(_ size: TerminalSize) -> Int { size.height - 4 }

    /// The blank rows around the countdown: short screens give them to the notes.
    static func gap(_ size: TerminalSize) -> Int { size.height >= 20 ? 1 : 0 }

    /// The digits' height for the screen: taller screens, taller digits (3–7 rows).
    static func digitHeight(_ size: TerminalSize) -> Int {
        size.height >= 30 ? 7 : size.height >= 22 ? 5 : 3
    }

    /// The tallest block-letter title (5 or 3 rows) that leaves the body below the countdown
    /// its room: the problem tally and two prompts beside the notes (the same in every
    /// section, so the title keeps its size all meeting). 0: a bold line. Side by side only,
    /// from 100 columns: stacked, every row goes to the notes.
    static func titleHeight(_ taxonomy: Taxonomy, size: TerminalSize) -> Int {
        guard size.width >= twoColumnWidth else { return 0 }
        let gap = gap(size)
        let needed = TagMatrix.rowsNeeded(taxonomy) + 1 + 2
        return BigText.heights.first { letters in
            // Header, gap, title, gap, digits, their caption, gap: as `render` lays them out.
            let body = stripRule(size) - (1 + gap + letters + gap + digitHeight(size) + 1 + gap)
            return body >= needed
        } ?? 0
    }

    /// "3/6" and the section's title, centred: in block letters when the screen has room
    /// and the font has every character, else bold, a long title wrapping to a second row.
    /// Returns the row after it.
    private static func drawHeading(_ meeting: MeetingState, section current: Int, in canvas: inout Canvas, y: Int,
                                    letters: Int) -> Int {
        let title = meeting.agenda.sections[current].title
        let place = "\(current + 1)/\(meeting.agenda.sections.count)  "
        let room = canvas.width - 4
        if let height = BigText.height(for: title, maxWidth: room - place.count, maxHeight: letters),
           let width = BigText.width(title, height: height) {
            let x = (canvas.width - place.count - width) / 2
            canvas.text(place, x: x, y: y + height / 2, style: .muted)
            BigText.draw(title, height: height, in: &canvas, x: x + place.count, y: y, style: .title)
            return y + height
        }
        let lines = TextWrap.lines(title, width: room - place.count)
        let shown = lines.count > 2 ? [lines[0], TextWrap.cut(lines.dropFirst().joined(separator: " "), width: room - place.count)]
            : lines
        for (offset, line) in shown.enumerated() {
            let width = place.count + DisplayWidth.of(line)
            let x = max(2, (canvas.width - width) / 2)
            if offset == 0 { canvas.text(place, x: x, y: y, style: .muted) }
            canvas.text(line, x: x + place.count, y: y + offset, style: .title, maxWidth: room - place.count)
        }
        return y + max(1, shown.count)
    }

    /// The countdown in big digits, centred, and under it a line that says the same in
    /// words: how long the section has, the two-minute warning, the overrun, or the pause.
    /// Returns the row after the caption.
    private static func drawCountdown(_ schedule: Schedule, in canvas: inout Canvas, y: Int, maxHeight: Int) -> Int {
        let cue = SectionClock.cue(schedule)
        let digits = cue == .over ? "+" + short(-schedule.sectionRemaining) : short(schedule.sectionRemaining, roundingUp: true)
        let style: Style = schedule.isPaused ? .muted
            : cue == .over ? Style(.alert, bold: true) : cue == .closing ? Style(.warning, bold: true) : .title
        var row = y
        if let height = BigDigits.height(for: digits, maxWidth: canvas.width - 4, maxHeight: maxHeight) {
            let width = BigDigits.width(digits, height: height)
            BigDigits.draw(digits, height: height, in: &canvas, x: (canvas.width - width) / 2, y: row, style: style)
            row += height
        }
        let caption = caption(schedule, cue: cue)
        let width = DisplayWidth.of(caption.text)
        canvas.text(caption.text, x: max(0, (canvas.width - width) / 2), y: row, style: caption.style, maxWidth: canvas.width)
        return row + 1
    }

    /// The countdown's words: never colour alone, so the cue reads on any projector.
    static func caption(_ schedule: Schedule, cue: SectionClock.Cue) -> (text: String, style: Style) {
        let given = "of " + short(schedule.sectionAllotted)
        if schedule.isPaused {
            let paused = "❚❚ PAUSED · " + (cue == .over ? "+" + short(-schedule.sectionRemaining) + " over"
                                                           : short(schedule.sectionRemaining, roundingUp: true) + " left " + given)
            return (paused, Style(.warning, bold: true, reverse: true))
        }
        switch cue {
        case .over: return ("+" + short(-schedule.sectionRemaining) + " over", .alert)
        case .closing: return ("⚠ " + short(schedule.sectionRemaining, roundingUp: true) + " left " + given, Style(.warning, bold: true, reverse: true))
        case .running: return ("left " + given, .muted)
        }
    }

    /// "12:34", "2:05", "1:02:03": the countdown without a leading zero.
    static func short(_ milliseconds: Int, roundingUp: Bool = false) -> String {
        var text = DurationText.clock(milliseconds, roundingUp: roundingUp)
        if text.hasPrefix("0"), text.count == 5 { text.removeFirst() }
        return text
    }

    /// Below the countdown: the section's table when it has rows; else the prompts in
    /// short form and, in What went wrong, the tally; then the newest notes. Side by side
    /// on wide screens, stacked on narrow ones.
    private static func drawBody(_ model: AppModel, section current: Int, in canvas: inout Canvas, area: Rect) {
        guard area.height > 1 else { return }
        let section = model.meeting.agenda.sections[current]
        // A section of numbers shows its table to the room, across the screen, with the
        // newest notes under it, up to three (the prompts give way: the numbers are what is
        // discussed).
        let notesKept = 1 + max(1, min(3, model.meeting.visibleNotes(inSection: current).count))
        if let table = model.tablePane, !table.rows.isEmpty, area.height >= 2 + notesKept {
            let rows = min(table.preferredHeight(width: area.width), area.height - notesKept)
            table.draw(in: &canvas, area: Rect(x: area.x, y: area.y, width: area.width, height: rows))
            drawNotes(model, in: &canvas, area: Rect(x: area.x, y: area.y + rows, width: area.width, height: area.height - rows))
            return
        }
        if area.width >= twoColumnWidth {
            let left = Rect(x: area.x, y: area.y, width: area.width * 2 / 5, height: area.height)
            var y = left.y
            let tallyRows = section.kind == .problems ? TagMatrix.rowsNeeded(model.meeting.agenda.taxonomy) + 1 : 0
            y += drawPrompts(section, in: &canvas, area: Rect(x: left.x, y: y, width: left.width, height: left.height - tallyRows))
            if section.kind == .problems {
                drawTally(model.meeting, in: &canvas, area: Rect(x: left.x + 2, y: y + 1, width: left.width - 3, height: left.maxY - y - 1))
            }
            for line in area.y..<area.maxY { canvas.text("│", x: left.maxX, y: line, style: .muted) }
            drawNotes(model, in: &canvas, area: Rect(x: left.maxX + 1, y: area.y, width: area.width - left.width - 1, height: area.height))
            return
        }
        // Stacked: the notes keep at least three rows; prompts and tally take what is left.
        var y = area.y
        let spare = area.height - 4
        if spare >= 1 {
            y += drawPrompts(section, in: &canvas, area: Rect(x: area.x, y: y, width: area.width, height: min(spare, spare >= 6 ? 3 : 1)))
        }
        if section.kind == .problems {
            let rows = area.maxY - y - 4
            let taxonomy = model.meeting.agenda.taxonomy
            if rows >= TagMatrix.rowsNeeded(taxonomy), TagMatrix.draw(model.meeting, in: &canvas,
                                                                      area: Rect(x: area.x + 2, y: y, width: area.width - 4, height: TagMatrix.rowsNeeded(taxonomy))) {
                y += TagMatrix.rowsNeeded(taxonomy)
            } else if rows >= 2 {
                TagChart.draw(TagCounts(model.meeting), in: &canvas, area: Rect(x: area.x + 2, y: y, width: area.width - 4, height: 2))
                y += 2
            }
        }
        drawNotes(model, in: &canvas, area: Rect(x: area.x, y: y, width: area.width, height: area.maxY - y))
    }

    private static func drawTally(_ meeting: MeetingState, in canvas: inout Canvas, area: Rect) {
        guard area.height >= 2, !TagMatrix.draw(meeting, in: &canvas, area: area) else { return }
        TagChart.draw(TagCounts(meeting), in: &canvas, area: Rect(x: area.x, y: area.y, width: area.width, height: 2))
    }

    /// Each prompt on one row, cut at a word; returns the rows used.
    private static func drawPrompts(_ section: AgendaSection, in canvas: inout Canvas, area: Rect) -> Int {
        guard area.height > 0, !section.prompts.isEmpty else { return 0 }
        var prompts = Array(section.prompts.prefix(area.height))
        if prompts.count < section.prompts.count, var last = prompts.popLast() {
            last += " · …"
            prompts.append(last)
        }
        for (offset, prompt) in prompts.enumerated() {
            canvas.text("•", x: area.x + 2, y: area.y + offset, style: .muted)
            canvas.text(TextWrap.cut(prompt, width: area.width - 6), x: area.x + 4, y: area.y + offset, maxWidth: area.width - 5)
        }
        return prompts.count
    }

    /// The newest notes of the section, under a rule that counts them.
    private static func drawNotes(_ model: AppModel, in canvas: inout Canvas, area: Rect) {
        guard area.height >= 2 else { return }
        let notes = model.meeting.visibleNotes(inSection: model.meeting.current ?? 0)
        canvas.horizontalLine(y: area.y, x: area.x, width: area.width)
        canvas.text(" Notes · \(notes.count) ", x: area.x + 2, y: area.y, style: .muted)
        NoteList.draw(notes, numbers: model.meeting.problemNumbers, markAboveOnRule: true, in: &canvas,
                      area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1))
    }

    /// The few keys the room's terminal needs; F7 says where it goes back to.
    private static func drawStatusLine(_ model: AppModel, in canvas: inout Canvas, row: Int) {
        let shown: [Command] = [.showHelp, .switchView, .nextSection, .previousSection, .togglePause, .extendSection, .endMeeting]
        let entries = shown.compactMap { command -> (KeyMap.Binding, String)? in
            guard let binding = KeyMap.bindings.first(where: { $0.action == command && $0.context == .meeting }) else { return nil }
            if command == .switchView { return (binding, "Notes") }
            return KeyMap.statusName(of: binding, paused: model.meeting.isPaused).map { (binding, $0) }
        }
        StatusLine.draw(entries, pinned: [.showHelp, .switchView, .endMeeting], in: &canvas, row: row)
    }
}
