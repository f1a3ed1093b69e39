#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
        /// KPIs and top pieces of the results held back: their own words name people.
        public var resultsNamingPeople: [(text: String, names: [String])] = []
    }

    public static func plan(header: SessionHeader, state: MeetingState, withOwners: Bool = false,
                            decisions: [String: Bool] = [:]) -> Plan {
        let lines = ClientVisibility.lines(header: header, state: state, withOwners: withOwners)
        let goesOut = { (line: ClientVisibility.Line) in decisions[line.key] ?? line.names.isEmpty }
        return Plan(lines: lines, included: lines.filter(goesOut), heldBack: lines.filter { !goesOut($0) },
                    resultsNamingPeople: ClientResults.heldBack(state, people: people(header: header, state: state, withOwners: withOwners)))
    }

    /// The names the results hold back; nil with `--with-owners`.
    private static func people(header: SessionHeader, state: MeetingState, withOwners: Bool) -> [String]? {
        withOwners ? nil : ClientVisibility.knownPeople(header: header, state: state)
    }

    public static func markdown(header: SessionHeader, state: MeetingState, withOwners: Bool = false,
                                decisions: [String: Bool] = [:], timeZone: TimeZone? = nil) -> String {
        let included = plan(header: header, state: state, withOwners: withOwners, decisions: decisions).included
        func lines(_ part: ClientVisibility.Part) -> [ClientVisibility.Line] { included.filter { $0.part == part } }

        let meeting = header.meeting
        var out = "# \(MarkdownText.inline(meeting.title))\n\n"
        let about = [meeting.client, meeting.campaign].compactMap { $0 }.filter { !$0.isEmpty }
        // The local day of the meeting: a late-evening meeting is not dated tomorrow.
        let date = meeting.startDate.map { CalendarDay($0, in: timeZone).description } ?? String(meeting.startedAt.prefix(10))
        out += "_" + (about.map(MarkdownText.inline) + [MarkdownText.inline(date)]).joined(separator: " · ") + "_\n"

        // A part with nothing to say is left out, not filled with "nothing": this page goes
        // to the client as it is. `missing` tells the person exporting what would fill it.
        let results = ClientResults.section(state: state, notes: lines(.results).map(\.text),
                                            people: people(header: header, state: state, withOwners: withOwners))
        out += results
        out += section(.topContent, lines(.topContent))
        out += section(.learned, lines(.learned))
        out += section(.recommendations, lines(.recommendations)) {
            var details: [String] = []
            if let owner = $0.owner { details.append("owner: \(MarkdownText.inline(owner))") }
            if let due = $0.due, !due.isEmpty { details.append("by \(MarkdownText.inline(due))") }
            return details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
        }
        if included.isEmpty && results.isEmpty { out += "\nNothing from this session is ready for the client yet.\n" }
        return out
    }

    /// For the person exporting (stderr): the parts left out for want of lines, each with
    /// what would fill it.
    public static func missing(_ plan: Plan) -> [String] {
        ClientVisibility.Part.allCases.filter { part in !plan.included.contains { $0.part == part } }.map { part in
            switch part {
            case .results: return "no results: notes of the numbers section go out, or mark a note with v"
            case .topContent: return "no top-performing content: wins go out unless marked internal"
            case .learned: return "no learnings: mark 3–5 with * during the meeting"
            case .recommendations: return "no recommendations: mark specific actions for the client with v"
            }
        }
    }

    private static func section(_ part: ClientVisibility.Part, _ lines: [ClientVisibility.Line],
                                details: (ClientVisibility.Line) -> String = { _ in "" }) -> String {
        guard !lines.isEmpty else { return "" }
        var out = "\n## \(part.title)\n\n"
        for line in lines { out += "- \(MarkdownText.inline(line.text))\(details(line))\n" }
        return out
    }
}
