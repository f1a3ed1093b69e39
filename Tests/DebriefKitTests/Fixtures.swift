import DebriefKit
import Foundation

/// Shared test material: the repository's own agendas and small hand-made ones.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var influencer: Agenda { try! BuiltinAgendas.defaultAgenda() }

    /// Three short sections: 1, 2 and 3 minutes.
    static let small = Agenda(
        name: "small", title: "Small",
        sections: [
            AgendaSection(id: "a", title: "Alpha", minutes: 1),
            AgendaSection(id: "b", title: "Beta", minutes: 2, kind: .problems),
            AgendaSection(id: "c", title: "Gamma", minutes: 3, kind: .actions),
        ],
        taxonomy: Taxonomy(rootCauses: ["process", "tools"], severities: ["minor", "critical"]))

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "debrief-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let minute = 60_000
}

/// Plays a meeting against a test clock: each call records an event at the clock's time.
struct MeetingScript {
    let agenda: Agenda
    let clock = TestClock()
    private(set) var events: [Event] = []

    init(agenda: Agenda) { self.agenda = agenda }

    var state: MeetingState { MeetingState.fold(agenda: agenda, events: events) }

    mutating func wait(minutes: Double) { clock.advance(byMinutes: minutes) }

    mutating func record(_ change: Change) { events.append(Event(t: clock.now(), change)) }

    mutating func start(_ section: String) { record(.sectionStarted(section: section)) }

    mutating func note(_ text: String, kind: NoteKind = .note, in section: String) {
        record(.noteAdded(id: state.nextNoteID, section: section, content: NoteContent(kind: kind, text: text)))
    }
}
