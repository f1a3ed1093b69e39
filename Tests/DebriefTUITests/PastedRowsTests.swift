import DebriefKit
@testable import DebriefTUI
import Testing

/// Rows copied from a spreadsheet and pasted in a section with a table become its rows; any
/// other paste stays text, and a paste that cannot be read as rows is kept, and says why.
@Suite("Pasting rows from a spreadsheet")
struct PastedRowsTests {
    private let creators = "Handle\tFollowers\tFee\n@lena\t18,400\t$900\n@marco\t120k\t$4,000\n"

    @Test func aCopiedBlockOfCreatorsBecomesTheirRows() {
        var driver = CaptureDriver(section: "creators")
        driver.send(.paste(creators))
        let rows = driver.model.meeting.records(in: .creators)
        #expect(rows.map(\.name) == ["@lena", "@marco"])
        #expect(rows.map { $0.number("followers") } == [18_400, 120_000])
        #expect(rows.map { $0.text("currency") } == ["$", "$"])
        #expect(driver.model.editor.text.isEmpty)
        #expect(driver.model.meeting.visibleNotes.isEmpty, "the paste is rows, not a note")
        #expect(driver.model.message == "Pasted 2 rows into the Creators table: 2 added, 0 corrected")
        #expect(driver.screen(width: 100, height: 30).contains("$4,000"))
    }

    @Test func pastingAgainCorrectsTheRowsAlreadyThere() {
        var driver = CaptureDriver(section: "creators")
        driver.send(.paste(creators))
        let before = driver.events.count
        driver.send(.paste("handle,followers,clicks\nlena,19000,300\n@ana,7900,40\n"))
        let lena = driver.model.meeting.records(in: .creators)[0]
        #expect(lena.number("followers") == 19_000 && lena.number("clicks") == 300 && lena.number("fee") == 900)
        #expect(driver.model.meeting.records(in: .creators).count == 3)
        #expect(driver.events.count == before + 3, "two corrections and one row")
        #expect(driver.model.message == "Pasted 2 rows into the Creators table: 1 added, 1 corrected")
    }

    @Test func otherPastesStayText() {
        // Not this section's table: a creators block in the KPIs' section.
        var kpis = CaptureDriver(section: "performance")
        kpis.send(.paste(creators))
        #expect(kpis.model.editor.text.hasPrefix("Handle\tFollowers\tFee\n@lena"))
        #expect(kpis.model.meeting.records.isEmpty)
        // Lines of prose, in a section with a table.
        var prose = CaptureDriver(section: "creators")
        prose.send(.paste("Lena delivered late\nbut her reel did well\n"))
        #expect(prose.model.meeting.records.isEmpty)
        #expect(prose.model.editor.text.hasPrefix("Lena delivered late"))
        // Text already typed: the paste joins it.
        var typing = CaptureDriver(section: "creators")
        typing.type("Numbers: ")
        typing.send(.paste(creators))
        #expect(typing.model.meeting.records.isEmpty)
        #expect(typing.model.editor.text.hasPrefix("Numbers: Handle"))
    }

    @Test func aBlockWithABadCellIsKeptAsTextAndSaysWhatToFix() {
        var driver = CaptureDriver(section: "creators")
        driver.send(.paste("Handle\tFollowers\n@lena\tlots\n"))
        #expect(driver.model.meeting.records.isEmpty)
        #expect(driver.model.editor.text.hasPrefix("Handle"))
        #expect(driver.model.message == "Not added as rows: the paste, line 2, column 2 (Followers): 'lots' is not a number")
    }
}
