import DebriefKit
import Foundation
import TestSupport

/// Makes sessions of any size that look like real ones: notes of every kind typed at a
/// steady pace through the agenda's sections, with the edits, tags, removals, pauses and
/// extensions a note-taker makes along the way. Deterministic for a given seed, so runs
/// compare.
struct SessionGenerator {
    let agenda: Agenda
    private var random: SeededRandom

    init(agenda: Agenda, seed: UInt64 = 2026) {
        self.agenda = agenda
        random = SeededRandom(seed: seed)
    }

    /// Exactly `count` events over the agenda's planned time, ending with `meetingEnded`.
    mutating func events(count: Int) -> [Event] {
        events(expected: count) { events, _ in events < count - 1 }
    }

    /// Events up to exactly `notes` added notes (about 7 in 10 events add one), ending with
    /// `meetingEnded`.
    mutating func events(notes: Int) -> [Event] {
        events(expected: notes * 10 / 7 + 2) { _, added in added < notes }
    }

    /// Events while `more(events so far, notes added)`, spread as if `expected` in all.
    private mutating func events(expected count: Int, while more: (Int, Int) -> Bool) -> [Event] {
        let sections = agenda.sections
        let duration = max(1, agenda.plannedMinutes) * 60_000
        let step = max(1, duration / max(1, count))
        var events: [Event] = []
        events.reserveCapacity(count)
        var nextID = 1
        var paused = false
        var t = 0
        var shownSection = 0
        events.append(Event(t: 0, .sectionStarted(section: sections[0].id)))
        while more(events.count, nextID - 1) {
            t += step
            // Move through the sections in proportion to time, as a facilitator would.
            let section = min(sections.count - 1, events.count * sections.count / max(1, count))
            if section != shownSection {
                shownSection = section
                events.append(Event(t: t, .sectionStarted(section: sections[section].id)))
                continue
            }
            let roll = random.next(upTo: 100)
            let anyNote = nextID > 1 ? 1 + random.next(upTo: nextID - 1) : nil
            switch (roll, anyNote) {
            case (0..<70, _), (_, nil):
                let content = NoteContent(kind: NoteKind.allCases[random.next(upTo: NoteKind.allCases.count)],
                                          text: sentence(), owner: nil, due: nil)
                events.append(Event(t: t, .noteAdded(id: nextID, section: sections[section].id, content: content)))
                nextID += 1
            case (70..<80, let id?):
                let taxonomy = agenda.taxonomy
                events.append(Event(t: t, .noteTagged(id: id, rootCause: taxonomy.rootCauses.randomElement(using: &random),
                                                      severity: taxonomy.severities.randomElement(using: &random))))
            case (80..<88, let id?):
                events.append(Event(t: t, .noteEdited(id: id, content: NoteContent(text: sentence()))))
            case (88..<92, let id?):
                events.append(Event(t: t, .noteRemoved(id: id)))
            case (92..<94, let id?):
                events.append(Event(t: t, .noteRestored(id: id)))
            case (94..<96, let id?):
                events.append(Event(t: t, .noteLinked(id: id, problem: 1 + random.next(upTo: nextID - 1))))
            case (96..<98, let id?):
                events.append(Event(t: t, .noteVisibility(id: id, clientVisible: roll % 2 == 0)))
            case (98, _):
                events.append(Event(t: t, paused ? .clockResumed : .clockPaused))
                paused.toggle()
            default:
                events.append(Event(t: t, .sectionExtended(section: sections[section].id, minutes: 5)))
            }
        }
        events.append(Event(t: t + step, .meetingEnded))
        return events
    }

    /// A session file as `debrief run` writes it: header, events, summary.
    mutating func sessionFile(events count: Int) -> (data: Data, events: [Event]) {
        let events = events(count: count)
        return (sessionFile(events: events), events)
    }

    func sessionFile(events: [Event]) -> Data { SessionCoding.sessionFile(header: header, events: events) }

    /// A journal as a running meeting leaves it: header and events, no summary.
    func journal(events: [Event]) -> Data {
        var data = SessionCoding.line(header)
        for event in events { data.append(SessionCoding.line(event)) }
        return data
    }

    private var header: SessionHeader {
        SessionHeader(agenda: agenda, meeting: MeetingInfo(title: "Benchmark", client: "Acme", campaign: "Spring",
                                                           startedAt: "2026-11-23T14:00:00+01:00"))
    }

    private static let words = ("the brief was late so creators posted after the launch window and reach fell short "
        + "engagement on reels beat static posts tracking links were missing on day one client approval took a week "
        + "we should ask for drafts earlier micro creators kept their own voice and comments asked real questions").split(separator: " ")

    /// Eight to twenty words of plausible note text.
    private mutating func sentence() -> String {
        let length = 8 + random.next(upTo: 13)
        return (0..<length).map { _ in String(Self.words[random.next(upTo: Self.words.count)]) }.joined(separator: " ")
    }
}
