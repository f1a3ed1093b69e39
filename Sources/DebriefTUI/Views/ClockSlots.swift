import DebriefKit

/// Where a meeting frame shows the time, and how those parts are drawn again: the section
/// pane's heading with its countdown and the progress bar under it, and the agenda (each
/// section's minutes, the totals, the expected end, a running-behind proposal). Nothing
/// else on the frame changes with the clock alone, so when a shown clock turns over the
/// kept frame gets these redrawn instead of a whole new frame: once a second while a
/// meeting runs, idle or typing (`IncrementalScreenTests` compares it with a full render).
struct ClockSlots: Sendable {
    var layout: MeetingLayout
    /// The row of the status line: the agenda column ends above it.
    var statusRow: Int

    /// Draws the time-dependent parts for `model.now` over what the frame showed before.
    func draw(_ model: AppModel, in canvas: inout Canvas) {
        let pane = layout.pane
        if model.meeting.current != nil, pane.height > 0 {
            canvas.fill(x: pane.x, y: pane.y, width: pane.width, height: min(SectionPane.clockRows, pane.height))
            SectionPane.drawClockRows(model, schedule: Schedule(state: model.meeting, now: model.now), in: &canvas, area: pane)
        }
        // The agenda's own area, blank, then drawn as the full frame draws it (the column's
        // border and the strip's rule again with it, unchanged).
        if layout.isWide {
            canvas.fill(x: 0, y: 2, width: MeetingLayout.sidebarWidth - 1, height: statusRow - 2)
        } else {
            canvas.fill(x: 0, y: layout.stripRule + 1, width: canvas.width, height: AgendaProgress.stripRows)
        }
        layout.drawAgenda(model, in: &canvas, bottom: statusRow)
    }
}
