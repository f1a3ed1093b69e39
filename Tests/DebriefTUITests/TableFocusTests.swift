import DebriefKit
@testable import DebriefTUI
import Testing

/// Adding and correcting rows at typing speed: forms in the input, the table's focus (F5),
/// every change an event. Driven through the app model as the loop drives it.
@Suite("The section's table: forms, focus, corrections")
struct TableFocusTests {
    private func kpis() -> CaptureDriver {
        var driver = CaptureDriver(section: "performance")
        for line in ["= reach target 1.2M actual 1.05M source history", "= engagement rate target 4% actual 3.1%"] {
            driver.type(line)
            driver.press(.enter)
        }
        return driver
    }

    @Test func aFormAddsARowAndANoteStaysANote() {
        var driver = kpis()
        driver.type("Reach was close")
        driver.press(.enter)
        let rows = driver.model.meeting.records(in: .kpis)
        #expect(rows.map(\.name) == ["reach", "engagement rate"])
        #expect(rows[0].number("actual") == 1_050_000)
        #expect(driver.model.meeting.visibleNotes.map(\.text) == ["Reach was close"])
        #expect(driver.screen(width: 80, height: 24).contains("−22.5% ▼ miss"))
    }

    @Test func aFormForAnExistingRowCorrectsOnlyWhatChanged() {
        var driver = kpis()
        let before = driver.events.count
        driver.type("= Reach actual 1.1M target 1.2M")
        driver.press(.enter)
        let id = driver.model.meeting.records(in: .kpis)[0].id
        #expect(Array(driver.events[before...]).map(\.change) == [.recordEdited(id: id, field: "actual", value: .number(1_100_000))])
        #expect(driver.model.editor.text.isEmpty)
    }

    @Test func aBadFormStaysInTheInputWithAMessage() {
        var driver = kpis()
        let before = driver.events.count
        driver.type("= reach actual lots")
        driver.press(.enter)
        #expect(driver.events.count == before)
        #expect(driver.model.editor.text == "= reach actual lots")
        #expect(driver.model.message == "Actual: 'lots' is not a number")
    }

    @Test func arrowsMoveEnterOpensTheCellsFormAndSavingReturnsToTheTable() {
        var driver = kpis()
        // F5 starts on the row last typed (engagement rate); → moves from Target to Actual.
        driver.press(.function(5), .right)
        #expect(driver.model.focus == .table)
        driver.press(.enter)
        #expect(driver.model.focus == .input)
        #expect(driver.model.editor.text == "= engagement rate actual 3.1%")
        driver.press(.backspace, .backspace, .backspace, .backspace)
        driver.type("3.4%")
        driver.press(.enter)
        let row = driver.model.meeting.records(in: .kpis)[1]
        #expect(row.number("actual") == 3.4)
        #expect(driver.model.focus == .table, "saving a cell goes back to the table")
        #expect(driver.screen(width: 80, height: 24).contains("−15.0%"), "the variance follows the corrected cell")
    }

    @Test func deleteRemovesTheRowAndEscLeavesTheTable() {
        var driver = kpis()
        driver.press(.function(5), .up, .delete)
        #expect(driver.events.last?.change == .recordRemoved(id: 1))
        #expect(driver.model.meeting.records(in: .kpis).map(\.name) == ["engagement rate"])
        driver.press(.escape)
        #expect(driver.model.focus == .input)
    }

    @Test func uBringsBackTheRemovedRowWithItsValuesAndPlace() {
        var driver = kpis()
        driver.press(.function(5), .up, .delete)
        #expect(driver.model.message?.contains("u or Ctrl-Z brings it back") == true)
        driver.press(.character("u"))
        #expect(driver.events.last?.change == .recordRestored(id: 1))
        let rows = driver.model.meeting.records(in: .kpis)
        #expect(rows.map(\.name) == ["reach", "engagement rate"], "back in its place")
        #expect(rows[0].number("actual") == 1_050_000, "with its values")
        #expect(driver.model.focus == .table)
        #expect(driver.screen(width: 80, height: 24).contains("1,050,000"))
        driver.press(.character("u"))
        #expect(driver.model.message == "Nothing to bring back")
    }

    @Test func ctrlZBringsBackEveryRowLastFirstEvenTheTablesLast() {
        var driver = kpis()
        driver.press(.function(5), .delete, .delete)
        #expect(driver.model.meeting.records(in: .kpis).isEmpty)
        #expect(driver.model.focus == .table, "the empty table keeps focus: u is the way back")
        driver.press(.control("z"))
        #expect(driver.model.meeting.records(in: .kpis).map(\.name) == ["reach"])
        driver.press(.control("z"))
        #expect(driver.model.meeting.records(in: .kpis).map(\.name) == ["reach", "engagement rate"])
    }

    @Test func aRowTypedAgainIsNotBroughtBackTwice() {
        var driver = kpis()
        driver.press(.function(5), .up, .delete, .escape)
        driver.type("= reach target 1M")
        driver.press(.enter)
        driver.press(.function(5), .character("u"))
        #expect(driver.model.meeting.records(in: .kpis).filter { $0.name == "reach" }.count == 1)
        #expect(driver.model.message?.contains("again") == true)
    }

    @Test func aComputedColumnIsNotTypedIn() {
        var driver = kpis()
        driver.press(.function(5), .right, .right, .right, .enter)
        #expect(driver.model.focus == .table)
        #expect(driver.model.message?.contains("computed") == true)
    }

    @Test func f5WithNoRowsSaysHowToTypeTheFirst() {
        var driver = CaptureDriver(section: "performance")
        driver.press(.function(5))
        #expect(driver.model.focus == .input)
        #expect(driver.model.message?.contains("= reach target") == true)
    }

    @Test func aFormInASectionWithoutATableNamesTheSectionsThatHaveOne() {
        var driver = CaptureDriver(section: "wrong")
        driver.type("= reach target 1M")
        driver.press(.enter)
        #expect(driver.model.meeting.records.isEmpty)
        #expect(driver.model.message?.contains("Performance vs. goals") == true)
    }

    /// Two pieces are both in the top: the bottom says so instead of an empty grid.
    @Test func fewPiecesLeaveTheBottomSayingWhy() {
        var driver = CaptureDriver(section: "content")
        for line in ["= A views 10 er 9%", "= B views 900 er 1%"] {
            driver.type(line)
            driver.press(.enter)
        }
        let screen = driver.screen(width: 80, height: 24)
        #expect(screen.contains("▲ Top 2 by ER"))
        #expect(screen.contains("▼ Bottom 0 by ER"))
        #expect(screen.contains("the top holds every ranked piece"))
        driver.press(.function(6))  // ranked by a metric no piece has
        #expect(driver.screen(width: 80, height: 24).contains("no piece has Clicks yet"))
    }

    /// Pieces without an engagement rate (an Instagram export) are ranked by what they
    /// give, as the brief ranks them, until a metric is chosen.
    @Test func contentWithoutARateIsRankedByItsFirstNumber() {
        var driver = CaptureDriver(section: "content")
        for line in ["= A views 10", "= B views 900", "= C views 50 reach 40"] {
            driver.type(line)
            driver.press(.enter)
        }
        #expect(driver.screen(width: 80, height: 24).contains("▲ Top 3 by Views"))
        driver.press(.function(6))
        #expect(driver.model.chosenContentMetric == "reach", "the next metric after views")
        driver.type("= D views 5 er 4%")
        driver.press(.enter)
        #expect(driver.model.contentMetric == "reach", "a metric chosen stays chosen")
    }

    @Test func theMetricKeyReranksContent() {
        var driver = CaptureDriver(section: "content")
        for line in ["= A views 10 er 9%", "= B views 900 er 1%", "= C views 50 er 5%", "= D views 20 er 2%"] {
            driver.type(line)
            driver.press(.enter)
        }
        #expect(driver.screen(width: 80, height: 24).contains("▲ Top 3 by ER"))
        driver.press(.function(6))
        let screen = driver.screen(width: 80, height: 24)
        #expect(screen.contains("▲ Top 3 by Clicks") || screen.contains("▲ Top 0 by Clicks"))
        #expect(driver.model.contentMetric == "clicks")
    }

    @Test func thePatternsFollowACorrectedCell() {
        var driver = CaptureDriver(section: "creators")
        driver.type("= @lena tier micro er 3% organic 2%")
        driver.press(.enter)
        #expect(driver.screen(width: 200, height: 60).contains("micro  1       +50.0%"))
        driver.type("= @lena organic 2.5%")
        driver.press(.enter)
        let screen = driver.screen(width: 200, height: 60)
        #expect(screen.contains("micro  1       +20.0%") && !screen.contains("+50.0%"), "grouped again after the change")
    }

    @Test func aNoteNamingACreatorShowsOnTheirRowAndInTheOpenedRow() {
        var driver = CaptureDriver(section: "creators")
        driver.type("= @lena er 3.1% organic 2.4%")
        driver.press(.enter)
        driver.type("@lena kept her own voice")
        driver.press(.enter)
        #expect(driver.screen(width: 200, height: 60).contains("✎1"))
        driver.press(.function(5), .character("o"))
        let card = driver.screen(width: 100, height: 30)
        #expect(card.contains("Lift over organic") && card.contains("+29.2%"))
        #expect(card.contains("• @lena kept her own voice"))
        driver.press(.escape)
        #expect(driver.model.overlay == nil)
    }
}

@Suite("Tables at every size")
struct TableSizeTests {
    @Test func everyTableFitsEverySizeFromTheSmallestUpAndHostileTextStaysVisible() {
        var driver = CaptureDriver(section: "performance")
        driver.type("= reach\u{1B}[2J target 1M actual 900k comment \u{202E}evil")
        driver.press(.enter)
        for section in ["creators", "content"] {
            driver.record(.sectionStarted(section: section))
            driver.type(section == "creators" ? "= @lena er 3% organic 2% fee 900 clicks 40" : "= Reel views 10k er 2%")
            driver.press(.enter)
            for (width, height) in [(60, 16), (61, 17), (80, 24), (100, 30), (120, 30), (150, 40), (200, 60)] {
                for focus in [false, true] {
                    var model = driver.model
                    if focus { _ = model.handle(.key(.function(5))) }
                    let screen = ScreenFixtures.render(model, width: width, height: height)
                    for line in screen.split(separator: "\n") { #expect(DisplayWidth.of(line) <= width, "\(section) \(width)×\(height)") }
                    #expect(!screen.contains("\u{1B}") && !screen.contains("\u{202E}"))
                }
            }
        }
        #expect(driver.model.meeting.records.count == 3)
    }
}

@Suite("Numbers as tables show them")
struct NumberTextTests {
    @Test func groupedPercentMoneyAndMissing() {
        #expect(NumberText.count(1_050_000) == "1,050,000")
        #expect(NumberText.count(999) == "999")
        #expect(NumberText.count(2.5) == "2.5")
        #expect(NumberText.count(nil) == "—")
        #expect(NumberText.percent(3.1) == "3.1%")
        #expect(NumberText.percent(0.05) == "0.1%")
        #expect(NumberText.signedPercent(-22.5) == "−22.5%")
        #expect(NumberText.signedPercent(5) == "+5.0%")
        #expect(NumberText.signedPercent(0.01) == "0.0%")
        #expect(NumberText.money(0.41) == "€0.41")
        #expect(NumberText.money(0.4) == "€0.40")
        #expect(NumberText.money(12_000) == "€12,000")
        #expect(NumberText.money(-8.5) == "−€8.50")
        #expect(NumberText.grouped(-1_234.567, decimals: 2) == "−1,234.57")
        #expect(NumberText.grouped(1e20) == "100000000000000000000")
    }
}
