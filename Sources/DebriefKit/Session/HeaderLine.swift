#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A journal's first line, the session header, written directly: every meeting's start
/// writes one, and JSONEncoder setting up its containers for the agenda's types was a
/// tenth of the instructions to the first frame. The bytes are the encoder's
/// (`SessionCoding.line`), keys in its sorted order; a property test pins them equal for
/// any header.
enum HeaderLine {
    /// The line (newline ended), or nil when the encoder must write it (a time scale that
    /// is not a finite number, which the encoder refuses).
    static func line(_ header: SessionHeader) -> Data? {
        guard header.meeting.timeScale.isFinite else { return nil }
        var line = JSONLineWriter(capacity: 4096)
        line.object("agenda") { write(header.agenda, to: &$0) }
        line.field("format", string: header.format)
        line.object("meeting") { write(header.meeting, to: &$0) }
        line.field("type", string: header.type)
        line.field("version", number: header.version)
        return line.finish()
    }

    private static func write(_ agenda: Agenda, to line: inout JSONLineWriter) {
        if let description = agenda.description { line.field("description", string: description) }
        line.field("name", string: agenda.name)
        line.objects("sections", agenda.sections) { line, section in
            if let guidance = section.guidance { line.field("guidance", string: guidance) }
            line.field("id", string: section.id)
            line.field("kind", string: section.kind.rawValue)
            line.field("minutes", number: section.minutes)
            line.field("prompts", strings: section.prompts)
            if let table = section.table { line.field("table", string: table.rawValue) }
            line.field("title", string: section.title)
        }
        line.object("taxonomy") { line in
            line.field("root_causes", strings: agenda.taxonomy.rootCauses)
            line.field("severities", strings: agenda.taxonomy.severities)
        }
        line.field("title", string: agenda.title)
    }

    private static func write(_ meeting: MeetingInfo, to line: inout JSONLineWriter) {
        if let campaign = meeting.campaign { line.field("campaign", string: campaign) }
        if let client = meeting.client { line.field("client", string: client) }
        if let facilitator = meeting.facilitator { line.field("facilitator", string: facilitator) }
        if let noteTaker = meeting.noteTaker { line.field("note_taker", string: noteTaker) }
        line.field("started_at", string: meeting.startedAt)
        line.field("time_scale", number: meeting.timeScale)
        line.field("title", string: meeting.title)
    }
}
