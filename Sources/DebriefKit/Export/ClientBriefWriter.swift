import Foundation

/// The client-facing summary: results, what we learned (wins, and problems turned into
/// learnings with what we will do about them), and recommendations. Reads notes only
/// through `ClientVisibility`; never prints tags, severities, times or internal names.
public enum ClientBriefWriter {
    public static func markdown(header: SessionHeader, state: MeetingState, withOwners: Bool = false,
                                timeZone: TimeZone = .current) -> String {
        let meeting = header.meeting
        var out = "# \(MarkdownText.inline(meeting.title))\n\n"
        let about = [meeting.client, meeting.campaign].compactMap { $0 }.filter { !$0.isEmpty }
        // The local day of the meeting: a late-evening meeting is not dated tomorrow.
        let date = meeting.startDate.map { CalendarDay($0, in: timeZone).description } ?? String(meeting.startedAt.prefix(10))
        out += "_" + (about.map(MarkdownText.inline) + [MarkdownText.inline(date)]).joined(separator: " · ") + "_\n"

        // The numbers first (KPIs against targets, the best pieces), then the shared notes.
        out += ClientResults.section(state: state, notes: ClientVisibility.shared(.note, in: state).map(\.text))

        let actions = ClientVisibility.shared(.action, in: state)
        let wins = ClientVisibility.shared(.win, in: state)
        let problems = ClientVisibility.shared(.problem, in: state)
        out += "\n## What we learned\n\n"
        if wins.isEmpty && problems.isEmpty { out += "No learnings were shared from this session.\n" }
        for win in wins { out += "- **What worked:** \(MarkdownText.inline(win.text))\n" }
        for problem in problems {
            out += "- **What we will improve:** \(MarkdownText.inline(problem.text))\n"
            for action in actions where action.problem == problem.id {
                out += "  - Next time: \(MarkdownText.inline(action.text))\n"
            }
        }

        out += "\n## Recommendations\n\n"
        if actions.isEmpty { out += "No recommendations were shared from this session.\n" }
        for action in actions {
            var line = "- \(MarkdownText.inline(action.text))"
            var details: [String] = []
            if withOwners, let owner = action.content.owner, !owner.isEmpty { details.append("owner: \(MarkdownText.inline(owner))") }
            if let due = action.content.due, !due.isEmpty { details.append("by \(MarkdownText.inline(due))") }
            if !details.isEmpty { line += " (\(details.joined(separator: ", ")))" }
            out += line + "\n"
        }

        let questions = ClientVisibility.shared(.question, in: state)
        if !questions.isEmpty {
            out += "\n## Open questions\n\n" + questions.map { "- \(MarkdownText.inline($0.text))\n" }.joined()
        }
        return out
    }
}
