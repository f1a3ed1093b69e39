import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

@MainActor
@Suite("The app loop, headless: keys in, events and screens out")
struct MeetingLoopTests {
    private func makeLoop(_ terminal: HeadlessTerminal, clock: TestClock) throws -> (MeetingLoop, MeetingRecorder) {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        return (MeetingLoop(terminal: terminal, clock: clock, recorder: recorder, model: model), recorder)
    }

    @Test func typingNotesAndAdvancingRecordsEventsUntilTheMeetingEnds() throws {
        let terminal = HeadlessTerminal()
        let clock = TestClock()
        let (loop, recorder) = try makeLoop(terminal, clock: clock)
        terminal.type(text: "Reach beat target")
        terminal.type(.key(.enter), .key(.pageDown))
        terminal.type(text: "!Brief was vague")
        terminal.type(.key(.enter), .key(.function(10)), .key(.enter))
        #expect(loop.run() == .ended)
        let state = MeetingState.fold(agenda: recorder.header.agenda, events: recorder.events)
        #expect(state.visibleNotes(inSection: 0).map(\.text) == ["Reach beat target"])
        #expect(state.visibleNotes(inSection: 1).map(\.kind) == [.problem])
        #expect(state.hasEnded)
        #expect(try SessionReader.read(recorder.journalURL).events == recorder.events)
    }

    @Test func facilitatorKeysNeverTypeIntoTheNoteAndLettersNeverCommand() throws {
        let terminal = HeadlessTerminal()
        let (loop, recorder) = try makeLoop(terminal, clock: TestClock())
        loop.start()
        for key: Key in [.character("q"), .pageDown, .function(2), .function(3), .character("!")] { _ = loop.send(.key(key)) }
        #expect(loop.model.editor.text == "q!")
        #expect(loop.model.meeting.current == 1)
        #expect(loop.model.meeting.isPaused)
        #expect(loop.model.meeting.sections[1].extraMinutes == 5)
        #expect(recorder.events.map(\.change) == [
            .sectionStarted(section: "performance"), .sectionStarted(section: "creators"),
            .clockPaused, .sectionExtended(section: "creators", minutes: 5),
        ])
    }

    @Test func escapeBacksOutOfEndingTheMeeting() throws {
        let terminal = HeadlessTerminal()
        let (loop, _) = try makeLoop(terminal, clock: TestClock())
        terminal.type(.key(.function(10)), .key(.escape))
        terminal.type(text: "still here")
        terminal.type(.key(.function(10)), .key(.character("y")))
        #expect(loop.run() == .ended)
        #expect(loop.model.meeting.visibleNotes.map(\.text) == ["still here"], "Esc kept the text; ending saved it")
    }

    @Test func pasteLandsInTheInputWithoutCommitting() throws {
        let terminal = HeadlessTerminal()
        let (loop, recorder) = try makeLoop(terminal, clock: TestClock())
        _ = loop.send(.paste("line one\nline two"))
        #expect(loop.model.editor.text == "line one\nline two")
        #expect(!recorder.events.contains { if case .noteAdded = $0.change { true } else { false } })
    }

    @Test func idleWaitsForTheNextClockSecondNotABusyLoop() throws {
        let terminal = HeadlessTerminal()
        let clock = TestClock()
        let (loop, _) = try makeLoop(terminal, clock: clock)
        loop.start()
        clock.advance(byMilliseconds: 250)
        _ = loop.send(.resize)
        // The next shown second is 750 ms away: sleep until then, not a moment before.
        #expect((740...760).contains(loop.millisecondsToNextTick()))
    }
}
