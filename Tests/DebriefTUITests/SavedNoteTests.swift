import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// "● saved" and an empty input mean the note is in the meeting: the writer picks its id,
/// and a note the meeting refuses stays in the input with the reason.
@MainActor
@Suite("A note shown as saved is in the meeting")
struct SavedNoteTests {
    private func screen(_ model: AppModel) -> String {
        MeetingScreen.render(model, size: TerminalSize(width: 100, height: 30)).text
    }

    @Test func aNoteTypedAfterResumingIdsOutOfOrderAppears() throws {
        // The journal of issue 11, failure 6: notes added with ids 1, 3, 2.
        let header = SessionHeader(agenda: ScreenFixtures.agenda, meeting: ScreenFixtures.info)
        let store = SessionStore(folder: FileManager.default.temporaryDirectory.appending(path: "ids-\(UUID().uuidString)"))
        let first = try MeetingRecorder.start(header: header, store: store, date: Date())
        first.record(Event(t: 0, .sectionStarted(section: "wrong")))
        for id in [1, 3, 2] {
            first.record(Event(t: id * 1000, .noteAdded(id: id, section: "wrong", content: NoteContent(text: "note \(id)"))))
        }
        first.leave()
        let resumed = try ResumedMeeting.open(try #require(store.interruptedMeetings().first), store: store, countDowntime: false)
        let model = AppModel(meeting: resumed.state, info: header.meeting)
        let loop = MeetingLoop(terminal: HeadlessTerminal(), clock: TestClock(start: resumed.clockOffset), wall: TestClock(),
                               recorder: resumed.recorder, model: model)
        loop.start()
        for character in "typed after resume" { loop.send(.key(.character(character))) }
        loop.send(.key(.enter))
        #expect(loop.model.meeting.visibleNotes.map(\.text) == ["note 1", "note 3", "note 2", "typed after resume"])
        #expect(loop.model.editor.text.isEmpty)
        #expect(screen(loop.model).contains("typed after resume"))
        #expect(screen(loop.model).contains("● saved"))
        #expect(try SessionReader.read(resumed.recorder.journalURL).state.visibleNotes.last?.text == "typed after resume")
        resumed.recorder.leave()
    }

    @Test func theMeetingsStartIsOnDiskBeforeTheFirstFrameSaysSaved() throws {
        // `debrief run` records the first section's start before the terminal is set up and
        // fsyncs it on a helper thread meanwhile; the loop's start waits for that fsync.
        let (recorder, _) = try ScreenFixtures.newMeeting()
        let first = ScreenFixtures.agenda.sections[0].id
        recorder.record(Event(t: 0, .sectionStarted(section: first)), syncing: false)
        recorder.startSync()
        let model = AppModel(meeting: MeetingState.fold(agenda: recorder.header.agenda, events: recorder.events),
                             info: recorder.header.meeting)
        let loop = MeetingLoop(terminal: HeadlessTerminal(), clock: TestClock(), wall: TestClock(), recorder: recorder, model: model)
        #expect(recorder.hasUnsyncedEvents)
        loop.start()
        #expect(!recorder.hasUnsyncedEvents)
        #expect(recorder.events.count == 1, "the loop does not start the section again")
        #expect(screen(loop.model).contains("● saved"))
        #expect(try SessionReader.read(recorder.journalURL).events == [Event(t: 0, .sectionStarted(section: first))])
        recorder.leave()
    }

    @Test func aNoteTheMeetingRefusesStaysInTheInputWithTheReason() {
        // A writer that hands out a taken id (what the UI used to do): the reducer drops
        // the note, and the screen must not pretend it was saved.
        var model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "wrong")),
                                                  Event(t: 1, .noteAdded(id: 1, section: "wrong", content: NoteContent(text: "one")))],
                                         now: 2)
        model.editor.insert("two")
        let effects = model.handle(.key(.enter))
        guard case .addNote(let section, let content) = effects.first else {
            Issue.record("Enter asks the writer to add the note, without an id: \(effects)")
            return
        }
        let taken = Event(t: 2, .noteAdded(id: 1, section: section, content: content))
        model.apply(taken)
        #expect(model.noteRecorded(taken).isEmpty)
        #expect(model.meeting.visibleNotes.map(\.text) == ["one"])
        #expect(model.editor.text == "two", "the text stays in the input")
        #expect(model.message == "Not saved (note id 1 is taken): the note is still in the input")
    }

    @Test func theChecklistSavesTheInputFirstThenJumpsWithoutAStrayPicker() {
        var driver = CaptureDriver()
        driver.type("!Links late")
        driver.press(.enter, .escape)
        driver.type("!Approvals slow")
        driver.press(.function(10), .character("1"))
        #expect(driver.notes.map(\.text) == ["Links late", "Approvals slow"])
        #expect(driver.model.overlay == .tagging(noteID: 1, rootCause: nil), "the checklist's choice, not the new problem's picker")
        #expect(driver.model.editor.text.isEmpty)
    }
}
