import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// Typing is never eaten by a picker: after Enter, the tag picker (or the link picker)
/// takes a number only once the typist has paused; what comes sooner is text.
@MainActor
@Suite("Pickers wait for a pause: a fast typist's digits stay in the note")
struct PickerTimingTests {
    private let wall = TestClock()

    /// A meeting on a test wall clock, in What went wrong (or Action items, `section` 5).
    private func makeLoop(section: Int = 3) throws -> (MeetingLoop, MeetingRecorder) {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let loop = MeetingLoop(terminal: HeadlessTerminal(), clock: TestClock(), wall: wall, recorder: recorder, model: model)
        loop.start()
        for _ in 0..<section { loop.send(.key(.pageDown)) }
        return (loop, recorder)
    }

    /// Keys as fast as a typist sends them: no wall time passes between them.
    private func type(_ text: String, _ loop: MeetingLoop) {
        for character in text { loop.send(.key(.character(character))) }
    }

    private func screen(_ loop: MeetingLoop) -> String {
        MeetingScreen.render(loop.model, size: TerminalSize(width: 100, height: 30)).text
    }

    @Test func aKeyWaitingWhenThePauseEndsIsTypingHoweverLateItIsRead() throws {
        // A slow frame or fsync: the loop reads the next key after the pause's end, but
        // the key was already there, so the typist never paused.
        let (loop, _) = try makeLoop()
        type("! Second problem", loop)
        loop.send(.key(.enter))
        wall.advance(byMilliseconds: 2000)
        type("3 creators", loop)
        #expect(loop.model.editor.text == "3 creators")
        #expect(loop.model.meeting.visibleNotes.first?.isTagged == false)
    }

    @Test func aFastTypistKeepsEveryDigitAndTheProblemStaysUntagged() throws {
        let (loop, _) = try makeLoop()
        type("! Second problem", loop)
        loop.send(.key(.enter))
        wall.advance(byMilliseconds: 40)
        type("23 posts went out late", loop)
        #expect(loop.model.editor.text == "23 posts went out late")
        #expect(loop.model.overlay == nil)
        let problem = try #require(loop.model.meeting.visibleNotes.first)
        #expect(problem.text == "Second problem")
        #expect(!problem.isTagged)
        wall.advance(byMilliseconds: 5000)
        loop.tick()
        #expect(!screen(loop).contains("Root cause:"), "a picker passed over by typing never comes back")
    }

    @Test func afterAPauseTwoDigitsTagTheProblem() throws {
        let (loop, recorder) = try makeLoop()
        type("! Second problem", loop)
        loop.send(.key(.enter))
        #expect(!screen(loop).contains("Root cause:"), "not shown while it does not take keys")
        #expect(loop.millisecondsToWait() <= AppModel.pickerPause, "the loop wakes to show it")
        wall.advance(byMilliseconds: AppModel.pickerPause - 1)
        loop.tick()
        #expect(!screen(loop).contains("Root cause:"))
        wall.advance(byMilliseconds: 1)
        loop.tick()
        #expect(screen(loop).contains("Root cause:"), "once the typist paused, the picker shows")
        type("23", loop)
        #expect(recorder.events.last?.change == .noteTagged(id: 1, rootCause: "communication", severity: "critical"))
        #expect(loop.model.editor.text.isEmpty)
        type("posts", loop)
        #expect(loop.model.editor.text == "posts")
    }

    @Test func aKeyThatIsNotAChoiceClosesThePickerAndIsTyped() throws {
        let (loop, _) = try makeLoop()
        type("! Approvals took a week", loop)
        loop.send(.key(.enter))
        wall.advance(byMilliseconds: 1000)
        loop.tick()
        #expect(screen(loop).contains("Root cause:"))
        type("Creators", loop)
        #expect(loop.model.overlay == nil)
        #expect(loop.model.editor.text == "Creators")
    }

    @Test func f4WithAnEmptyInputTakesDigitsAtOnce() throws {
        let (loop, recorder) = try makeLoop()
        type("! Second problem", loop)
        loop.send(.key(.enter))
        type("x", loop)  // typing on: the picker stays shut
        loop.send(.key(.backspace))
        loop.send(.key(.function(4)))
        type("13", loop)
        #expect(recorder.events.last?.change == .noteTagged(id: 1, rootCause: "process", severity: "critical"))
        #expect(loop.model.editor.text.isEmpty)
    }

    /// The picker shows after the pause just as a typist who knows "F4 tags" presses F4:
    /// the key asks for what is on screen, so the picker stays and the digits tag.
    @Test func f4PressedAsThePickerAppearsKeepsItOpen() throws {
        let (loop, recorder) = try makeLoop()
        type("! Second problem", loop)
        loop.send(.key(.enter))
        wall.advance(byMilliseconds: AppModel.pickerPause)
        loop.tick()
        #expect(screen(loop).contains("Root cause:"))
        loop.send(.key(.function(4)))
        #expect(screen(loop).contains("Root cause:"))
        type("2", loop)
        loop.send(.key(.function(4)))  // halfway through, F4 starts the same problem's tag again
        #expect(loop.model.overlay == .tagging(noteID: 1, rootCause: nil))
        type("23", loop)
        #expect(recorder.events.last?.change == .noteTagged(id: 1, rootCause: "communication", severity: "critical"))
        #expect(loop.model.editor.text.isEmpty)
    }

    @Test func f4WhileTextIsTypedWaitsForAPauseToo() throws {
        let (loop, _) = try makeLoop()
        type("! Second problem", loop)
        loop.send(.key(.enter))
        type("Approvals", loop)
        loop.send(.key(.function(4)))
        type(" 2", loop)
        #expect(loop.model.editor.text == "Approvals 2")
        #expect(loop.model.meeting.visibleNotes.first?.isTagged == false)
    }

    @Test func theLinkPickerAfterAnActionWaitsForAPauseToo() throws {
        let (loop, recorder) = try makeLoop()
        type("! Tracking links were late", loop)
        loop.send(.key(.enter))
        loop.send(.key(.escape))
        loop.send(.key(.pageDown))
        loop.send(.key(.pageDown))
        type("> Send tagged links a week ahead @li due 2026-12-01", loop)
        loop.send(.key(.enter))
        type("1 more thing", loop)
        #expect(loop.model.editor.text == "1 more thing")
        #expect(loop.model.meeting.visibleNotes.last?.problem == nil)

        for _ in 0..<20 { loop.send(.key(.backspace)) }
        type("> Brief checklist for every manager @maria due 2026-12-02", loop)
        loop.send(.key(.enter))
        wall.advance(byMilliseconds: AppModel.pickerPause)
        loop.tick()
        #expect(screen(loop).contains("Which problem does this action answer?"))
        type("1", loop)
        #expect(recorder.events.last?.change == .noteLinked(id: 3, problem: 1))
    }

    /// The model alone: the time comes with each input, not from a clock it reads.
    @Test func theModelMeasuresThePauseOnTheTimeItIsGiven() {
        var model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "wrong")),
                                                  Event(t: 1, .noteAdded(id: 1, section: "wrong", content: NoteContent(kind: .problem, text: "Late")))],
                                         now: 0)
        model.wallTime = 10_000
        _ = model.handle(.key(.function(4)))
        #expect(model.overlay == .tagging(noteID: 1, rootCause: nil), "F4 with an empty input opens at once")
        _ = model.handle(.key(.escape))
        model.editor.insert("typing")
        _ = model.handle(.key(.function(4)))
        #expect(model.overlay == nil)
        model.wallTime += AppModel.pickerPause - 1
        model.openPickerIfDue()
        #expect(model.overlay == nil)
        model.wallTime += 1
        model.openPickerIfDue()  // the loop saw no key for the whole pause
        _ = model.handle(.key(.character("2")))
        #expect(model.overlay == .tagging(noteID: 1, rootCause: "communication"))
        #expect(model.editor.text == "typing")
    }
}
