import DebriefKit
import Testing

/// Problems are numbered 1, 2, 3… from the events alone, and a number never moves.
@Suite("Problem numbers")
struct ProblemNumbersTests {
    static func fold(_ changes: [Change]) -> MeetingState {
        let agenda = try! BuiltinAgendas.defaultAgenda()
        let events = ([.sectionStarted(section: "wrong")] + changes).enumerated().map { Event(t: $0.offset * 1000, $0.element) }
        return MeetingState.fold(agenda: agenda, events: events)
    }

    static func added(_ id: Int, _ kind: NoteKind) -> Change {
        .noteAdded(id: id, section: "wrong", content: NoteContent(kind: kind, text: "note \(id)"))
    }

    @Test func theNthProblemKeepsItsNumberWhateverHappensToEarlierOnes() {
        let state = Self.fold([
            Self.added(1, .note), Self.added(2, .problem), Self.added(3, .problem), Self.added(4, .problem),
            .noteRemoved(id: 2),
            .noteEdited(id: 3, content: NoteContent(kind: .note, text: "not a problem after all")),
            .noteEdited(id: 1, content: NoteContent(kind: .problem, text: "a problem after all")),
            Self.added(5, .problem),
        ])
        let numbers = state.problemNumbers
        #expect(numbers.number(of: 2) == 1)
        #expect(numbers.number(of: 3) == 2)
        #expect(numbers.number(of: 4) == 3, "removing and re-kinding earlier problems moves nothing")
        #expect(numbers.number(of: 1) == 4, "re-kinded into a problem: the next number")
        #expect(numbers.number(of: 5) == 5)
        #expect(state.problem(numbered: 3)?.id == 4)
        #expect(state.problem(numbered: 1) == nil, "a removed problem cannot be answered")
        #expect(state.problem(numbered: 2) == nil, "nor one that is no longer a problem")
        #expect(state.problem(numbered: 9) == nil)
    }

    @Test func aNoteReKindedAwayAndBackGetsItsFirstNumberAgain() {
        let state = Self.fold([
            Self.added(1, .problem), Self.added(2, .problem),
            .noteEdited(id: 1, content: NoteContent(kind: .win, text: "x")),
            .noteEdited(id: 1, content: NoteContent(kind: .problem, text: "x")),
        ])
        #expect(state.problemNumbers.number(of: 1) == 1)
        #expect(state.problemNumbers.number(of: 2) == 2)
        #expect(state.problemNumbers.label(of: 2) == "#2")
    }

    @Test func anEditOfAnUnknownNoteNumbersNothing() {
        let state = Self.fold([.noteEdited(id: 7, content: NoteContent(kind: .problem, text: "x")), Self.added(1, .problem)])
        #expect(state.problemNumbers.number(of: 7) == nil)
        #expect(state.problemNumbers.number(of: 1) == 1)
    }
}
