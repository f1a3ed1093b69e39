import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Where the meeting is in its agenda: every section with its state, total time used,
/// the expected end, and how far ahead or behind the meeting runs.
public enum AgendaProgress {
    /// One line per section, for wide screens.
    public static func drawList(_ model: MeetingView, in canvas: inout Canvas, area: Rect) {
        let meeting = model.meeting
        let proposal = model.rebalance
        canvas.text("Agenda", x: area.x + 1, y: area.y, style: .title)
        var row = area.y + 2
        for (index, section) in meeting.agenda.sections.enumerated() where row < area.maxY - 4 {
            let used = meeting.elapsed(section: index, at: model.now)
            let allotted = meeting.sections[index].allottedMilliseconds
            let status = meeting.status(section: index, at: model.now)
            let isCurrent = status == .current
            let (marker, style) = look(status, notReached: " ")
            // A skipped section says so in words where its time would be: its time is still owed.
            var time = status == .skipped ? "skipped" : "\(used / 60_000)/\(allotted / 60_000)m"
            // Running behind: what the section would get if the meeting still ends on time (F8).
            if let proposed = proposal?.first(where: { $0.section == section.id }) {
                time = "\(allotted / 60_000)→\(proposed.minutes)m"
            }
            let width = area.width - 2
            canvas.fill(x: area.x + 1, y: row, width: width, height: 1, style: style)
            canvas.text("\(marker) \(section.title)", x: area.x + 1, y: row, style: style, maxWidth: width - time.count - 1)
            canvas.text(time, x: area.x + 1 + width - time.count, y: row,
                        style: used > allotted || status == .skipped ? Style(.warning, bold: true, reverse: isCurrent) : style)
            row += 1
        }
        // On a tall screen the totals follow the list, where the eye already is, rather
        // than sitting fifty rows below it.
        drawTotals(model, in: &canvas, x: area.x + 1, y: min(area.maxY - 3, row + 1), width: area.width - 2, stacked: true)
    }

    /// Rows of the strip: one of section markers and one of totals.
    static let stripRows = 2

    /// One line of section markers and one of totals, for narrow screens.
    public static func drawStrip(_ model: MeetingView, in canvas: inout Canvas, y: Int, width: Int) {
        let meeting = model.meeting
        let cells = stripCells(meeting, width: width - 1)
        var x = 1
        for (index, _) in meeting.agenda.sections.enumerated() {
            let (marker, style) = look(meeting.status(section: index, at: model.now))
            canvas.text("\(marker)\(cells[index].title)", x: x, y: y, style: style, maxWidth: cells[index].width - 1)
            x += cells[index].width
        }
        drawTotals(model, in: &canvas, x: 1, y: y + 1, width: width - 2, stacked: false)
    }

    /// A section's marker and style: ▶ current, ✓ covered, ↷ skipped, · not reached yet.
    private static func look(_ status: SectionStatus, notReached: String = "·") -> (String, Style) {
        switch status {
        case .current: return ("▶", .selected)
        case .covered: return ("✓", .muted)
        case .skipped: return ("↷", .warning)
        case .notReached: return (notReached, .normal)
        }
    }

    /// The strip's cells: every title whole when they all fit; else the current section's
    /// whole (up to half the row) and the others sharing the rest, each cut at a word
    /// ("What went", never "What went w"), or with "…" when even its first word is too long.
    static func stripCells(_ meeting: MeetingState, width: Int) -> [(title: String, width: Int)] {
        let titles = meeting.agenda.sections.map(\.title)
        let natural = titles.map { DisplayWidth.of($0) + 2 }
        guard natural.reduce(0, +) > width, !titles.isEmpty else { return zip(titles, natural).map { ($0, $1) } }
        let current = meeting.current.flatMap { titles.indices.contains($0) ? $0 : nil }
        let currentWidth = current.map { min(natural[$0], width / 2) } ?? 0
        let others = titles.count - (current == nil ? 0 : 1)
        let share = max(3, (width - currentWidth) / max(1, others))
        return titles.indices.map { index in
            let cell = index == current ? currentWidth : share
            return (cut(titles[index], width: cell - 2), cell)
        }
    }

    private static func cut(_ title: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(title) > width else { return title }
        let words = TextWrap.lines(title, width: width).first ?? ""
        if title.hasPrefix(words + " ") { return words }
        return String(words.prefix(max(0, width - 1))) + "…"
    }

    /// Elapsed, the expected end and the slip; while paused, PAUSED first, in words. The
    /// strip drops whole parts from its end when they do not fit, never half a figure.
    private static func drawTotals(_ model: MeetingView, in canvas: inout Canvas, x: Int, y: Int, width: Int, stacked: Bool) {
        let schedule = Schedule(state: model.meeting, now: model.now)
        var parts: [(String, Style)] = []
        if schedule.isPaused {
            parts.append(("❚❚ PAUSED \(DurationText.clock(schedule.paused))", Style(.warning, bold: true, reverse: true)))
        }
        parts.append(("Elapsed \(DurationText.clock(schedule.worked)) of \(DurationText.clock(schedule.plannedEnd))", .normal))
        if schedule.slip >= 60_000 {
            parts.append(("\(DurationText.minutes(schedule.slip)) behind", .warning))
        } else if schedule.slip <= -60_000 {
            parts.append(("\(DurationText.minutes(schedule.slip)) ahead", .success))
        } else {
            parts.append(("on time", .success))
        }
        parts.append(("ends ~\(wallClock(model, meetingTime: schedule.projectedEnd))", .normal))
        if schedule.skipped > 0 { parts.append(("\(schedule.skipped) skipped", .warning)) }
        // Behind: the sections not reached yet, fitted to end on time (F8 accepts). The
        // column shows each section's minutes; the strip lists them when it has room.
        if let proposal = model.rebalance {
            if stacked {
                // Paused, the slip's row holds the expected end too: no room for more.
                if !schedule.isPaused { parts[1].0 += " · F8 fits" }
            } else {
                parts.append(("F8 → " + proposal.map { "\($0.minutes)" }.joined(separator: "/") + " min", .warning))
            }
        } else if !stacked, let plan = rebalancedPlan(model) {
            // After F8 the room still sees what the rest now gets (the column shows it as 0/9m).
            parts.append(("rebalanced: " + plan.map(String.init).joined(separator: "/") + " min", .normal))
        }
        if stacked {
            // The column has three rows: PAUSED shares the first with nothing else.
            let rows = schedule.isPaused ? [parts[0], parts[1], (parts[2].0 + " · " + parts[3].0, parts[2].1)]
                                         : Array(parts.prefix(3))
            for (offset, part) in rows.enumerated() { canvas.text(part.0, x: x, y: y + offset, style: part.1, maxWidth: width) }
        } else {
            var column = x
            for (index, part) in parts.enumerated() {
                let text = (index == 0 ? "" : " · ") + part.0
                guard column - x + DisplayWidth.of(text) <= width else { break }
                if index > 0 { column += canvas.text(" · ", x: column, y: y) }
                column += canvas.text(part.0, x: column, y: y, style: part.1)
            }
        }
    }

    /// The minutes of the sections not reached yet, when F8 changed any of them; else nil.
    private static func rebalancedPlan(_ model: MeetingView) -> [Int]? {
        let meeting = model.meeting
        let rest = meeting.agenda.sections.indices.filter {
            if case .notReached = meeting.status(section: $0, at: model.now) { true } else { false }
        }
        guard rest.contains(where: { meeting.sections[$0].plannedMinutes != meeting.agenda.sections[$0].minutes }) else { return nil }
        return rest.map { meeting.sections[$0].plannedMinutes + meeting.sections[$0].extraMinutes }
    }

    /// The wall-clock time (HH:mm) at which meeting time `t` falls.
    static func wallClock(_ model: MeetingView, meetingTime t: Int) -> String {
        guard let start = model.clockZero else { return "--:--" }
        let date = start.addingTimeInterval(Double(t) / 1000 / max(0.001, model.info.timeScale))
        // Plain arithmetic on the zone's offset: this runs every frame, and a calendar
        // lookup cost more than the rest of the agenda strip together.
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + secondsFromGMT(at: date)
        let minuteOfDay = ((local / 60) % 1440 + 1440) % 1440
        return twoDigits(minuteOfDay / 60) + ":" + twoDigits(minuteOfDay % 60)
    }

    /// The zone's offset in the minute last asked about. Asking the zone took a lock and an
    /// ICU call every frame (3 % of a keystroke); offsets only change on a whole minute.
    private static let lastOffset = Mutex<(minute: Int, seconds: Int)?>(nil)

    private static func secondsFromGMT(at date: Date) -> Int {
        let minute = Int((date.timeIntervalSince1970 / 60).rounded(.down))
        return lastOffset.withLock { last in
            if let last, last.minute == minute { return last.seconds }
            let seconds = CivilTime.offset(at: date, in: nil)
            last = (minute, seconds)
            return seconds
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
