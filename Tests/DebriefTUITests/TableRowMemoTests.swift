import DebriefKit
@testable import DebriefTUI
import Testing
import TestSupport

/// The table's rows are formatted once per change of the records and reused by every frame
/// until the next one (a keystroke changes none of them). The reused rows must never show
/// what a fresh frame would not: random tables, edits, removals, notes pointing at rows,
/// another ranking metric and the table's focus, each frame compared cell for cell with the
/// same frame drawn from nothing kept.
@Suite("Table rows kept between frames draw as a fresh frame would")
struct TableRowMemoTests {
    private static let sections = ["performance", "creators", "content"]
    private static let sizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 200, height: 60),
                                TerminalSize(width: 120, height: 40)]
    private static let fields: [RecordTable: [String]] = [
        .kpis: ["target", "actual"],
        .creators: ["followers", "sponsored_er", "organic_er", "clicks", "conversions", "fee", "rating"],
        .content: ["views", "reach", "er", "clicks", "conversions"],
    ]

    /// The same model with nothing kept between frames.
    private func fresh(_ model: AppModel) -> AppModel {
        var fresh = model
        fresh.tableRowMemo = TableRowMemo()
        fresh.patternMemo = PatternMemo()
        return fresh
    }

    @Test("Random tables and edits", arguments: 0..<12)
    func keptRowsDrawAsFreshOnes(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &* 7919 &+ 1)
        var model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "creators"))], now: 0)
        var t = 0
        func apply(_ change: Change) {
            t += 10
            model.apply(Event(t: t, change))
            model.now = t
        }
        for step in 0..<60 {
            let records = model.meeting.records.filter { !$0.isRemoved }
            switch random.next(upTo: 8) {
            case 0, 1, 2:
                let table = [RecordTable.kpis, .creators, .content][random.next(upTo: 3)]
                var values: [String: FieldValue] = [table.keyColumn.key: .text(table == .creators ? "@c\(step)" : "row \(step)")]
                for key in Self.fields[table] ?? [] where random.next(upTo: 3) > 0 {
                    values[key] = .number(Double(random.next(upTo: 5_000_000)) / 100)
                }
                apply(.recordAdded(id: model.meeting.nextRecordID, table: table, fields: values))
            case 3, 4:
                guard let record = records.randomElement(using: &random), let key = Self.fields[record.table]?.randomElement(using: &random)
                else { continue }
                apply(.recordEdited(id: record.id, field: key, value: .number(Double(random.next(upTo: 90_000)) / 10)))
            case 5:
                guard let record = records.randomElement(using: &random) else { continue }
                apply(.recordRemoved(id: record.id))
            case 6:
                let words = ["@c\(random.next(upTo: step + 1))", "#c\(random.next(upTo: 8) + 1)", "fine"]
                apply(.noteAdded(id: model.meeting.nextNoteID, section: Self.sections[random.next(upTo: 3)],
                                 content: NoteContent(kind: .note, text: "see \(words[random.next(upTo: 3)])")))
            default:
                apply(.sectionStarted(section: Self.sections[random.next(upTo: 3)]))
                model.contentMetric = ["er", "views", "reach"][random.next(upTo: 3)]
            }
            if random.next(upTo: 4) == 0, let table = model.shownTable, let row = model.meeting.records(in: table).randomElement(using: &random) {
                model.focus = .table
                model.selectedRecordID = row.id
            } else {
                model.focus = .input
            }
            let size = Self.sizes[random.next(upTo: Self.sizes.count)]
            _ = MeetingScreen.render(model, size: size)  // the frame that fills the memo
            let kept = MeetingScreen.render(model, size: size)
            let expected = MeetingScreen.render(fresh(model), size: size)
            #expect(kept == expected, "seed \(seed), step \(step), \(size.width)×\(size.height):\n\(kept.text)\n---\n\(expected.text)")
            if kept != expected { return }
            // The kept drawing of the pane, put back, is the pane drawn with nothing kept at all.
            if var pane = model.tablePane {
                let area = Rect(x: 1, y: 3, width: size.width - 2, height: size.height - 8)
                var put = Canvas(width: size.width, height: size.height), drawn = put
                pane.draw(in: &put, area: area)
                pane.frameMemo = nil
                pane.rowMemo = nil
                pane.patterns = nil
                pane.draw(in: &drawn, area: area)
                #expect(put == drawn, "seed \(seed), step \(step): the kept pane differs from one drawn afresh")
            }
        }
    }

    /// Typing a note with the creators on screen: each key draws a frame, none of them the
    /// table again (counting the notes that point at rows and laying out every cell was
    /// most of a keystroke's CPU). A saved note that names a creator shows on their row.
    @Test func typingANoteReusesTheDrawnTableAndASavedNoteShowsOnItsRow() {
        var driver = CaptureDriver(section: "creators")
        driver.type("= @lena followers 18.4k er 3.1% organic 2.4% fee 900")
        driver.press(.enter)
        let size = (width: 200, height: 60)
        _ = driver.screen(width: size.width, height: size.height)
        let before = driver.model.tableFrameMemo.drawings
        for character in "Great reel from @lena" {
            driver.type(String(character))
            _ = driver.screen(width: size.width, height: size.height)
        }
        #expect(driver.model.tableFrameMemo.drawings == before, "a keystroke redrew the table")
        driver.press(.enter)
        #expect(driver.screen(width: size.width, height: size.height).contains("✎1"), "the note shows on its row at once")
    }

    @Test func anEditedNumberShowsOnTheNextFrame() {
        var model = ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "creators")),
            Event(t: 10, .recordAdded(id: 1, table: .creators, fields: ["handle": .text("@lena"), "fee": .number(900)])),
        ], now: 10)
        let size = TerminalSize(width: 200, height: 60)
        #expect(MeetingScreen.render(model, size: size).text.contains("€900"))
        model.apply(Event(t: 20, .recordEdited(id: 1, field: "fee", value: .number(1_250))))
        let text = MeetingScreen.render(model, size: size).text
        #expect(text.contains("€1,250") && !text.contains("€900"))
    }
}
