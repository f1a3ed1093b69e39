import DebriefKit
import Foundation
import PropertyBased
import Testing

@Suite("Replay timeline: the state at any moment is the fold of the events up to it")
struct ReplayTimelineTests {
    @Test func stateAtAnyTimeEqualsFoldingTheEventsUpToThatTime() async {
        await propertyCheck(count: 200, input: Gen.uint64(), Gen.int(in: 1...8)) { seed, interval in
            let session = RandomSession(seed: seed, maxEvents: 80)
            let timeline = ReplayTimeline(agenda: RandomSession.agenda, events: session.events, snapshotInterval: interval)
            let times = Set(session.events.map(\.t)).flatMap { [$0 - 1, $0, $0 + 1] } + [0, timeline.duration, timeline.duration + 5_000]
            for t in times {
                let expected = MeetingState.fold(agenda: RandomSession.agenda, events: session.events.filter { $0.t <= t })
                #expect(timeline.state(at: t) == expected, "t = \(t), seed \(seed), interval \(interval)")
            }
            // Playing forward in small steps (the incremental path) agrees with seeking.
            var state = timeline.state(afterEvents: 0)
            var seen = 0
            for t in stride(from: 0, through: timeline.duration, by: 7_000) {
                let count = timeline.eventCount(at: t)
                state = timeline.advance(state, from: seen, to: count)
                seen = count
                #expect(state == timeline.state(at: t), "playing to \(t), seed \(seed)")
            }
        }
    }

    @Test func sectionStartsAndEventStepsFollowTheRecording() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.wait(minutes: 1)
        script.note("one", in: "a")
        script.wait(minutes: 1)
        script.start("b")
        script.record(.sectionStarted(section: "no-such-section"))
        script.wait(minutes: 2)
        script.start("c")
        script.wait(minutes: 1)
        script.record(.meetingEnded)
        script.start("a")  // after the end: ignored by the reducer, so not a mark either
        let timeline = ReplayTimeline(agenda: Fixtures.small, events: script.events)
        #expect(timeline.sectionStarts.map(\.section) == [0, 1, 2])
        #expect(timeline.sectionStarts.map(\.time) == [0, 2 * Fixtures.minute, 4 * Fixtures.minute])
        #expect(timeline.duration == 5 * Fixtures.minute)
        #expect(timeline.nextEventTime(after: 0) == Fixtures.minute)
        #expect(timeline.previousEventTime(before: 2 * Fixtures.minute) == Fixtures.minute)
        #expect(timeline.previousEventTime(before: 0) == nil)
    }

    @Test func aJournalWithNoEventsYetReplaysAsAnEmptyMeeting() {
        let timeline = ReplayTimeline(agenda: Fixtures.small, events: [])
        #expect(timeline.duration == 0 && timeline.start == 0 && timeline.sectionStarts.isEmpty)
        #expect(timeline.state(at: 60_000) == MeetingState(agenda: Fixtures.small))
        #expect(timeline.nextEventTime(after: 0) == nil && timeline.previousEventTime(before: 10) == nil)
    }

    @Test func eventsOutOfOrderAreReadTheWayTheReducerReadsThem() {
        let events = [Event(t: 0, .sectionStarted(section: "a")), Event(t: 5_000, .noteAdded(id: 1, section: "a", content: NoteContent(text: "x"))),
                      Event(t: 3_000, .noteAdded(id: 2, section: "a", content: NoteContent(text: "y")))]
        let timeline = ReplayTimeline(agenda: Fixtures.small, events: events)
        #expect(timeline.state(at: 4_000).notes.isEmpty)
        #expect(timeline.state(at: 5_000) == MeetingState.fold(agenda: Fixtures.small, events: events))
    }

    /// A benchmark, not an assertion: prints how long building and seeking take for a
    /// 100,000-event session (mostly typing drafts, as real sessions are).
    @Test func seekingInAHundredThousandEventSessionIsInstant() {
        var events = [Event(t: 0, .sectionStarted(section: "a"))]
        var id = 0
        for index in 1..<100_000 {
            let t = index * 50
            switch index % 50 {
            case 0:
                id += 1
                events.append(Event(t: t, .noteAdded(id: id, section: ["a", "b", "c"][id % 3], content: NoteContent(kind: .problem, text: "note \(id)"))))
            case 1 where id > 0: events.append(Event(t: t, .noteTagged(id: id, rootCause: "process", severity: "minor")))
            case 2 where index % 20_000 == 2: events.append(Event(t: t, .sectionStarted(section: ["a", "b", "c"][index / 20_000 % 3])))
            default: events.append(Event(t: t, .draftChanged(text: "typing \(index)")))
            }
        }
        let clock = ContinuousClock()
        var timeline: ReplayTimeline?
        let build = clock.measure { timeline = ReplayTimeline(agenda: Fixtures.small, events: events) }
        var seeks: [Duration] = []
        var rng = Xoshiro(seed: (1, 2, 3, 4))
        for _ in 0..<200 {
            let t = Int.random(in: 0...timeline!.duration, using: &rng)
            seeks.append(clock.measure { _ = timeline!.state(at: t) })
        }
        seeks.sort()
        print("replay benchmark: 100,000 events; build with snapshots \(build); seek median \(seeks[100]), worst \(seeks.last!)")
        #expect(timeline!.state(at: timeline!.duration) == MeetingState.fold(agenda: Fixtures.small, events: events))
    }
}
