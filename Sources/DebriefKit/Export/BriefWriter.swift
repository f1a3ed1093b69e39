#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The internal brief: the post-mortem as Markdown for the team. Results against goals
/// (the KPI table), the creator and content tables where the agenda has them, what went
/// wrong by root cause and severity, what worked, the action items, what is still open,
/// then the rest of the discussion by section. Every piece of user text is escaped.
public enum BriefWriter {
    /// `timeZone`: where the meeting's start is written in local time (tests fix it).
    public static func markdown(header: SessionHeader, state: MeetingState, timeZone: TimeZone? = nil) -> String {
        let findings = Findings(state: state)
        var out = "# \(MarkdownText.inline(header.meeting.title))\n\n"
        out += metadata(header: header, state: state, timeZone: timeZone)
        out += results(state)
        out += tableSections(state)
        out += problems(findings)
        out += wins(findings)
        out += actionTable(findings)
        out += learnings(state)
        out += FollowThrough.markdown(state, timeZone: timeZone)
        out += openItems(findings)
        out += discussion(state)
        return out
    }

    private static func metadata(header: SessionHeader, state: MeetingState, timeZone: TimeZone?) -> String {
        let meeting = header.meeting
        var rows: [(String, String)] = [("Agenda", header.agenda.title),
                                        ("Started", LocalTime.text(stored: meeting.startedAt, in: timeZone))]
        let time = TimeAccount(state: state).seconds
        if state.endedAt != nil {
            rows.append(("Duration", DurationText.clock(time.duration * 1000)))
        } else {
            rows.append(("Status", "interrupted: captured until \(DurationText.clock(time.duration * 1000))"))
        }
        // Paused time is its own line: section times add up to the duration without it.
        if time.paused > 0 {
            rows.append(("Paused", "\(DurationText.clock(time.paused * 1000)) (not counted against any section)"))
        }
        for (label, value) in [("Client", meeting.client), ("Campaign", meeting.campaign),
                               ("Facilitator", meeting.facilitator), ("Note-taker", meeting.noteTaker)] {
            if let value, !value.isEmpty { rows.append((label, value)) }
        }
        return rows.map { "- **\($0.0):** \(MarkdownText.inline($0.1))" }.joined(separator: "\n") + "\n"
    }

    /// The KPI table, what the metrics sections captured, and time used against the plan.
    private static func results(_ state: MeetingState) -> String {
        var out = "\n## Results vs goals\n\n"
        let metrics = state.agenda.sections.indices.filter { isResults(state.agenda.sections[$0]) }
        let captured = metrics.flatMap { state.visibleNotes(inSection: $0) }
        let kpis = BriefTables.markdown(.kpis, in: state)
        if let kpis { out += kpis + (captured.isEmpty ? "" : "\n") }
        if metrics.isEmpty && kpis == nil {
            out += "This agenda has no metrics section.\n"
        } else if captured.isEmpty && kpis == nil {
            out += "No results were captured.\n"
        } else {
            out += captured.map { "- \(line(for: $0, in: state))\n" }.joined()
        }
        return out + "\n" + timeTable(state)
    }

    /// A section whose notes are results: a metrics section, or the one holding the KPIs.
    private static func isResults(_ section: AgendaSection) -> Bool {
        section.kind == .metrics || section.table == .kpis
    }

    /// The creator and content tables where the agenda has them (after the results, in
    /// the agenda's order), each under its section's title with that section's notes and
    /// questions; a table with rows but no section of its own comes after them.
    private static func tableSections(_ state: MeetingState) -> String {
        var out = ""
        for table in [RecordTable.creators, .content] where state.agenda.section(holding: table) == nil {
            if let markdown = BriefTables.markdown(table, in: state) { out += "\n## \(table.title)\n\n" + markdown }
        }
        var placed = ""
        for (index, section) in state.agenda.sections.enumerated() {
            guard let table = section.table, table != .kpis else { continue }
            // A results section's notes are under Results vs goals already.
            let notes = isResults(section) ? []
                : state.visibleNotes(inSection: index).filter { $0.kind == .note || $0.kind == .question }
            let markdown = BriefTables.markdown(table, in: state)
            guard markdown != nil || !notes.isEmpty else { continue }
            placed += "\n## \(MarkdownText.inline(section.title))\n\n" + (markdown ?? "No rows were entered in the \(table.title.lowercased()) table.\n")
            if !notes.isEmpty { placed += "\n" + notes.map { "- \(line(for: $0, in: state))\n" }.joined() }
        }
        return placed + out
    }

    /// Time used per section against the plan, and whether each was covered; paused time
    /// (and any time before the first section) on rows of their own, so that the Used
    /// column adds up to the Total, which is the Duration.
    static func timeTable(_ state: MeetingState) -> String {
        var table = MarkdownTable(["Section", "Used", "Planned", "Covered"])
        let time = TimeAccount(state: state).seconds
        let end = state.endedAt ?? state.lastEventTime
        var plannedTotal = 0
        for (index, section) in state.agenda.sections.enumerated() {
            let timing = state.sections[index]
            plannedTotal += timing.plannedMinutes + timing.extraMinutes
            var planned = "\(timing.plannedMinutes) min"
            if timing.extraMinutes > 0 { planned += " + \(timing.extraMinutes) min" }
            if timing.plannedMinutes != section.minutes { planned += " (rebalanced from \(section.minutes))" }
            let status: String
            switch state.status(section: index, at: end) {
            case .covered, .current: status = "yes"
            case .skipped: status = "skipped"
            case .notReached: status = "not reached"
            }
            table.add([section.title, DurationText.clock(time.sections[index] * 1000), planned, status])
        }
        if time.outside > 0 { table.add(["Before the first section", DurationText.clock(time.outside * 1000), "—", "—"]) }
        if time.paused > 0 { table.add(["Paused", DurationText.clock(time.paused * 1000), "—", "—"]) }
        table.add(["Total", DurationText.clock(time.duration * 1000), "\(plannedTotal) min", ""])
        return table.markdown
    }

    private static func problems(_ findings: Findings) -> String {
        let out = "\n## What went wrong\n\n"
        guard !findings.problems.isEmpty else { return out + "No problems were recorded.\n" }
        let groups = findings.problemsByRootCause.map { group in
            var text = "### \(group.rootCause.map { MarkdownText.inline(capitalized($0)) } ?? "No root cause yet")\n\n"
            for problem in group.problems {
                let severity = problem.severity.map { MarkdownText.inline(capitalized($0)) } ?? "Severity not set"
                text += "- **\(severity):** \(MarkdownText.inline(problem.text))\n"
            }
            return text
        }
        return out + groups.joined(separator: "\n")
    }

    /// "client-side" → "Client-side": only the first letter, so taxonomy words stay recognisable.
    static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

    private static func wins(_ findings: Findings) -> String {
        var out = "\n## What worked\n\n"
        if findings.wins.isEmpty { return out + "No wins were recorded.\n" }
        for win in findings.wins { out += "- \(MarkdownText.inline(win.text))\n" }
        return out
    }

    /// The learnings for the client's log, in the words the log keeps (with the note's own
    /// words beside a rewrite), and the nudge when there are not 3–5.
    private static func learnings(_ state: MeetingState) -> String {
        var out = "\n## Learnings for the client's log\n\n"
        let learnings = state.learnings
        for note in learnings {
            out += "- \(MarkdownText.inline(note.learning))"
            if note.learningText != nil { out += " _(noted as: \(MarkdownText.inline(note.text)))_" }
            out += "\n"
        }
        if learnings.isEmpty { out += "No learnings were marked.\n" }
        if let nudge = LearningNudge.summary(count: learnings.count) {
            out += (learnings.isEmpty ? "" : "\n") + "_\(MarkdownText.inline(nudge))_\n"
        }
        return out
    }

    private static func actionTable(_ findings: Findings) -> String {
        let out = "\n## Action items\n\n"
        if findings.actions.isEmpty { return out + "No action items were recorded.\n" }
        var table = MarkdownTable(["Action", "Owner", "Due", "Problem"])
        for action in findings.actions {
            table.add([action.text, action.content.owner ?? "—", action.content.due ?? "—",
                       findings.problem(for: action)?.text ?? "—"])
        }
        return out + table.markdown
    }

    private static func openItems(_ findings: Findings) -> String {
        var out = "\n## Open items\n\n"
        let items = findings.openItems
        if items.isEmpty {
            // "every problem has an action" would be an odd comfort when there were none.
            return out + (findings.problems.isEmpty ? "Nothing open.\n"
                                                    : "Nothing open: every problem has an action with an owner and a due date.\n")
        }
        for item in items {
            let kind = item.note.kind == .problem ? "Problem" : "Action"
            out += "- [ ] \(kind) “\(MarkdownText.inline(item.note.text))”: \(item.missing)\n"
        }
        return out
    }

    /// What the sections above leave out: plain notes and questions, by section. Results,
    /// problems, wins and actions appear once, above, so the brief stays short.
    private static func discussion(_ state: MeetingState) -> String {
        var out = "\n## Discussion by section\n"
        var anything = false
        // Sections holding a table printed their notes beside it, above.
        for (index, section) in state.agenda.sections.enumerated() where !isResults(section) && section.table == nil {
            let notes = state.visibleNotes(inSection: index).filter { $0.kind == .note || $0.kind == .question }
            guard !notes.isEmpty else { continue }
            anything = true
            out += "\n### \(MarkdownText.inline(section.title))\n\n"
            for note in notes { out += "- \(line(for: note, in: state))\n" }
        }
        return anything ? out : out + "\nNo other notes were taken.\n"
    }

    static func line(for note: Note, in state: MeetingState) -> String {
        var line = "`\(DurationText.clock(note.t))` "
        if note.kind != .note { line += "**\(note.kind.rawValue.capitalized):** " }
        line += MarkdownText.inline(note.text)
        if note.kind == .problem {
            line += " (root cause: \(note.rootCause.map(MarkdownText.inline) ?? "untagged"), severity: \(note.severity.map(MarkdownText.inline) ?? "untagged"))"
        }
        if note.kind == .action {
            line += " (owner: \(note.content.owner.map(MarkdownText.inline) ?? "none"), due: \(note.content.due.map(MarkdownText.inline) ?? "none"))"
        }
        return line
    }
}
