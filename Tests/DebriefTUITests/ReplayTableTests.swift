import DebriefKit
@testable import DebriefTUI
import Testing

/// Replay folds the same events: the table on screen is the table at the replayed moment.
@Suite("Replay shows the tables changing")
struct ReplayTableTests {
    @Test func aCorrectedCellShowsItsOldValueBeforeTheCorrectionAndItsNewOneAfter() {
        let minute = 60_000
        let fields: [String: FieldValue] = ["kpi": .text("engagement rate"), "target": .number(4), "actual": .number(3.1)]
        let events = [
            Event(t: 0, .sectionStarted(section: "performance")),
            Event(t: minute, .recordAdded(id: 1, table: .kpis, fields: fields)),
            Event(t: 5 * minute, .recordEdited(id: 1, field: "actual", value: .number(4.2))),
            Event(t: 9 * minute, .meetingEnded),
        ]
        var replay = ReplayModel(timeline: ReplayTimeline(agenda: ScreenFixtures.agenda, events: events), info: ScreenFixtures.info)
        let size = TerminalSize(width: 80, height: 24)
        replay.seek(to: 2 * minute)
        let before = ReplayScreen.render(replay, size: size).text
        #expect(before.contains("−22.5%") && before.contains("▼ miss"))
        replay.seek(to: 6 * minute)
        let after = ReplayScreen.render(replay, size: size).text
        #expect(after.contains("+5.0%") && after.contains("▲ beat"))
    }
}
