import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// A note over `Limits.noteBytes` is never shown as saved: a paste is cut to fit and says
/// how much was dropped, typing stops at the limit, and what is saved reads back equal.
@MainActor
@Suite("Note limit: pastes, typing, saving")
struct NoteLimitTests {
    private func makeLoop() throws -> (MeetingLoop, MeetingRecorder) {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        return (MeetingLoop(terminal: HeadlessTerminal(), clock: TestClock(), recorder: recorder, model: model), recorder)
    }

    @Test func aPasteOverTheLimitIsCutToItAndTheMessageSaysHowMuchWasDropped() throws {
        let (loop, recorder) = try makeLoop()
        loop.start()
        loop.send(.paste(String(repeating: "x", count: 1_000_000)))
        #expect(loop.model.editor.text.utf8.count == Limits.noteBytes)
        let message = try #require(loop.model.message)
        #expect(message == "Paste cut to 50 KB, a note holds 50 KB: 950 KB dropped")
        loop.send(.key(.enter))
        let saved = try #require(loop.model.meeting.visibleNotes.last)
        #expect(saved.text == String(repeating: "x", count: Limits.noteBytes))
        let journal = try SessionReader.read(recorder.journalURL)
        #expect(journal.skippedLines.isEmpty)
        #expect(journal.state.visibleNotes.map(\.text) == [saved.text])
    }

    @Test func typingStopsAtTheLimitWithAMessage() throws {
        let (loop, _) = try makeLoop()
        loop.start()
        loop.send(.paste(String(repeating: "é", count: Limits.noteBytes / 2)))
        #expect(loop.model.message == nil, "exactly at the limit: nothing dropped")
        loop.send(.key(.character("y")))
        #expect(loop.model.editor.text.utf8.count == Limits.noteBytes)
        #expect(loop.model.message?.hasPrefix("Note full (50 KB at most)") == true)
    }

    @Test func aNoteWhoseIdAReaderWouldRefuseIsNotSaved() {
        var model = AppModel(meeting: MeetingState(agenda: ScreenFixtures.agenda), info: ScreenFixtures.info)
        let section = ScreenFixtures.agenda.sections[0].id
        model.apply(Event(t: 0, .sectionStarted(section: section)))
        model.apply(Event(t: 1, .noteAdded(id: Limits.maximumID, section: section, content: NoteContent(kind: .note, text: "last"))))
        model.editor.setText("one more")
        #expect(model.handle(.key(.enter)).isEmpty)
        #expect(model.message?.hasPrefix("Not saved: this meeting's note numbers are used up") == true)
        #expect(model.editor.text == "one more")
    }

    @Test func aNoteOverTheLimitIsNotSavedAndStaysInTheInput() throws {
        // Editing an over-long note of an older file: saving would write a line no reader accepts.
        var model = AppModel(meeting: MeetingState(agenda: ScreenFixtures.agenda), info: ScreenFixtures.info)
        model.apply(Event(t: 0, .sectionStarted(section: ScreenFixtures.agenda.sections[0].id)))
        model.editor.setText(String(repeating: "z", count: Limits.noteBytes + 1))
        let effects = model.handle(.key(.enter))
        #expect(effects.isEmpty)
        #expect(model.message?.hasPrefix("Not saved: the note is 50.1 KB") == true)
        #expect(model.editor.text.utf8.count == Limits.noteBytes + 1)
    }
}

@MainActor
@Suite("Note limit: an over-long input is journalled once, cut")
struct OverLongDraftTests {
    @Test func editingAnOverLongNoteOfAnOlderFileJournalsItsDraftCutAndOnlyOnce() throws {
        var (recorder, model) = try ScreenFixtures.newMeeting()
        model.editor.setText(String(repeating: "o", count: Limits.noteBytes + 10))
        let loop = MeetingLoop(terminal: HeadlessTerminal(), clock: TestClock(), recorder: recorder, model: model)
        loop.start()
        for _ in 0..<5 { loop.saveDraft() }
        let drafts = recorder.events.filter { if case .draftChanged = $0.change { return true } else { return false } }
        #expect(drafts.count == 1)
        let journal = try SessionReader.read(recorder.journalURL)
        #expect(journal.skippedLines.isEmpty)
        #expect(journal.state.draft.utf8.count == Limits.noteBytes)
    }
}
