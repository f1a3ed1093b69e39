import DebriefKit
@testable import DebriefTUI
import Testing

/// Money reads in the currency it was typed in, on screen: `$900` never shows as `€900`.
@Suite("Currency: money shows as it was typed")
struct CurrencyTests {
    private func creators(_ lines: [String]) -> CaptureDriver {
        var driver = CaptureDriver(section: "creators")
        for line in lines {
            driver.type(line)
            driver.press(.enter)
        }
        return driver
    }

    @Test func aFeeTypedInDollarsShowsInDollarsAndSoDoItsCosts() {
        let driver = creators(["= @lena followers 18.4k er 3.1% organic 2.4% clicks 450 conv 30 fee $900"])
        #expect(driver.model.meeting.records(in: .creators)[0].text("currency") == "$")
        let screen = driver.screen(width: 200, height: 60)
        #expect(screen.contains("$900"))
        #expect(screen.contains("$/click"))
        #expect(screen.contains("$/conv."))
        #expect(screen.contains(" $30 "), "cost per conversion, 900 / 30")
        #expect(!screen.contains("€"))
    }

    @Test func aFeeTypedWithoutASignTakesTheMeetingsCurrency() {
        let driver = creators(["= @lena fee $900", "= @marco fee 4000", "= @lena fee 950"])
        let rows = driver.model.meeting.records(in: .creators)
        #expect(rows.map { $0.text("currency") } == ["$", "$"])
        #expect(rows[0].number("fee") == 950)
        let screen = driver.screen(width: 100, height: 30)
        #expect(screen.contains("$4,000"))
        #expect(screen.contains("$950"))
    }

    /// Enter on a money cell puts its currency in the form, and saving it unchanged
    /// changes nothing.
    @Test func aMoneyCellsFormCarriesItsCurrency() {
        var driver = CaptureDriver(section: "performance")
        driver.type("= CPM target $12 actual $14.50")
        driver.press(.enter)
        driver.press(.function(5), .enter)  // F5 starts on Target
        #expect(driver.model.editor.text == "= CPM target 12 $")
        let before = driver.events.count
        driver.press(.enter)
        #expect(driver.events.count == before)
        #expect(driver.model.message == "CPM: nothing changed")
    }

    /// A cost KPI typed without a sign is money by its name, in the meeting's currency.
    @Test func aCostKPITypedWithoutASignTakesTheMeetingsCurrency() {
        var driver = CaptureDriver(section: "performance")
        driver.type("= spend target $48k")
        driver.press(.enter)
        driver.type("= CPM target 12 actual 14.5")
        driver.press(.enter)
        #expect(driver.model.meeting.records(in: .kpis).map { $0.text("currency") } == ["$", "$"])
        #expect(driver.screen(width: 100, height: 30).contains("$14.50"))
    }

    @Test func withoutAnySignMoneyReadsInEurosAsBefore() {
        let driver = creators(["= @lena fee 900"])
        #expect(driver.model.meeting.records(in: .creators)[0].text("currency") == nil)
        #expect(driver.screen(width: 100, height: 30).contains("€900"))
    }

    @Test func aKPIInFrancsShowsTheCodeSpacedAndItsTableHasNoEuro() {
        var driver = CaptureDriver(section: "performance")
        driver.type("= CPM target CHF 12 actual CHF 14.50")
        driver.press(.enter)
        let screen = driver.screen(width: 100, height: 30)
        #expect(screen.contains("CHF 12"))
        #expect(screen.contains("CHF 14.50"))
        #expect(!screen.contains("€"))
    }

    @Test func creatorsInTwoCurrenciesEachKeepTheirsAndTheHeadingSaysCost() {
        let driver = creators(["= @lena fee $900 clicks 300", "= @marco fee £4,000 clicks 800"])
        let screen = driver.screen(width: 200, height: 60)
        #expect(screen.contains("$900"))
        #expect(screen.contains("£4,000"))
        #expect(screen.contains("Cost/click"))
        #expect(screen.contains(" $3 "))
        #expect(screen.contains(" £5 "))
    }
}
