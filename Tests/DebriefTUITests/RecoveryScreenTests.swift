import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

@MainActor
@Suite("Screens and loop when things go wrong: Ctrl-C, failing disk, unfinished notes")
struct RecoveryScreenTests {
    private func makeLoop(_ terminal: HeadlessTerminal, folder: URL) throws -> (MeetingLoop, MeetingRecorder) {
        let (recorder, model) = try ScreenFixtures.newMeeting(in: folder)
        return (MeetingLoop(terminal: terminal, clock: TestClock(), recorder: recorder, model: model), recorder)
    }

    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "recovery-screen-\(UUID().uuidString)")
    }

    /// The frame the loop drew on the terminal once it had nothing left to do.
    private func screen(_ loop: MeetingLoop, _ terminal: HeadlessTerminal) -> String {
        loop.presentedFrame(on: terminal).text
    }

    @Test func ctrlCAsksInsteadOfKillingAndEscapeGoesBack() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let (loop, recorder) = try makeLoop(terminal, folder: temporaryFolder())
        loop.start()
        loop.send(.key(.control("c")))
        let dialog = screen(loop, terminal)
        #expect(dialog.contains("Stop the meeting? 0 notes so far."))
        #expect(dialog.contains("Every note is saved in the journal."))
        #expect(dialog.contains("e: end the meeting"))
        #expect(dialog.contains("l: leave it and resume later with 'debrief resume'"))
        #expect(dialog.contains("Esc or c: cancel"))
        let before = recorder.events
        #expect(loop.send(.key(.escape)) == nil)
        #expect(loop.model.overlay == nil)
        #expect(recorder.events == before, "cancel records nothing")
        #expect(!screen(loop, terminal).contains("Stop the meeting?"))
    }

    @Test func ctrlCThenLeaveKeepsTheJournalAndTheUnfinishedNote() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let (loop, recorder) = try makeLoop(terminal, folder: temporaryFolder())
        terminal.type(text: "Kept for later")
        terminal.type(.key(.enter))
        terminal.type(text: "half a tho")
        terminal.type(.key(.control("c")), .key(.character("l")))
        #expect(loop.run() == .left)
        recorder.leave()
        let journal = try SessionReader.read(recorder.journalURL)
        #expect(journal.state.visibleNotes.map(\.text) == ["Kept for later"])
        #expect(journal.state.draft == "half a tho", "the unfinished note is journalled before leaving")
        #expect(!journal.state.hasEnded)
    }

    @Test func ctrlCThenEndFinishesTheMeeting() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let (loop, recorder) = try makeLoop(terminal, folder: temporaryFolder())
        terminal.type(.key(.control("c")), .key(.character("e")))
        #expect(loop.run() == .ended)
        #expect(recorder.events.last?.change == .meetingEnded)
    }

    @Test func theUnfinishedNoteIsJournalledWhenTypingPausesNotOnEveryKey() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let (loop, recorder) = try makeLoop(terminal, folder: temporaryFolder())
        loop.start()
        for character in "Approvals took" { loop.send(.key(.character(character))) }
        let drafts = { recorder.events.filter { if case .draftChanged = $0.change { true } else { false } } }
        #expect(drafts().isEmpty, "typing quickly does not fsync every key")
        loop.saveDraft()  // what the loop does on the next tick without input
        #expect(drafts().map(\.change) == [.draftChanged(text: "Approvals took", section: ScreenFixtures.agenda.sections[0].id)])
        loop.saveDraft()
        #expect(drafts().count == 1, "an unchanged draft is not journalled again")
        loop.send(.key(.enter))
        let journal = try SessionReader.read(recorder.journalURL)
        #expect(journal.state.draft.isEmpty)
        #expect(journal.state.visibleNotes.map(\.text) == ["Approvals took"])
    }

    /// A clicker's PageDown mid-note, then a crash: the note still belongs to the section
    /// it was started in, after resume as before.
    @Test func anUnfinishedNoteResumesIntoTheSectionItWasStartedIn() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let (loop, recorder) = try makeLoop(terminal, folder: temporaryFolder())
        loop.start()
        let started = try #require(loop.model.meeting.current)
        for character in "Half a tho" { loop.send(.key(.character(character))) }
        loop.send(.key(.pageDown))
        #expect(loop.model.meeting.current != started)
        loop.saveDraft()
        recorder.leave()  // nothing else reaches the journal: as after kill -9
        let journal = try SessionReader.read(recorder.journalURL)
        let resumed = AppModel.resuming(journal.state, info: ScreenFixtures.info)
        #expect(resumed.editor.text == "Half a tho")
        #expect(resumed.inputSection == started, "Enter saves it where it was started")
        #expect(resumed.meeting.current != started)
        #expect(MeetingScreen.render(resumed, size: TerminalSize(width: 100, height: 30)).lines
            .contains { $0.contains("→ " + ScreenFixtures.agenda.sections[started].title) }, "the input says where it goes")
    }

    @Test func aFailingDiskIsSaidPlainlyAndClearsOnceARetryWrites() throws {
        let parent = temporaryFolder()
        let folder = parent.appending(path: "sessions")
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let (loop, recorder) = try makeLoop(terminal, folder: folder)
        loop.start()
        #expect(screen(loop, terminal).contains("● saved"))
        try FileManager.default.removeItem(at: folder)
        try Data().write(to: folder)
        for character in "Lost?" { loop.send(.key(.character(character))) }
        loop.send(.key(.enter))
        let broken = screen(loop, terminal)
        #expect(broken.contains("⚠ NOT SAVED: the file or its folder was removed"))
        #expect(!broken.contains("● saved"))
        #expect(loop.model.meeting.visibleNotes.map(\.text) == ["Lost?"], "the meeting goes on in memory")
        loop.send(.key(.control("c")))
        #expect(screen(loop, terminal).contains("Notes are NOT on disk yet"))
        loop.send(.key(.escape))

        loop.retryStorage()
        #expect(screen(loop, terminal).contains("NOT SAVED"), "still failing: a file is in the way")
        try FileManager.default.removeItem(at: folder)
        loop.retryStorage()
        #expect(screen(loop, terminal).contains("● saved"))
        #expect(try SessionReader.read(recorder.journalURL).state.visibleNotes.map(\.text) == ["Lost?"])
    }

    @Test func helpListsCtrlCAndCtrlZ() {
        let help = MeetingScreen.render({ var model = ScreenFixtures.model(events: [], now: 0); model.overlay = .help(offset: 0); return model }(),
                                           size: TerminalSize(width: 200, height: 60)).text
        #expect(help.contains("Ctrl-C"))
        #expect(help.contains("End the meeting, or leave it to resume later"))
        #expect(help.contains("Ctrl-Z"))
        #expect(help.contains("with nothing to undo"))
    }
}
