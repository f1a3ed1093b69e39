import Foundation

/// The client version, about one page in the playbook's shape: results, top-performing
/// content, what we learned, recommendations for the next campaign. Reads notes only
/// through `ClientVisibility`; never prints tags, severities, times or internal names.
public enum ClientBriefWriter {
    /// What the client version holds: the lines that go out, and the ones held back (they
    /// name people, or the user held them in `--review`).
    public struct Plan: Sendable {
        public var lines: [ClientVisibility.Line]
        public var included: [ClientVisibility.Line]
        public var heldBack: [ClientVisibility.Line]
        /// Held back because they name people and nobody let them out.
        public var namingPeople: [ClientVisibility.Line] { heldBack.filter { !$0.names.isEmpty } }
    }

    public static func plan(header: SessionHeader, state: MeetingState, withOwners: Bool = false,
                            decisions: [String: Bool] = [:]) -> Plan {
        let lines = ClientVisibility.lines(header: header, state: state, withOwners: withOwners)
        let goesOut = { (line: ClientVisibility.Line) in decisions[line.key] ?? line.names.isEmpty }
        return Plan(lines: lines, included: lines.filter(goesOut), heldBack: lines.filter { !goesOut($0) })
    }

    public static func markdown(header: SessionHeader, state: MeetingState, withOwners: Bool = false,
                                decisions: [String: Bool] = [:], timeZone: TimeZone = .current) -> String {
        let included = plan(header: header, state: state, withOwners: withOwners, decisions: decisions).included
        func lines(_ part: ClientVisibility.Part) -> [ClientVisibility.Line] { included.filter { $0.part == part } }

        let meeting = header.meeting
        var out = "# \(MarkdownText.inline(meeting.title))\n\n"
        let about = [meeting.client, meeting.campaign].compactMap { $0 }.filter { !$0.isEmpty }
        // The local day of the meeting: a late-evening meeting is not dated tomorrow.
        let date = meeting.startDate.map { CalendarDay($0, in: timeZone).description } ?? String(meeting.startedAt.prefix(10))
        out += "_" + (about.map(MarkdownText.inline) + [MarkdownText.inline(date)]).joined(separator: " · ") + "_\n"

        out += results(lines(.results))
        out += section(.topContent, lines(.topContent), empty: "No pieces were singled out in this session.")
        out += section(.learned, lines(.learned), empty: "No learnings were marked in this session.")
        out += section(.recommendations, lines(.recommendations), empty: "No recommendations were shared from this session.") {
            var details: [String] = []
            if let owner = $0.owner { details.append("owner: \(MarkdownText.inline(owner))") }
            if let due = $0.due, !due.isEmpty { details.append("by \(MarkdownText.inline(due))") }
            return details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
        }
        return out
    }

    /// The results, from the notes taken on the numbers (until the KPI table can speak for
    /// itself). Kept apart so another source of results can replace it alone.
    static func results(_ lines: [ClientVisibility.Line]) -> String {
        section(.results, lines, empty: "No results were shared from this session.")
    }

    private static func section(_ part: ClientVisibility.Part, _ lines: [ClientVisibility.Line], empty: String,
                                details: (ClientVisibility.Line) -> String = { _ in "" }) -> String {
        var out = "\n## \(part.title)\n\n"
        if lines.isEmpty { return out + empty + "\n" }
        for line in lines { out += "- \(MarkdownText.inline(line.text))\(details(line))\n" }
        return out
    }
}
