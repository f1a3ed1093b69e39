@testable import DebriefKit
import Foundation
import Testing

/// Rows of the three tables are folded from events like notes: added with the writer's id,
/// corrected one field at a time, removed; a missing value stays missing, and a damaged or
/// hostile event changes nothing it could not have typed.
@Suite("Records: events fold into the meeting's tables")
struct RecordReducerTests {
    private func fold(_ changes: [Change]) -> MeetingState {
        MeetingState.fold(agenda: Fixtures.influencer, events: changes.enumerated().map { Event(t: $0.offset * 1000, $0.element) })
    }

    private let reach: Change = .recordAdded(id: 1, table: .kpis, fields: [
        "kpi": .text("Reach"), "target": .number(1_000_000), "actual": .number(1_200_000)])

    @Test func anAddedRowIsInItsTableWithOnlyTheFieldsGiven() {
        let state = fold([reach])
        let row = state.records(in: .kpis)
        #expect(row.map(\.name) == ["Reach"])
        #expect(row[0].number("target") == 1_000_000)
        #expect(row[0]["target_source"] == nil, "not given: missing, not 0 or empty")
        #expect(state.records(in: .creators).isEmpty)
        #expect(state.nextRecordID == 2)
    }

    @Test func aCorrectedCellChangesOnlyThatCellAndNullMakesItMissing() {
        let state = fold([reach, .recordEdited(id: 1, field: "actual", value: .number(900_000)),
                          .recordEdited(id: 1, field: "target", value: nil)])
        let row = state.record(id: 1)
        #expect(row?.number("actual") == 900_000)
        #expect(row?["target"] == nil)
        #expect(row?.name == "Reach")
    }

    @Test func aRemovedRowLeavesTheTableButKeepsItsId() {
        let state = fold([reach, .recordRemoved(id: 1),
                          .recordAdded(id: 1, table: .kpis, fields: ["kpi": .text("Impostor")])])
        #expect(state.records(in: .kpis).isEmpty)
        #expect(state.record(id: 1)?.name == "Reach", "a second add with the same id is ignored")
        #expect(state.record(id: 1)?.isRemoved == true)
    }

    @Test func fieldsTheTableDoesNotHaveOrOfTheWrongTypeAreNotKept() {
        let state = fold([
            .recordAdded(id: 4, table: .creators, fields: [
                "handle": .text("@a"), "rating": .number(7), "followers": .text("lots"), "colour": .text("red"),
                "draft_on_time": .bool(true), "tier": .text("giga"), "fee": .number(.infinity)]),
            .recordEdited(id: 4, field: "rating", value: .number(2.5)),
            .recordEdited(id: 4, field: "nonsense", value: .number(1)),
            .recordEdited(id: 99, field: "rating", value: .number(3)),
        ])
        let row = state.record(id: 4)
        #expect(row?.fields == ["handle": .text("@a"), "draft_on_time": .bool(true)])
        #expect(state.record(id: 99) == nil)
        #expect(state.nextRecordID == 5, "ids out of order: the next is the highest + 1")
    }

    @Test func theWriterGivesANewRowTheNextRecordIdAfterAResume() throws {
        let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(title: "Spring", startedAt: "2026-11-23T14:00:00Z"))
        let store = SessionStore(folder: Fixtures.temporaryFolder())
        let recorder = try MeetingRecorder.start(header: header, store: store, date: Date())
        recorder.record(Event(t: 0, .sectionStarted(section: "performance")))
        recorder.record(Event(t: 1, .recordAdded(id: 3, table: .kpis, fields: ["kpi": .text("Reach")])))
        let added = recorder.record(.addRecord(table: .kpis, fields: ["kpi": .text("CPM")]), at: 2)
        #expect(added.change == .recordAdded(id: 4, table: .kpis, fields: ["kpi": .text("CPM")]))
        let note = recorder.record(.addNote(section: "performance", content: NoteContent(text: "n")), at: 3)
        #expect(note.change == .noteAdded(id: 1, section: "performance", content: NoteContent(text: "n")),
                "notes keep their own series")
        recorder.leave()

        let meeting = try #require(store.interruptedMeetings().first)
        let resumed = try ResumedMeeting.open(meeting, store: store, countDowntime: false)
        let again = resumed.recorder.record(.addRecord(table: .creators, fields: ["handle": .text("@b")]), at: resumed.clockOffset)
        #expect(again.change == .recordAdded(id: 5, table: .creators, fields: ["handle": .text("@b")]))
        #expect(try SessionReader.read(resumed.recorder.journalURL).state.records.map(\.name) == ["Reach", "CPM", "@b"])
        resumed.recorder.leave()
    }

    @Test func theWriterCutsARecordTextToTheCellLimit() throws {
        let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(title: "Spring", startedAt: "2026-11-23T14:00:00Z"))
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: Fixtures.temporaryFolder()), date: Date())
        let long = String(repeating: "\u{1B}", count: Limits.dataCellBytes + 10)
        let added = recorder.record(.addRecord(table: .content, fields: ["piece": .text(long), "hook": .text(long)]), at: 0)
        guard case .recordAdded(_, _, let fields) = added.change else { Issue.record("not a record"); return }
        #expect(fields.values.allSatisfy { $0.text?.utf8.count == Limits.dataCellBytes })
        let edited = recorder.record(.change(.recordEdited(id: 1, field: "hook", value: .text(long))), at: 1)
        #expect(edited.change == .recordEdited(id: 1, field: "hook", value: .text(String(long.prefix(Limits.dataCellBytes)))))
        #expect(try SessionReader.read(recorder.journalURL).events.count == 2, "both lines read back")
        recorder.leave()
    }

    @Test func recordEventsReadBackEqualWithNullForAMissingValue() throws {
        let events = [Event(t: 0, reach), Event(t: 5, .recordEdited(id: 1, field: "actual", value: nil)),
                      Event(t: 6, .recordEdited(id: 1, field: "comment", value: .text("client \"set\" it"))),
                      Event(t: 7, .recordRemoved(id: 1))]
        let lines = try events.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        #expect(lines[1].contains("\"value\":null"))
        #expect(lines[0].contains("\"target\":1000000"), "whole numbers are written as people wrote them")
        let decoded = try lines.map { try JSONDecoder().decode(Event.self, from: Data($0.utf8)) }
        #expect(decoded == events)
    }

    @Test func anUnknownTableIsRefusedByTheEventDecoder() {
        let line = #"{"type":"record_added","t":0,"id":1,"table":"budgets","fields":{}}"#
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Event.self, from: Data(line.utf8)) }
    }
}
