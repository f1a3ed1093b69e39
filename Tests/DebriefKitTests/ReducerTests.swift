import DebriefKit
import Testing

@Suite("Reducer: a whole meeting, driven by a test clock")
struct ReducerTests {
    let minute = Fixtures.minute

    @Test func ninetyMinuteMeetingOnScheduleUsesEachSectionsPlannedTime() {
        var script = MeetingScript(agenda: Fixtures.influencer)
        for section in Fixtures.influencer.sections {
            script.start(section.id)
            script.wait(minutes: Double(section.minutes))
        }
        script.record(.meetingEnded)
        let state = script.state
        #expect(state.endedAt == 90 * minute)
        for (index, section) in Fixtures.influencer.sections.enumerated() {
            #expect(state.elapsed(section: index, at: state.endedAt!) == section.minutes * minute)
        }
        #expect(Schedule(state: state, now: 90 * minute).slip == 0)
    }

    @Test func overrunIsCountedAndTheMeetingFallsBehind() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.wait(minutes: 2.5)
        let schedule = Schedule(state: script.state, now: script.clock.now())
        #expect(schedule.isOverrun)
        #expect(schedule.sectionRemaining == -90_000)
        // 2.5 minutes used for a 1-minute section, then 2 + 3 planned: ends at 7.5 of 6.
        #expect(schedule.slip == 90_000)
    }

    @Test func pausedTimeDoesNotCountAgainstTheSection() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.wait(minutes: 0.5)
        script.record(.clockPaused)
        script.wait(minutes: 10)
        #expect(script.state.elapsed(section: 0, at: script.clock.now()) == 30_000)
        script.record(.clockResumed)
        script.wait(minutes: 0.25)
        #expect(script.state.elapsed(section: 0, at: script.clock.now()) == 45_000)
        #expect(!script.state.isPaused)
    }

    @Test func changingSectionWhilePausedKeepsTheClockStopped() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.record(.clockPaused)
        script.start("b")
        script.wait(minutes: 1)
        #expect(script.state.elapsed(section: 1, at: script.clock.now()) == 0)
        script.record(.clockResumed)
        script.wait(minutes: 1)
        #expect(script.state.elapsed(section: 1, at: script.clock.now()) == minute)
    }

    @Test func extendingGivesTheCurrentSectionMoreTime() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.wait(minutes: 2)
        #expect(Schedule(state: script.state, now: script.clock.now()).isOverrun)
        script.record(.sectionExtended(section: "a", minutes: 5))
        let schedule = Schedule(state: script.state, now: script.clock.now())
        #expect(!schedule.isOverrun)
        #expect(schedule.sectionRemaining == 4 * minute)
    }

    @Test func goingBackResumesTheEarlierSectionsClock() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.wait(minutes: 1)
        script.start("b")
        script.wait(minutes: 1)
        script.start("a")
        script.wait(minutes: 0.5)
        let state = script.state
        #expect(state.current == 0)
        #expect(state.elapsed(section: 0, at: script.clock.now()) == 90_000)
        #expect(state.elapsed(section: 1, at: script.clock.now()) == minute)
    }

    @Test func notesBelongToTheSectionTheyWereTakenIn() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.note("first", in: "a")
        script.start("b")
        script.wait(minutes: 1)
        script.note("brief was late", kind: .problem, in: "b")
        let state = script.state
        #expect(state.visibleNotes(inSection: 0).map(\.text) == ["first"])
        #expect(state.visibleNotes(inSection: 1).map(\.text) == ["brief was late"])
        #expect(state.visibleNotes(inSection: 1).first?.t == minute)
    }

    @Test func editsRemovalsTagsAndLinksChangeTheNote() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("b")
        script.note("brief late", kind: .problem, in: "b")
        script.note("checklist", kind: .action, in: "b")
        script.record(.noteTagged(id: 1, rootCause: "process", severity: "critical"))
        script.record(.noteLinked(id: 2, problem: 1))
        script.record(.noteEdited(id: 2, content: NoteContent(kind: .action, text: "brief checklist", owner: "maria", due: "2026-12-01")))
        var state = script.state
        #expect(state.note(id: 1)?.isTagged == true)
        #expect(state.note(id: 2)?.problem == 1)
        #expect(state.note(id: 2)?.content.owner == "maria")
        script.record(.noteRemoved(id: 2))
        state = script.state
        #expect(state.visibleNotes.map(\.id) == [1])
        script.record(.noteRestored(id: 2))
        #expect(script.state.visibleNotes.map(\.id) == [1, 2])
    }

    @Test func eventsAboutUnknownThingsChangeNothing() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        let before = script.state
        script.record(.sectionStarted(section: "nope"))
        script.record(.noteEdited(id: 99, content: NoteContent(text: "x")))
        script.record(.noteTagged(id: 99, rootCause: "process", severity: "minor"))
        script.record(.noteAdded(id: 5, section: "nope", content: NoteContent(text: "x")))
        script.record(.sectionExtended(section: "a", minutes: -3))
        #expect(script.state.notes == before.notes)
        #expect(script.state.sections == before.sections)
        #expect(script.state.current == 0)
    }

    @Test func tagsOutsideTheTaxonomyAreNotAccepted() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("b")
        script.note("x", kind: .problem, in: "b")
        script.record(.noteTagged(id: 1, rootCause: "astrology", severity: "minor"))
        #expect(script.state.note(id: 1)?.rootCause == nil)
        #expect(script.state.note(id: 1)?.severity == "minor")
    }

    @Test func nothingChangesAfterTheMeetingEnded() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.record(.meetingEnded)
        script.note("late", in: "a")
        #expect(script.state.notes.isEmpty)
    }

    @Test func aJoinedTerminalsDraftIsItsOwnAndTheHostsReadsAsBefore() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.record(.draftChanged(text: "host typing", section: "a"))
        script.record(.draftChanged(text: "sam typing", section: "a", terminal: "sam"))
        #expect(script.state.draft == "host typing", "a terminal's draft leaves the host's alone")
        #expect(script.state.terminalDrafts == ["sam": TerminalDraft(text: "sam typing", section: "a")])
        script.record(.draftChanged(text: "", terminal: "sam"))
        #expect(script.state.terminalDrafts.isEmpty, "an empty draft is no draft")
        #expect(script.state.draft == "host typing")
    }
}
