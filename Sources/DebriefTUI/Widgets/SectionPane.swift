import DebriefKit

/// The facilitator's pane: the current section, its countdown (or overrun), a progress
/// bar, and the prompts that keep the room on track.
public enum SectionPane {
    /// - Parameters:
    ///   - collapsed: the prompts on one line (Ctrl-P, or a short screen).
    ///   - namesKey: a cut prompt line says "Ctrl-P: all" (not in replay, where no key flips it).
    public static func draw(_ model: AppModel, schedule: Schedule, in canvas: inout Canvas, area: Rect, collapsed: Bool = false,
                            namesKey: Bool = true) {
        guard let current = model.meeting.current, area.height > 0 else { return }
        let section = model.meeting.agenda.sections[current]
        drawClockRows(model, schedule: schedule, in: &canvas, area: area)
        guard area.height > 1 else { return }

        if let table = model.tablePane {
            // The section's table under its prompts (one line unless Ctrl-P shows them all).
            var top = area.y + 2
            if collapsed {
                drawPromptLine(section, in: &canvas, x: area.x, y: top, width: area.width, namesKey: namesKey)
                top += 1
            } else {
                let rows = min(promptLines(section, width: area.width).count, max(1, area.maxY - top - 3))
                drawPrompts(section, in: &canvas, area: Rect(x: area.x, y: top, width: area.width, height: rows))
                top += rows
            }
            table.draw(in: &canvas, area: Rect(x: area.x, y: top, width: area.width, height: area.maxY - top))
            return
        }
        if collapsed {
            drawPromptLine(section, in: &canvas, x: area.x, y: area.y + 2, width: area.width, namesKey: namesKey)
            if section.kind == .problems, area.height >= collapsedRows + 2 {
                TagChart.draw(TagCounts(model.meeting), in: &canvas, area: Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: 2))
            }
            return
        }
        // The What-went-wrong pane charts the problems by root cause and severity, live.
        var textArea = Rect(x: area.x, y: area.y + headerRows, width: area.width, height: area.height - headerRows)
        if section.kind == .problems {
            let counts = TagCounts(model.meeting)
            switch chartPlacement(width: area.width) {
            case .beside:
                TagChart.draw(counts, in: &canvas, area: Rect(x: area.maxX - TagChart.fullWidth - 1, y: textArea.y,
                                                             width: TagChart.fullWidth, height: textArea.height))
                textArea.width -= TagChart.fullWidth + 2
            case .below where textArea.height >= 3:
                TagChart.draw(counts, in: &canvas, area: Rect(x: area.x + 1, y: area.maxY - 2, width: area.width - 2, height: 2))
                textArea.height -= 2
            case .below:
                break
            }
        }
        drawPrompts(section, in: &canvas, area: textArea)
    }

    /// The pane's rows that change with the clock alone: the heading with the countdown,
    /// and the progress bar under it (`clockRows` of them, fewer in a shorter pane).
    static func drawClockRows(_ model: AppModel, schedule: Schedule, in canvas: inout Canvas, area: Rect) {
        guard let current = model.meeting.current, area.height > 0 else { return }
        let agenda = model.meeting.agenda
        let clock = SectionClock.text(schedule)
        let clockWidth = DisplayWidth.of(clock)
        let heading = "\(current + 1)/\(agenda.sections.count)  \(agenda.sections[current].title)"
        canvas.text(heading, x: area.x + 1, y: area.y, style: .title, maxWidth: area.width - clockWidth - 3)
        canvas.text(clock, x: area.maxX - clockWidth - 1, y: area.y, style: SectionClock.style(schedule))
        guard area.height > 1 else { return }
        drawProgress(schedule, in: &canvas, x: area.x + 1, y: area.y + 1, width: area.width - 2)
    }

    static let clockRows = 2

    /// Rows the pane needs to show everything: heading, progress bar, a blank row, the
    /// prompts and guidance, and the tag chart. The screen gives it that much if it can.
    public static func preferredHeight(_ model: AppModel, width: Int) -> Int {
        guard let current = model.meeting.current else { return 0 }
        let section = model.meeting.agenda.sections[current]
        guard section.kind == .problems else { return headerRows + promptLines(section, width: width).count }
        switch chartPlacement(width: width) {
        case .beside:
            let text = promptLines(section, width: width - TagChart.fullWidth - 2).count
            return headerRows + max(text, TagChart.rowsNeeded(model.meeting.agenda.taxonomy))
        case .below:
            return headerRows + promptLines(section, width: width).count + 2
        }
    }

    /// Heading, progress bar and a blank row above the prompts.
    private static let headerRows = 3

    /// Rows of a collapsed pane: heading, progress bar, the prompts on one line. The
    /// What-went-wrong chart takes two more when they are given.
    public static let collapsedRows = 3

    /// The rows a collapsed pane would like: the chart's two rows in What went wrong.
    public static func collapsedHeight(_ model: AppModel) -> Int {
        guard let current = model.meeting.current else { return 0 }
        return collapsedRows + (model.meeting.agenda.sections[current].kind == .problems ? 2 : 0)
    }

    /// Every prompt on one row, cut at a word with "…" when they do not all fit.
    private static func drawPromptLine(_ section: AgendaSection, in canvas: inout Canvas, x: Int, y: Int, width: Int, namesKey: Bool) {
        let all = section.prompts.joined(separator: " · ")
        var room = width - 4
        guard room > 1 else { return }
        var line = all
        if DisplayWidth.of(all) > room {
            // Say how to see the rest, when there is room to say it.
            let more = "Ctrl-P: all"
            if namesKey, room > 40 {
                canvas.text(more, x: x + width - more.count - 1, y: y, style: .muted)
                room -= more.count + 2
            }
            line = (TextWrap.lines(all, width: room - 1).first ?? "").trimmingTrailingSpaces
            while line.hasSuffix("·") || line.hasSuffix(" ") { line.removeLast() }
            line += "…"
        }
        canvas.text("•", x: x + 1, y: y, style: .muted)
        canvas.text(line, x: x + 3, y: y, maxWidth: room)
    }

    private enum ChartPlacement { case beside, below }

    private static func chartPlacement(width: Int) -> ChartPlacement {
        width >= TagChart.fullWidth + 40 ? .beside : .below
    }

    /// One row of the prompts block: a bulleted prompt line, a blank row, or guidance.
    private struct PromptLine {
        var text: String
        var bullet = false
        var isGuidance = false
    }

    /// The prompts, bulleted and wrapped, then the guidance after a blank row.
    private static func promptLines(_ section: AgendaSection, width: Int) -> [PromptLine] {
        var lines: [PromptLine] = []
        for prompt in section.prompts {
            for (index, line) in TextWrap.lines(prompt, width: width - 4).enumerated() {
                lines.append(PromptLine(text: line, bullet: index == 0))
            }
        }
        if let guidance = section.guidance {
            lines.append(PromptLine(text: ""))
            lines += TextWrap.lines(guidance, width: width - 2).map { PromptLine(text: $0, isGuidance: true) }
        }
        return lines
    }

    /// Draws what fits; a cut-off text ends in "…" so nobody reads half a sentence as whole.
    private static func drawPrompts(_ section: AgendaSection, in canvas: inout Canvas, area: Rect) {
        guard area.height > 0 else { return }
        var lines = promptLines(section, width: area.width)
        if lines.count > area.height {
            let all = lines
            lines = Array(lines.prefix(area.height))
            // A cut on the blank row before the guidance shows the guidance's first words instead.
            if lines.last?.text.isEmpty == true { lines[lines.count - 1] = all[lines.count] }
            if var last = lines.popLast() {
                let room = area.width - (last.isGuidance ? 2 : 4) - 1
                last.text = (TextWrap.lines(last.text, width: room).first ?? "") + "…"
                lines.append(last)
            }
        }
        for (row, line) in lines.enumerated() {
            let y = area.y + row
            if line.isGuidance {
                canvas.text(line.text, x: area.x + 1, y: y, style: .muted)
            } else {
                if line.bullet { canvas.text("•", x: area.x + 1, y: y, style: .muted) }
                canvas.text(line.text, x: area.x + 3, y: y)
            }
        }
    }

    private static func drawProgress(_ schedule: Schedule, in canvas: inout Canvas, x: Int, y: Int, width: Int) {
        guard width > 2, schedule.sectionAllotted > 0 else { return }
        let fraction = min(1, Double(schedule.sectionElapsed) / Double(schedule.sectionAllotted))
        let filled = Int(fraction * Double(width))
        let style: Style = schedule.isOverrun ? .warning : .success
        canvas.run(of: "━", count: filled, x: x, y: y, style: style)
        canvas.run(of: "─", count: width - filled, x: x + filled, y: y, style: .muted)
    }
}
