#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `debrief show`: the session as plain text for the terminal. Metadata, each section with
/// time used against plan, its table of numbers and its items (kind, tags, owner, due),
/// then the action items.
/// Every piece of user text goes through `VisibleText`: no escape sequence reaches the terminal.
/// A note of several lines prints them as continuation lines under its first.
public enum SessionText {
    /// `timeZone`: where the meeting's start is written in local time (tests fix it).
    public static func render(header: SessionHeader, state: MeetingState, timeZone: TimeZone? = nil) -> String {
        let meeting = header.meeting
        let findings = Findings(state: state)
        var out = "\(VisibleText.line(meeting.title))\n"
        var facts: [(String, String?)] = [
            ("Agenda", header.agenda.title), ("Started", LocalTime.text(stored: meeting.startedAt, in: timeZone)),
            ("Client", meeting.client), ("Campaign", meeting.campaign),
            ("Facilitator", meeting.facilitator), ("Note-taker", meeting.noteTaker),
        ]
        let end = state.endedAt ?? state.lastEventTime
        let time = TimeAccount(state: state).seconds
        let duration = DurationText.clock(time.duration * 1000)
        facts.append(state.hasEnded ? ("Duration", duration) : ("Status", "interrupted (captured until \(duration))"))
        if time.paused > 0 { facts.append(("Paused", "\(DurationText.clock(time.paused * 1000)) (in no section)")) }
        for case let (label, value?) in facts where !value.isEmpty {
            out += "  \(label.padded(toLength: 12))\(VisibleText.line(value))\n"
        }
        for (index, section) in state.agenda.sections.enumerated() {
            let timing = state.sections[index]
            let used = DurationText.clock(time.sections[index] * 1000)
            let planned = timing.plannedMinutes + timing.extraMinutes
            var status = ""
            switch state.status(section: index, at: end) {
            case .skipped: status = ", skipped"
            case .notReached: status = ", not reached"
            case .covered, .current: break
            }
            out += "\n\(index + 1). \(VisibleText.line(section.title))  [\(used) used of \(planned) min\(status)]\n"
            if let table = section.table, case let records = state.records(in: table), !records.isEmpty {
                out += "   \(table.title) · \(records.count) row\(records.count == 1 ? "" : "s")\n"
                out += TableText.render(records, table: table, indent: "   ")
            }
            let notes = state.visibleNotes(inSection: index)
            if notes.isEmpty { out += "   (no notes)\n" }
            for note in notes { out += "   \(item(note, findings, numbers: state.problemNumbers))\n" }
        }
        out += "\nAction items (\(findings.actions.count))\n"
        if findings.actions.isEmpty { out += "   (none)\n" }
        for action in findings.actions {
            let text = lines(action.text, indent: 5)
            var line = "   - \(text.first) · owner: \(VisibleText.line(action.content.owner ?? "none"))"
            line += " · due: \(VisibleText.line(action.content.due ?? "none"))"
            if let problem = findings.problem(for: action) { line += " · for: \(VisibleText.line(problem.text))" }
            out += line + text.rest + "\n"
        }
        let open = findings.openItems
        if !open.isEmpty {
            out += "\nOpen items (\(open.count))\n"
            for item in open {
                let text = lines(item.note.text, indent: 5)
                out += "   - \(text.first): \(item.missing)\(text.rest)\n"
            }
        }
        return out
    }

    /// `numbers`: problems as the meeting numbered them (1, 2, 3…), never note ids.
    static func item(_ note: Note, _ findings: Findings, numbers: ProblemNumbers) -> String {
        let head = "\(DurationText.clock(note.t))  \(note.kind.rawValue.uppercased().padded(toLength: 9))"
        let text = lines(note.text, indent: 3 + head.count)
        let line = head + text.first
        var tags: [String] = []
        if note.kind == .problem {
            tags.append("root cause: \(note.rootCause.map(VisibleText.line) ?? "untagged")")
            tags.append("severity: \(note.severity.map(VisibleText.line) ?? "untagged")")
        }
        if note.kind == .action {
            tags.append("owner: \(note.content.owner.map(VisibleText.line) ?? "none")")
            tags.append("due: \(note.content.due.map(VisibleText.line) ?? "none")")
            if let problem = findings.problem(for: note) { tags.append("for problem \(numbers.label(of: problem.id))") }
        }
        if note.kind == .problem { tags.insert(numbers.label(of: note.id), at: 0) }
        if let visible = note.clientVisible { tags.append(visible ? "client-visible" : "internal") }
        if note.isLearning { tags.append(note.learningText.map { "learning: \(VisibleText.line($0))" } ?? "learning") }
        return (tags.isEmpty ? line : line + "  (" + tags.joined(separator: ", ") + ")") + text.rest
    }

    /// A note's first line, and its other lines each on a new line under it, indented to
    /// the text's column (`rest` is empty for a one-line note). Controls stay visible.
    static func lines(_ text: String, indent: Int) -> (first: String, rest: String) {
        let parts = text.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let shown = parts.map { VisibleText.line(String($0).replacingAll("\t", with: "    ")) }
        let margin = String(repeating: " ", count: indent)
        return (shown.first ?? "", shown.dropFirst().map { "\n" + margin + $0 }.joined())
    }
}
