#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Action-item deadlines as an iCalendar file (RFC 5545): one all-day VTODO per action
/// with a due date, owner and problem in the description. CRLF line ends, TEXT values
/// escaped, lines folded at 75 octets without splitting a UTF-8 character.
public enum ICSExporter {
    public static func ics(header: SessionHeader, state: MeetingState, session: String) -> String {
        let findings = Findings(state: state)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Debrief//Debrief action items//EN", "CALSCALE:GREGORIAN"]
        let stamp = timestamp(header.meeting.startDate ?? Date(timeIntervalSince1970: 0))
        for action in findings.actions {
            guard let due = action.content.due.flatMap(icsDate) else { continue }
            var description = ["Owner: \(action.content.owner ?? "none")"]
            if let problem = findings.problem(for: action) { description.append("Problem: \(problem.text)") }
            description.append("Meeting: \(header.meeting.title)")
            lines += [
                "BEGIN:VTODO",
                "UID:\(text(session))-action-\(action.id)@debrief",
                "DTSTAMP:\(stamp)",
                "DUE;VALUE=DATE:\(due)",
                "SUMMARY:\(text(action.text))",
                "DESCRIPTION:\(text(description.joined(separator: "\n")))",
                "STATUS:NEEDS-ACTION",
                "END:VTODO",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// The actions that cannot go in the calendar: no due date, or one that is not yyyy-MM-dd.
    public static func undated(_ state: MeetingState) -> [Note] {
        Findings(state: state).actions.filter { $0.content.due.flatMap(icsDate) == nil }
    }

    /// `2026-12-01` → `20261201`, only for a real calendar date (the same reading as capture).
    static func icsDate(_ due: String) -> String? {
        CalendarDay(iso: due)?.compact
    }

    /// A TEXT value: backslash, semicolon, comma and newline escaped; other controls visible.
    static func text(_ raw: String) -> String {
        let flat = raw.replacingAll("\r\n", with: "\n")
        var out = ""
        for part in flat.split(separator: "\n", omittingEmptySubsequences: false).map({ VisibleText.line(String($0)) }).enumerated() {
            if part.offset > 0 { out += "\\n" }
            for character in part.element {
                if character == "\\" || character == ";" || character == "," { out.append("\\") }
                out.append(character)
            }
        }
        return out
    }

    static func timestamp(_ date: Date) -> String {
        // yyyyMMdd'T'HHmmss'Z': the UTC timestamp without its separators.
        String(CivilTime.iso8601(date).filter { $0 != "-" && $0 != ":" })
    }

    /// One content line, folded: at most 75 octets per physical line, continuation lines
    /// start with a space, and a multi-byte character is never cut.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        // By scalar, not grapheme: unfolding rejoins the line, so a cluster may straddle.
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out + "\r\n"
    }
}
