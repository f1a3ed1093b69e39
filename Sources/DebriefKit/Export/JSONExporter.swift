#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The session as one JSON document for other tools: the meeting, the agenda's name and
/// title, the summary (sections, time, items), the open checklist and the tables of numbers
/// (`TablesDocument`).
public enum JSONExporter {
    struct Document: Encodable {
        var format = "debrief-export"
        var version = 1
        var session: String
        var meeting: MeetingInfo
        var agenda: AgendaRef
        var complete: Bool
        var durationSeconds: Int
        var summary: SessionSummary
        var openItems: [Open]
        var tables: TablesDocument

        enum CodingKeys: String, CodingKey {
            case format, version, session, meeting, agenda, complete, summary, tables
            case durationSeconds = "duration_seconds", openItems = "open_items"
        }
    }

    struct AgendaRef: Encodable { var name: String, title: String }
    struct Open: Encodable { var id: Int, kind: NoteKind, missing: String }

    public static func json(header: SessionHeader, state: MeetingState, session: String) -> String {
        let document = Document(
            session: session, meeting: header.meeting,
            agenda: AgendaRef(name: header.agenda.name, title: header.agenda.title),
            complete: state.hasEnded, durationSeconds: (state.endedAt ?? state.lastEventTime) / 1000,
            summary: SessionSummary(state: state),
            openItems: Findings(state: state).openItems.map { Open(id: $0.note.id, kind: $0.note.kind, missing: $0.missing) },
            tables: TablesDocument(state: state))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let text = (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return escapingInvisible(text) + "\n"
    }

    /// JSON already escapes C0 controls; DEL, C1 controls and bidi overrides would pass
    /// raw. Written as `\uXXXX` they decode to the same string, so nothing is lost.
    /// (The document's structure is ASCII: only string contents can hold such scalars.)
    static func escapingInvisible(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x7F, VisibleText.isUnsafe(scalar) {
                out += CFormat.string("\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
