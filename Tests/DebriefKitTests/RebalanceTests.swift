@testable import DebriefKit
import Foundation
import Testing

/// Running behind (issue 14 §4): the agenda proposes what the sections not reached yet
/// would get if the meeting still ended on time, and accepting it is an event.
@Suite("Rebalancing the agenda when the meeting runs behind")
struct RebalanceTests {
    let minute = 60_000
    /// 90 minutes: 10, 20, 20, 20, 10, 10.
    var agenda: Agenda { try! BuiltinAgendas.defaultAgenda() }

    /// In What went wrong (50–70) at 75:00: 5 minutes over, two 10-minute sections left.
    func behind() -> MeetingState {
        var state = MeetingState(agenda: agenda)
        state.apply(Event(t: 0, .sectionStarted(section: agenda.sections[0].id)))
        state.apply(Event(t: 10 * minute, .sectionStarted(section: agenda.sections[1].id)))
        state.apply(Event(t: 30 * minute, .sectionStarted(section: agenda.sections[2].id)))
        state.apply(Event(t: 50 * minute, .sectionStarted(section: agenda.sections[3].id)))
        return state
    }

    @Test func onTimeThereIsNothingToPropose() {
        #expect(Rebalance.proposal(behind(), now: 60 * minute) == nil)
        #expect(Rebalance.proposal(behind(), now: 70 * minute + 30_000) == nil, "half a minute over is noise")
    }

    @Test func behindTheSectionsLeftShareWhatRemainsInWholeMinutes() throws {
        // At 75:00 the current section is 5 over: 15 minutes remain for 20 planned.
        let plan = try #require(Rebalance.proposal(behind(), now: 75 * minute))
        #expect(plan == [SectionMinutes(section: agenda.sections[4].id, minutes: 8),
                         SectionMinutes(section: agenda.sections[5].id, minutes: 7)])
        // 2.5 minutes over: 17 whole minutes; the spare one goes to the first.
        #expect(Rebalance.proposal(behind(), now: 72 * minute + 30_000)?.map(\.minutes) == [9, 8])
    }

    @Test func acceptingItChangesThePlanSoTheMeetingEndsOnTime() throws {
        var state = behind()
        let plan = try #require(Rebalance.proposal(state, now: 75 * minute))
        state.apply(Event(t: 75 * minute, .agendaRebalanced(plan)))
        #expect(state.sections[4].plannedMinutes == 8 && state.sections[5].plannedMinutes == 7)
        let schedule = Schedule(state: state, now: 75 * minute)
        #expect(schedule.slip == 0, "the meeting is on time again")
        #expect(Rebalance.proposal(state, now: 75 * minute) == nil)
        // The session's summary and the brief say the new plan.
        state.apply(Event(t: 75 * minute, .meetingEnded))
        #expect(SessionSummary(state: state).sections[4].plannedMinutes == 8)
        #expect(BriefWriter.timeTable(state).contains("8 min (rebalanced from 10)"))
    }

    @Test func aHostilePlanChangesOnlyWhatIsValid() {
        var state = behind()
        state.apply(Event(t: 75 * minute, .agendaRebalanced([
            SectionMinutes(section: "nope", minutes: 5), SectionMinutes(section: agenda.sections[4].id, minutes: 0),
            SectionMinutes(section: agenda.sections[5].id, minutes: 99_999), SectionMinutes(section: agenda.sections[5].id, minutes: 4),
        ])))
        #expect(state.sections.map(\.plannedMinutes) == [10, 20, 20, 20, 10, 10])
    }

    @Test func theEventReadsBackFromItsLine() throws {
        let event = Event(t: 75 * minute, .agendaRebalanced([SectionMinutes(section: "wins", minutes: 8)]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let line = String(decoding: try encoder.encode(event), as: UTF8.self)
        #expect(line == #"{"sections":[{"minutes":8,"section":"wins"}],"t":4500000,"type":"agenda_rebalanced"}"#)
        #expect(try JSONDecoder().decode(Event.self, from: Data(line.utf8)) == event)
    }
}
