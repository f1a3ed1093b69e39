import DebriefKit
import PropertyBased
import Testing

/// The reducer keeps each section's visible notes and the problems' tag counts up to date as
/// events arrive, so a frame never filters every note of the meeting. Kept figures can go
/// stale: these compare them with a fresh count from `notes` after every single event.
@Suite("Kept note lists and tag counts match a fresh count")
struct DerivedStateTests {
    @Test func afterEveryEventOfRandomMeetings() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            var state = MeetingState(agenda: RandomSession.agenda)
            for (number, event) in RandomSession(seed: seed).events.enumerated() {
                state.apply(event)
                expectFreshCount(state, "seed \(seed), after event \(number): \(event.change)")
            }
        }
    }

    @Test func afterTagsAreClearedAndKindsChange() {
        var state = MeetingState(agenda: Fixtures.small)
        let events: [Change] = [
            .sectionStarted(section: "b"),
            .noteAdded(id: 1, section: "b", content: NoteContent(kind: .problem, text: "brief late")),
            .noteAdded(id: 2, section: "b", content: NoteContent(kind: .problem, text: "links late")),
            .noteAdded(id: 3, section: "a", content: NoteContent(text: "reach")),
            .noteTagged(id: 1, rootCause: "process", severity: "critical"),
            .noteTagged(id: 2, rootCause: "tools", severity: nil),
            .noteTagged(id: 1, rootCause: nil, severity: nil),
            .noteTagged(id: 2, rootCause: "not in the taxonomy", severity: "minor"),
            .noteEdited(id: 2, content: NoteContent(kind: .win, text: "links late")),
            .noteRemoved(id: 1),
            .noteRemoved(id: 1),
            .noteRemoved(id: 3),
            .noteEdited(id: 2, content: NoteContent(kind: .problem, text: "links late")),
            .noteRestored(id: 1),
            .noteRestored(id: 3),
            .noteRestored(id: 3),
            .noteTagged(id: 1, rootCause: "process", severity: "minor"),
        ]
        for (number, change) in events.enumerated() {
            state.apply(Event(t: number * 1000, change))
            expectFreshCount(state, "after \(change)")
        }
        #expect(state.visibleNotes(inSection: 1).map(\.id) == [1, 2])
        #expect(TagCounts(state).bySeverity.map(\.count) == [2, 0])
    }

    /// The kept figures against the plain computation from every note.
    private func expectFreshCount(_ state: MeetingState, _ context: String) {
        for section in state.agenda.sections.indices {
            let fresh = state.notes.filter { $0.section == section && !$0.isRemoved }
            #expect(Array(state.visibleNotes(inSection: section)) == fresh, "section \(section), \(context)")
        }
        #expect(state.visibleNotes(inSection: state.agenda.sections.count).isEmpty)
        let problems = state.notes.filter { $0.kind == .problem && !$0.isRemoved }
        let counts = TagCounts(state)
        let taxonomy = state.agenda.taxonomy
        #expect(counts.byRootCause.map(\.name) == taxonomy.rootCauses)
        #expect(counts.byRootCause.map(\.count) == taxonomy.rootCauses.map { cause in problems.count { $0.rootCause == cause } },
                "root causes, \(context)")
        #expect(counts.bySeverity.map(\.name) == taxonomy.severities)
        #expect(counts.bySeverity.map(\.count) == taxonomy.severities.map { severity in problems.count { $0.severity == severity } },
                "severities, \(context)")
        #expect(counts.untagged == problems.count { !$0.isTagged }, "untagged, \(context)")
    }
}
