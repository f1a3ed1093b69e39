import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// Every timer of the meeting loop runs on the injected wall clock: these tests move it by
/// hand, to the millisecond, and never sleep.
@MainActor
@Suite("The loop's timers on a test clock: draft pause, alive marks, retries")
struct LoopTimerTests {
    private let meetingClock = TestClock()
    private let wall = TestClock()

    private func makeLoop(folder: URL = FileManager.default.temporaryDirectory.appending(path: "timers-\(UUID().uuidString)"))
        throws -> (MeetingLoop, MeetingRecorder) {
        let (recorder, model) = try ScreenFixtures.newMeeting(in: folder)
        let loop = MeetingLoop(terminal: HeadlessTerminal(), clock: meetingClock, wall: wall, recorder: recorder, model: model)
        loop.start()
        return (loop, recorder)
    }

    /// A key, then what the run loop does after every burst of keys.
    private func type(_ text: String, _ loop: MeetingLoop, every milliseconds: Int = 0) {
        for character in text {
            wall.advance(byMilliseconds: milliseconds)
            loop.send(.key(.character(character)))
            loop.tick()
        }
    }

    private func drafts(_ recorder: MeetingRecorder) -> [String] {
        recorder.events.compactMap { if case .draftChanged(let text, _, _) = $0.change { text } else { nil } }
    }

    @Test func whileKeysComeAClockTurningOverWaitsATenthOfASecondForTheNextOne() throws {
        let (loop, _) = try makeLoop()
        meetingClock.advance(byMilliseconds: 250)
        wall.advance(byMilliseconds: 5000)
        loop.tick()
        #expect((749...751).contains(loop.millisecondsToWait()), "idle: the loop wakes when the shown second turns over")
        loop.send(.key(.character("a")))
        loop.saveDraft()
        #expect((849...851).contains(loop.millisecondsToWait()), "typing: the next key's frame may show the new second")
        wall.advance(byMilliseconds: 999)
        loop.tick()
        #expect((849...851).contains(loop.millisecondsToWait()))
        wall.advance(byMilliseconds: 1)
        loop.tick()
        #expect((749...751).contains(loop.millisecondsToWait()), "a second without keys: on time again")
    }

    @Test func theDraftIsJournalledAfterA150MillisecondPauseNotBefore() throws {
        let (loop, recorder) = try makeLoop()
        type("Approvals took", loop, every: 40)
        wall.advance(byMilliseconds: 149)
        loop.tick()
        #expect(drafts(recorder).isEmpty, "149 ms is not a pause yet")
        #expect(loop.millisecondsToWait() == 1, "the loop wakes when the pause is over")
        wall.advance(byMilliseconds: 1)
        loop.tick()
        #expect(drafts(recorder) == ["Approvals took"])
        wall.advance(byMilliseconds: 5000)
        loop.tick()
        #expect(drafts(recorder).count == 1, "an unchanged draft is not journalled again")
    }

    @Test func aSecondOfTypingWithoutPauseJournalsTheDraft() throws {
        let (loop, recorder) = try makeLoop()
        type("Creators posted lat", loop, every: 50)  // 19 keys, 900 ms from the first
        #expect(drafts(recorder).isEmpty)
        type("e", loop, every: 100)  // 1,000 ms after the first change
        #expect(drafts(recorder) == ["Creators posted late"])
    }

    @Test func theDraftOfASecondOfTypingIsWrittenAtOnceAndFsyncedWhenTypingPauses() throws {
        let (loop, recorder) = try makeLoop()
        type("Creators posted late", loop, every: 55)  // 20 keys, over a second
        #expect(drafts(recorder) == ["Creators posted late"])
        #expect(try SessionReader.read(recorder.journalURL).state.draft == "Creators posted late",
                "written: in the file, safe from the process dying")
        #expect(recorder.hasUnsyncedEvents, "its fsync waits for the pause: it would delay the next key")
        #expect(loop.millisecondsToWait() == MeetingLoop.draftPause, "the loop wakes when the pause is over")
        wall.advance(byMilliseconds: MeetingLoop.draftPause - 1)
        loop.tick()
        #expect(recorder.hasUnsyncedEvents, "not a pause yet")
        wall.advance(byMilliseconds: 1)
        loop.tick()
        #expect(!recorder.hasUnsyncedEvents, "typing paused: on the disk")
        #expect(drafts(recorder).count == 1, "fsynced, not written again")
    }

    @Test func aDraftWaitingForItsFsyncIsFsyncedBeforeTheMeetingIsSuspended() throws {
        let (loop, recorder) = try makeLoop()
        type("Creators posted late", loop, every: 55)
        #expect(recorder.hasUnsyncedEvents)
        loop.send(.suspend)
        #expect(!recorder.hasUnsyncedEvents, "suspended (SIGTSTP): the laptop may go to sleep next")
        type(" again", loop, every: 55)
        wall.advance(byMilliseconds: MeetingLoop.draftPause)
        loop.tick()
        #expect(drafts(recorder).last == "Creators posted late again")
        #expect(!recorder.hasUnsyncedEvents, "a draft written at a pause is fsynced at once")
    }

    @Test func anAliveMarkIsWrittenAfterFiveQuietSeconds() throws {
        let (loop, recorder) = try makeLoop()
        meetingClock.advance(byMilliseconds: 7000)
        wall.advance(byMilliseconds: 4999)
        loop.tick()
        #expect(try SessionReader.read(recorder.journalURL).lastKnownTime == 0)
        wall.advance(byMilliseconds: 1)
        loop.tick()
        #expect(try SessionReader.read(recorder.journalURL).lastKnownTime == 7000)
    }

    @Test func aFailedDiskIsRetriedEverySecond() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "timers-\(UUID().uuidString)")
        let (loop, recorder) = try makeLoop(folder: folder)
        try FileManager.default.removeItem(at: folder)
        try Data().write(to: folder)  // a file where the folder was: every write fails
        wall.advance(byMilliseconds: 1000)
        type("Lost?", loop)
        loop.send(.key(.enter))
        #expect(recorder.failure != nil)
        try FileManager.default.removeItem(at: folder)
        wall.advance(byMilliseconds: 999)
        loop.tick()
        #expect(recorder.failure != nil, "no retry before a second has passed")
        wall.advance(byMilliseconds: 1)
        loop.tick()
        #expect(recorder.failure == nil)
        #expect(try SessionReader.read(recorder.journalURL).state.visibleNotes.map(\.text) == ["Lost?"])
    }
}

/// A terminal whose keys arrive 60 ms apart on the test wall clock, as a fast typist's
/// would, and which notes what the journal held when each frame went out.
@MainActor
private final class TypistTerminal: Terminal {
    let size = TerminalSize(width: 100, height: 30)
    private var keys: [Input]
    private let wall: TestClock
    private let onPresent: (Canvas) -> Void
    private(set) var waits = 0

    init(typing text: String, wall: TestClock, onPresent: @escaping (Canvas) -> Void) {
        keys = text.map { .key(.character($0)) }
        self.wall = wall
        self.onPresent = onPresent
    }

    func present(_ canvas: Canvas) { onPresent(canvas) }

    func nextInput(timeoutMilliseconds: Int) -> Input? {
        guard !keys.isEmpty else {
            if timeoutMilliseconds > 0 { waits += 1 }
            return nil
        }
        wall.advance(byMilliseconds: 60)
        return keys.removeFirst()
    }
}

@MainActor
@Suite("The loop shows typed keys before it journals the draft")
struct DraftAfterFrameTests {
    @Test func theFrameWithTheTypedKeysGoesOutBeforeTheDraftIsWritten() throws {
        let wall = TestClock()
        let (recorder, model) = try ScreenFixtures.newMeeting()
        var shown: [(text: String, drafts: Int)] = []
        let drafts = { recorder.events.filter { if case .draftChanged = $0.change { true } else { false } }.count }
        // 20 keys 60 ms apart, read in one burst: a second of typing, so the draft is due.
        let terminal = TypistTerminal(typing: "Creators posted late", wall: wall) { canvas in
            shown.append((canvas.text, drafts()))
        }
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), wall: wall, recorder: recorder, model: model)
        _ = loop.run(stopRequested: { terminal.waits > 0 })
        #expect(drafts() == 1, "the draft was journalled")
        let first = shown.first { $0.text.contains("› Creators posted late") }
        #expect(first?.drafts == 0, "the typed keys were on screen before the journal write (and its fsync)")
    }
}
