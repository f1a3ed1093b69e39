import DebriefKit

/// The facilitator's pane: the current section, its countdown (or overrun), a progress
/// bar, and the prompts that keep the room on track.
public enum SectionPane {
    public static func draw(_ model: AppModel, schedule: Schedule, in canvas: inout Canvas, area: Rect) {
        guard let current = model.meeting.current, area.height > 0 else { return }
        let agenda = model.meeting.agenda
        let section = agenda.sections[current]
        let clock = clockText(schedule, paused: model.meeting.isPaused)
        let clockStyle: Style = schedule.isOverrun ? .alert : (model.meeting.isPaused ? .muted : .title)
        let heading = "\(current + 1)/\(agenda.sections.count)  \(section.title)"
        canvas.text(heading, x: area.x + 1, y: area.y, style: .title, maxWidth: area.width - clock.count - 3)
        canvas.text(clock, x: area.maxX - clock.count - 1, y: area.y, style: clockStyle)
        guard area.height > 1 else { return }
        drawProgress(schedule, in: &canvas, x: area.x + 1, y: area.y + 1, width: area.width - 2)

        // The What-went-wrong pane charts the problems by root cause and severity, live.
        var textArea = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
        if section.kind == .problems {
            let counts = TagCounts(model.meeting)
            if area.width >= TagChart.fullWidth + 40 {
                TagChart.draw(counts, in: &canvas, area: Rect(x: area.maxX - TagChart.fullWidth - 1, y: textArea.y,
                                                             width: TagChart.fullWidth, height: textArea.height))
                textArea.width -= TagChart.fullWidth + 2
            } else if textArea.height >= 3 {
                TagChart.draw(counts, in: &canvas, area: Rect(x: area.x + 1, y: area.maxY - 2, width: area.width - 2, height: 2))
                textArea.height -= 2
            }
        }
        drawPrompts(section, in: &canvas, area: textArea)
    }

    private static func drawPrompts(_ section: AgendaSection, in canvas: inout Canvas, area: Rect) {
        var row = area.y
        let textWidth = area.width - 4
        for prompt in section.prompts {
            for (index, line) in TextWrap.lines(prompt, width: textWidth).enumerated() {
                guard row < area.maxY else { return }
                canvas.text(index == 0 ? "•" : " ", x: area.x + 1, y: row, style: .muted)
                canvas.text(line, x: area.x + 3, y: row)
                row += 1
            }
        }
        if let guidance = section.guidance, row + 1 < area.maxY {
            row += 1
            for line in TextWrap.lines(guidance, width: textWidth + 2) where row < area.maxY {
                canvas.text(line, x: area.x + 1, y: row, style: .muted)
                row += 1
            }
        }
    }

    static func clockText(_ schedule: Schedule, paused: Bool) -> String {
        let body: String
        if schedule.isOverrun {
            body = "OVER +" + DurationText.clock(-schedule.sectionRemaining)
        } else {
            body = DurationText.clock(schedule.sectionRemaining, roundingUp: true) + " left"
        }
        return paused ? "PAUSED " + body : body
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
