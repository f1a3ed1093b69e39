import Foundation

/// The internal brief: a readable Markdown account of the meeting, section by section.
public enum BriefWriter {
    public static func markdown(header: SessionHeader, state: MeetingState) -> String {
        var out = "# \(MarkdownText.inline(header.meeting.title))\n\n"
        out += metadata(header: header, state: state)
        let end = state.endedAt ?? state.lastEventTime
        for (index, section) in state.agenda.sections.enumerated() {
            let used = state.elapsed(section: index, at: end)
            let timing = state.sections[index]
            var planned = "\(timing.plannedMinutes) min planned"
            if timing.extraMinutes > 0 { planned += " + \(timing.extraMinutes) min extended" }
            out += "\n## \(MarkdownText.inline(section.title))\n\n"
            out += "_\(DurationText.clock(used)) used of \(planned)_\n\n"
            let notes = state.visibleNotes(inSection: index)
            if notes.isEmpty {
                out += "No notes.\n"
            }
            for note in notes {
                out += "- \(line(for: note, in: state))\n"
            }
        }
        return out
    }

    private static func metadata(header: SessionHeader, state: MeetingState) -> String {
        let meeting = header.meeting
        var rows: [(String, String)] = [("Agenda", header.agenda.title), ("Started", meeting.startedAt)]
        if let end = state.endedAt { rows.append(("Duration", DurationText.clock(end))) }
        for (label, value) in [("Client", meeting.client), ("Campaign", meeting.campaign),
                               ("Facilitator", meeting.facilitator), ("Note-taker", meeting.noteTaker)] {
            if let value, !value.isEmpty { rows.append((label, value)) }
        }
        return rows.map { "- **\($0.0):** \(MarkdownText.inline($0.1))" }.joined(separator: "\n") + "\n"
    }

    static func line(for note: Note, in state: MeetingState) -> String {
        var line = "`\(DurationText.clock(note.t))` "
        if note.kind != .note { line += "**\(note.kind.rawValue.capitalized):** " }
        line += MarkdownText.inline(note.text)
        if note.kind == .problem {
            line += " (root cause: \(note.rootCause.map(MarkdownText.inline) ?? "untagged"), severity: \(note.severity.map(MarkdownText.inline) ?? "untagged"))"
        }
        if note.kind == .action {
            line += " (owner: \(note.content.owner.map(MarkdownText.inline) ?? "none"), due: \(note.content.due ?? "none"))"
        }
        return line
    }
}
