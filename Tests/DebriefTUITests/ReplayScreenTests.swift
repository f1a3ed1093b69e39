import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

@MainActor
@Suite("Replay: the recorded meeting on screen, with player controls")
struct ReplayScreenTests {
    static let minute = 60_000

    /// Performance 0–3 min (one note), What went wrong 3–8 min (a problem at 5), What worked from 8, ends at 10.
    static var events: [Event] {
        [
            Event(t: 0, .sectionStarted(section: "performance")),
            Event(t: 1 * minute, .noteAdded(id: 1, section: "performance", content: NoteContent(text: "Reach 1.2M against 1M"))),
            Event(t: 3 * minute, .sectionStarted(section: "wrong")),
            Event(t: 5 * minute, .noteAdded(id: 2, section: "wrong", content: NoteContent(kind: .problem, text: "Tracking links missing"))),
            Event(t: 6 * minute, .noteTagged(id: 2, rootCause: "tools", severity: "critical")),
            Event(t: 8 * minute, .sectionStarted(section: "worked")),
            Event(t: 9 * minute, .noteAdded(id: 3, section: "worked", content: NoteContent(kind: .win, text: "Micro creators shone"))),
            Event(t: 10 * minute, .meetingEnded),
        ]
    }

    static func model() -> ReplayModel {
        ReplayModel(timeline: ReplayTimeline(agenda: ScreenFixtures.agenda, events: events), info: ScreenFixtures.info)
    }

    static func screen(_ model: ReplayModel, width: Int = 100, height: Int = 30) -> String {
        ReplayScreen.render(model, size: TerminalSize(width: width, height: height)).text
    }

    @Test func opensPausedAtTheStartOnTheFirstSection() {
        let text = Self.screen(Self.model())
        #expect(text.contains("Replay · Spring launch post-mortem"))
        #expect(text.contains("❚❚ PAUSED 1×"))
        #expect(text.contains("1/6  Performance vs. goals"))
        #expect(text.contains("00:00 "))
        #expect(!text.contains("Reach 1.2M"), "the first note comes at 1:00")
        #expect(text.contains("Space Play/Pause"))
    }

    @Test func playingMovesTheMeetingOnAtTheChosenSpeed() {
        var model = Self.model()
        _ = model.handle(.character(" "))
        model.play(wallMilliseconds: 30_000)
        #expect(model.position == 30_000)
        #expect(!Self.screen(model).contains("Reach 1.2M"))
        _ = model.handle(.character(">"))
        _ = model.handle(.character("+"))
        #expect(model.speed == 16)
        model.play(wallMilliseconds: 2_000)  // 32 s of meeting at 16×
        #expect(model.position == 62_000)
        let text = Self.screen(model)
        #expect(text.contains("▶ PLAYING 16×"))
        #expect(text.contains("Reach 1.2M against 1M"))
        _ = model.handle(.character(">"))
        _ = model.handle(.character(">"))
        #expect(model.speed == 64, "64× is the top speed")
        _ = model.handle(.character("<"))
        _ = model.handle(.character("-"))
        #expect(model.speed == 4)
        model.play(wallMilliseconds: 10 * Self.minute)
        #expect(model.isAtEnd && !model.isPlaying, "playback stops at the end")
        _ = model.handle(.character(" "))
        #expect(model.position == 0 && model.isPlaying, "Space at the end plays again from the top")
    }

    @Test func pageDownJumpsToSectionStartsAndShowsTheirNotes() {
        var model = Self.model()
        _ = model.handle(.pageDown)
        #expect(model.position == 3 * Self.minute)
        #expect(Self.screen(model).contains("4/6  What went wrong"), "the recording skipped sections 2 and 3")
        _ = model.handle(.end)
        _ = model.handle(.pageUp)
        #expect(model.position == 8 * Self.minute)
        _ = model.handle(.pageUp)
        #expect(model.position == 3 * Self.minute)
        _ = model.handle(.right)
        #expect(model.position == 5 * Self.minute)
        let text = Self.screen(model)
        #expect(text.contains("4/6  What went wrong"))
        #expect(text.contains("PROBLEM Tracking links missing"))
        _ = model.handle(.left)
        #expect(model.position == 3 * Self.minute)
        #expect(!Self.screen(model).contains("Tracking links missing"))
    }

    @Test func homeEndAndMinuteStepsMoveAlongTheTimeline() {
        var model = Self.model()
        _ = model.handle(.end)
        #expect(model.position == 10 * Self.minute)
        #expect(model.meeting.hasEnded)
        _ = model.handle(.character("["))
        #expect(model.position == 9 * Self.minute)
        _ = model.handle(.home)
        _ = model.handle(.character("["))
        #expect(model.position == 0, "never before the start")
        _ = model.handle(.character("]"))
        #expect(model.position == Self.minute)
        #expect(Self.screen(model).contains("01:00 "))
    }

    @Test func theShownStateIsAlwaysTheFoldOfTheEventsSoFar() {
        var model = Self.model()
        let keys: [Key] = [.pageDown, .right, .right, .character("]"), .pageUp, .end, .left, .left, .home, .character("]"), .pageDown, .pageDown]
        for key in keys {
            _ = model.handle(key)
            let expected = MeetingState.fold(agenda: ScreenFixtures.agenda, events: Self.events.filter { $0.t <= model.position })
            #expect(model.meeting == expected, "after \(key.label) at \(model.position)")
        }
    }

    @Test func timelineBarMarksSectionStartsAndThePosition() {
        var model = Self.model()
        _ = model.handle(.pageDown)
        let lines = ReplayScreen.render(model, size: TerminalSize(width: 80, height: 24)).lines
        let bar = try! #require(lines.first { $0.contains("●") })
        #expect(bar.hasPrefix(" 03:00 ") && bar.hasSuffix(" 10:00"))
        // 1 at the start, 4 (What went wrong) where the position is drawn, 5 at 8 minutes.
        #expect(bar.contains("1") && bar.contains("5"))
        let track = bar.dropFirst(7).dropLast(6)
        let position = track.distance(from: track.startIndex, to: track.firstIndex(of: "●")!)
        #expect(position == TimelineBar.column(for: 3 * Self.minute, duration: 10 * Self.minute, width: track.count))
    }

    @Test func helpListsEveryReplayKeyAndClosesWithEscape() {
        var model = Self.model()
        _ = model.handle(.function(1))
        let text = Self.screen(model)
        for help in ["Play or pause", "Slower (1×, 4×, 16×, 64×)", "Jump to the start of the next section", "One minute back on the timeline", "Leave the replay"] {
            #expect(text.contains(help))
        }
        let leftEarly = model.handle(.escape)
        #expect(leftEarly == nil, "Esc closes the help first")
        #expect(!model.showsHelp)
        let leaves = model.handle(.escape)
        #expect(leaves == .quit)
        for key in [Key.character("q"), .function(10)] {
            var fresh = Self.model()
            let leaves = fresh.handle(key)
            #expect(leaves == .quit, "\(key.label) leaves")
        }
    }

    @Test func theLoopPlaysByTheClockAndQuitsOnQ() {
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let clock = TestClock()
        let loop = ReplayLoop(terminal: terminal, clock: clock, model: Self.model())
        terminal.type(.key(.pageDown), .key(.pageDown), .key(.character("q")))
        loop.run()
        #expect(loop.model.position == 8 * Self.minute)
        #expect(terminal.screen.text.contains("5/6  What worked"))
    }

    @Test func anInterruptedJournalSaysSo() {
        let events = Array(Self.events.prefix(4))
        let model = ReplayModel(timeline: ReplayTimeline(agenda: ScreenFixtures.agenda, events: events),
                                info: ScreenFixtures.info, isInterrupted: true)
        #expect(model.duration == 5 * Self.minute)
        #expect(Self.screen(model).contains("INTERRUPTED MEETING"))
    }
}

extension ReplayScreenTests {
    /// A live meeting's first event comes a few milliseconds after its clock started.
    @Test func aRecordingThatStartsLateOpensOnItsFirstSection() {
        let events = Self.events.map { Event(t: $0.t + 37, $0.change) }
        var model = ReplayModel(timeline: ReplayTimeline(agenda: ScreenFixtures.agenda, events: events), info: ScreenFixtures.info)
        #expect(model.position == 37)
        #expect(Self.screen(model).contains("1/6  Performance vs. goals"))
        _ = model.handle(.end)
        _ = model.handle(.home)
        #expect(model.position == 37)
        _ = model.handle(.character("["))
        #expect(model.position == 37, "never before the first event")
    }
}
