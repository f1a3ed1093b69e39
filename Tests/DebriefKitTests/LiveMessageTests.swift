import DebriefKit
import Foundation
import Testing

/// The live link's lines: every message reads back as written, and whatever else a peer
/// may send is refused with a reason, never a crash.
@Suite("Live link: message coding")
struct LiveMessageTests {
    private func roundTrip(_ message: LiveMessage) throws -> LiveMessage {
        var line = message.line()
        #expect(line.last == UInt8(ascii: "\n"))
        line.removeLast()
        #expect(!line.contains(UInt8(ascii: "\n")), "one message, one line")
        return try LiveMessage.decode(line)
    }

    @Test func everyMessageReadsBackAsWritten() throws {
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "Spring", startedAt: "2026-11-23T14:00:00Z"))
        let content = NoteContent(kind: .action, text: "Brief checklist\nline two", owner: "sam", due: "2026-12-01")
        let messages: [LiveMessage] = [
            .hello(.init(name: "sam@laptop:pts/3")),
            .hello(.init(name: "probe", probe: true)),
            .welcome(.init(session: "2026-11-23-acme", folder: "/home/sam/s", title: "Spring", terminal: 3, now: 61_000)),
            .header(header),
            .event(Event(t: 5, .noteAdded(id: 4, section: "a", content: content)), by: 3, request: 9),
            .event(Event(t: 6, .draftChanged(text: "half", section: "a", terminal: "sam")), by: nil, request: nil),
            .ready,
            .request(id: 1, .addNote(section: "a", content: content)),
            .request(id: 2, .addRecord(table: .kpis, fields: ["kpi": .text("Reach"), "target": .number(1000)])),
            .request(id: 3, .change(.sectionStarted(section: "b"))),
            .request(id: 4, .change(.draftChanged(text: "typing", section: "a"))),
            .ended(session: "/s/x.debrief.jsonl", brief: "/s/x.md"),
            .bye(reason: "left"),
        ]
        for message in messages { #expect(try roundTrip(message) == message) }
    }

    @Test(arguments: [
        "", "garbage", "[1,2]", "{}", #"{"type":"nope"}"#, #"{"type":"hello"}"#, #"{"type":"hello","version":"1","name":"x"}"#,
        #"{"type":"request","id":1,"request":"change","event":{"type":"note_added","t":0,"id":7,"section":"a","text":"x"}}"#,
        #"{"type":"request","id":1,"request":"add_note","event":{"type":"clock_paused","t":0}}"#,
        #"{"type":"request","id":1,"request":"change","event":{"type":"clock_paused","t":-5}}"#,
        #"{"type":"request","id":1,"request":"change"}"#,
        "{\"type\":\"bye\",\"reason\":\"\u{1B}[2J\"", "\u{FF}\u{FE}",
    ])
    func anythingElseIsRefusedWithAReason(_ text: String) {
        #expect(throws: LiveError.self) { try LiveMessage.decode(Data(text.utf8)) }
    }

    @Test func aChangeMayNotPickANoteIDButAnAddNoteRequestMay() throws {
        let line = #"{"type":"request","id":7,"request":"add_note","event":{"type":"note_added","t":0,"id":99,"section":"a","text":"x"}}"#
        // The id the terminal put in is dropped: the host's writer picks one.
        #expect(try LiveMessage.decode(Data(line.utf8)) == .request(id: 7, .addNote(section: "a", content: NoteContent(text: "x"))))
    }
}
