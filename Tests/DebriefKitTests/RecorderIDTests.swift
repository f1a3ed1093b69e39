import DebriefKit
import Foundation
import Testing

/// The recorder is the meeting's one writer: it picks note ids and stamps time, so a note
/// can never be given an id that is already taken, whatever order the journal holds.
@Suite("The writer assigns note ids and time")
struct RecorderIDTests {
    private let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(title: "Spring", startedAt: "2026-11-23T14:00:00Z"))

    private func note(_ id: Int, _ text: String) -> Change {
        .noteAdded(id: id, section: "wrong", content: NoteContent(text: text))
    }

    /// A journal whose notes were added with ids 1, 3, 2, left to be resumed.
    private func journalWithIDsOutOfOrder() throws -> (InterruptedMeeting, SessionStore) {
        let store = SessionStore(folder: Fixtures.temporaryFolder())
        let recorder = try MeetingRecorder.start(header: header, store: store, date: Date())
        recorder.record(Event(t: 0, .sectionStarted(section: "wrong")))
        for (t, id) in [(1000, 1), (2000, 3), (3000, 2)] { recorder.record(Event(t: t, note(id, "note \(id)"))) }
        recorder.leave()
        return (try #require(store.interruptedMeetings().first), store)
    }

    @Test func afterResumingIdsOutOfOrderANewNoteGetsTheHighestPlusOne() throws {
        let (meeting, store) = try journalWithIDsOutOfOrder()
        let resumed = try ResumedMeeting.open(meeting, store: store, countDowntime: false)
        #expect(resumed.state.nextNoteID == 4, "the state agrees with the writer: highest id + 1")

        let added = resumed.recorder.record(.addNote(section: "wrong", content: NoteContent(text: "typed after resume")),
                                            at: resumed.clockOffset)
        #expect(added.change == note(4, "typed after resume"))
        let state = MeetingState.fold(agenda: header.agenda, events: resumed.recorder.events)
        #expect(state.visibleNotes.map(\.text) == ["note 1", "note 3", "note 2", "typed after resume"])
        let reread = try SessionReader.read(resumed.recorder.journalURL)
        #expect(reread.state.visibleNotes.last?.text == "typed after resume", "on disk too")
        resumed.recorder.leave()
    }

    @Test func meetingTimeNeverRunsBackwards() throws {
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: Fixtures.temporaryFolder()), date: Date())
        recorder.record(.change(.sectionStarted(section: "wrong")), at: 5000)
        let late = recorder.record(.addNote(section: "wrong", content: NoteContent(text: "from a slow clock")), at: 4000)
        #expect(late.t == 5000)
        #expect(late.change == note(1, "from a slow clock"))
        #expect(recorder.record(.change(.clockPaused), at: 6000).t == 6000)
        recorder.leave()
    }

    @Test func idsSeenInAnyEventCountEvenWhenTheReducerRefusedThem() throws {
        // A note in a section the agenda lacks is refused by the reducer, but its id is
        // still on disk: never hand it out again.
        let recorder = MeetingRecorder(header: header, store: SessionStore(folder: Fixtures.temporaryFolder()), baseName: "x",
                                       journal: nil, events: [Event(t: 0, .noteAdded(id: 7, section: "nope", content: NoteContent(text: "?")))])
        #expect(recorder.record(.addNote(section: "wrong", content: NoteContent(text: "next")), at: 1).change == note(8, "next"))
    }
}
