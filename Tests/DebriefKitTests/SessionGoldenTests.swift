@testable import DebriefKit
import Foundation
import Testing

/// The session file on disk, pinned byte for byte: a fixed meeting that uses every event
/// type is written and compared with `Tests/Golden/session.debrief.jsonl`. A changed event
/// name, field or key order shows up here first. `DEBRIEF_UPDATE_GOLDEN=1 swift test`
/// rewrites the file; review the diff: files people already keep must still read.
@Suite("Session file: golden file with every event type")
struct SessionGoldenTests {
    static let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(
        title: "Golden meeting", client: "Acme", campaign: "Spring", facilitator: "Dana",
        noteTaker: "Lee", startedAt: "2026-11-23T14:00:00Z"))

    /// One scripted meeting with each kind of event at least once; times are fixed.
    static var events: [Event] {
        var s = MeetingScript(agenda: Fixtures.small)
        s.start("a")
        // "Since last time": an open action of Acme's previous meeting, followed up.
        let earlier = ActionKey(session: "2026-11-02-1400-acme-launch", id: 7)
        s.record(.actionCarried(CarriedAction(key: earlier, text: "Send creators the tracking checklist", owner: "sam",
                                              due: "2026-11-20", startedAt: "2026-11-02T14:00:00Z")))
        s.record(.actionFollowedUp(action: earlier, status: .done))
        s.wait(minutes: 1)
        s.record(.draftChanged(text: "Reach 1.2M ag", section: "a"))
        s.record(.noteAdded(id: 1, section: "a", content: NoteContent(text: "Reach 1.2M against 1M")))
        s.record(.draftChanged(text: ""))
        // A joined terminal's unfinished note (`debrief join --name sam@laptop`).
        s.record(.draftChanged(text: "Approvals took", section: "a", terminal: "sam@laptop"))
        s.record(.noteVisibility(id: 1, clientVisible: true))
        s.record(.noteLearning(id: 1, learning: true))
        s.record(.learningRewritten(id: 1, text: "Reach beat its target by a fifth"))
        s.record(.recordAdded(id: 1, table: .kpis, fields: [
            "kpi": .text("Engagement rate"), "target": .number(4), "actual": .number(3.1),
            "unit": .text("percent"), "target_source": .text("client")]))
        s.record(.recordAdded(id: 2, table: .creators, fields: [
            "handle": .text("@lena.cooks"), "followers": .number(18_400), "sponsored_er": .number(4.2),
            "organic_er": .number(3.5), "fee": .number(1_200), "draft_on_time": .bool(true), "rating": .number(4),
            "currency": .text("$")]))
        s.record(.recordEdited(id: 1, field: "actual", value: .number(3.2)))
        s.record(.recordEdited(id: 2, field: "rating", value: nil))
        s.record(.recordRemoved(id: 2))
        s.record(.recordRestored(id: 2))
        s.record(.clockPaused)
        s.wait(minutes: 2)
        s.record(.clockResumed)
        s.record(.sectionExtended(section: "a", minutes: 5))
        s.start("b")
        // Behind by then: Gamma, not reached yet, takes the minutes that end on time.
        s.record(.agendaRebalanced([SectionMinutes(section: "c", minutes: 2)]))
        s.record(.noteAdded(id: 2, section: "b", content: NoteContent(kind: .problem, text: "Links late")))
        s.record(.noteEdited(id: 2, content: NoteContent(kind: .problem, text: "Tracking links were late")))
        s.record(.noteTagged(id: 2, rootCause: "tools", severity: "critical"))
        s.record(.noteAdded(id: 3, section: "b", content: NoteContent(kind: .question, text: "Who owns the pixel?")))
        s.record(.noteRemoved(id: 3))
        s.record(.noteRestored(id: 3))
        s.wait(minutes: 1)
        s.start("c")
        s.record(.noteAdded(id: 4, section: "c", content: NoteContent(
            kind: .action, text: "Test every tracking link the day before launch", owner: "li", due: "2026-12-01")))
        s.record(.noteLinked(id: 4, problem: 2))
        s.wait(minutes: 1)
        s.record(.meetingEnded)
        return s.events
    }

    static var file: String {
        String(decoding: SessionCoding.sessionFile(header: header, events: events), as: UTF8.self)
    }

    @Test func theSessionFileIsExactlyTheGoldenOne() throws {
        #expect(Self.file == (try Golden.expected("session.debrief.jsonl", actual: Self.file)))
    }

    @Test func theGoldenMeetingUsesEveryEventType() throws {
        let written = Set(try Self.types(in: Self.file))
        let all = Set(Event.TypeName.allCases.map(\.rawValue))
        #expect(all.isSubset(of: written), "add the missing events to the golden meeting: \(all.subtracting(written).sorted())")
        #expect(try SessionReader.parse(Data(Self.file.utf8), path: "golden").events == Self.events, "it reads back the same")
    }

    /// README's list of events names every type as it is on disk (`"type":"draft"`).
    @Test func readmeNamesEveryEventTypeAsWritten() throws {
        let readme = String(decoding: try Data(contentsOf: Fixtures.repository.appending(path: "README.md")), as: UTF8.self)
        for type in Event.TypeName.allCases.map(\.rawValue) {
            #expect(readme.contains("`\(type)`"), "README.md must list the event type `\(type)`")
        }
        #expect(!readme.contains("`draft_changed`"), "on disk the event is `draft`")
    }

    static func types(in file: String) throws -> [String] {
        try file.split(separator: "\n").compactMap { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["type"] as? String
        }
    }
}
