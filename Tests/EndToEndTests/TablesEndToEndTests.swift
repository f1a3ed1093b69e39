import DebriefKit
import Foundation
import Testing

/// The numbers in the real binary: a KPI typed as a form, corrected from the table (F5,
/// →, Enter, a new value, Enter), seen on screen with its variance and in the journal.
@Suite("End to end: the KPI table", .serialized)
struct TablesEndToEndTests {
    @Test func aCellCorrectedInTheTableShowsOnScreenAndInTheJournal() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 10 --client Acme", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")

        try tmux.type("= engagement rate target 4% actual 3.1% source client")
        try tmux.press("Enter")
        try tmux.waitFor("−22.5%")
        try tmux.waitFor("▼ miss")

        try Self.correctActualThroughItsForm(tmux, form: "= engagement rate actual 3.1%", erasing: 4, typing: "4.2%")
        try tmux.waitFor("+5.0%")
        try tmux.waitFor("▲ beat")

        // The correction is in the journal before the meeting ends.
        let journal = try #require(Debrief.files(in: folder, suffix: ".jsonl").first)
        let text = try String(contentsOf: journal, encoding: .utf8)
        #expect(text.contains("record_added"))
        #expect(text.contains("record_edited") && text.contains("4.2"))

        try tmux.press("Escape")
        try tmux.waitFor("F2 Pause")
        try tmux.press("F10")
        try tmux.waitFor("End meeting")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let record = try SessionReader.read(session)
        #expect(record.events.contains { $0.change == .recordEdited(id: 1, field: "actual", value: .number(4.2)) })
    }

    /// A KPI named with a column's word ("goal" also names the target): added in quotes,
    /// then corrected by name without them, and through its cell's form.
    @Test func aKPIWhoseNameHoldsAColumnsWordIsCorrectedByName() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 10", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.type("= conversion goal target 500 actual 420")
        try tmux.press("Enter")
        try tmux.waitFor("a name holding \"goal\" goes in quotes")
        try tmux.press("C-u")
        try tmux.type("= \"Conversion goal\" target 500 actual 420")
        try tmux.press("Enter")
        try tmux.waitFor("−16.0%")
        try tmux.type("= conversion goal actual 450")
        try tmux.press("Enter")
        try tmux.waitFor("−10.0%")
        // Enter on the Actual cell writes the form with the name as it is, and it reads back.
        try Self.correctActualThroughItsForm(tmux, form: "= Conversion goal actual 450", erasing: 3, typing: "480")
        try tmux.waitFor("−4.0%")
        #expect(!(try tmux.screen()).contains("needs a value"))
        try tmux.press("Escape")
        try tmux.waitFor("F2 Pause")
        try tmux.press("F10")
        try tmux.waitFor("End meeting")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: SessionStore.sessionSuffix).first)
        let rows = try SessionReader.read(session).state.records(in: .kpis)
        #expect(rows.map(\.name) == ["Conversion goal"])
        #expect(rows.first?["actual"] == .number(480))
    }

    /// F5 selects the row just typed; → moves from Target to Actual; Enter opens its form,
    /// which shows `form`; its last `erasing` characters are replaced by `typing`, and saved.
    static func correctActualThroughItsForm(_ tmux: Tmux, form: String, erasing: Int, typing: String) throws {
        try tmux.press("F5")
        try tmux.waitFor("Enter Edit")
        try tmux.press("Right", "Enter")
        try tmux.waitFor(form)
        for _ in 0..<erasing { try tmux.press("BSpace") }
        try tmux.type(typing)
        try tmux.press("Enter")
    }

    /// Money typed in dollars shows in dollars, on screen and in the brief: a US team's
    /// numbers are never shown to a client as euros.
    @Test func moneyTypedInDollarsReadsInDollarsOnScreenAndInTheBrief() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 10 --client Acme", sessions: folder), width: 120, height: 30)
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.type("= CPM target $12 actual $14.50")
        try tmux.press("Enter")
        try tmux.waitFor("$14.50")
        // Enter on the money cell: its form says the currency, and saved unchanged it changes nothing.
        try tmux.press("F5")
        try tmux.waitFor("Enter Edit")
        try tmux.press("Enter")
        try tmux.waitFor("› = CPM target 12 $")
        try tmux.press("Enter")
        try tmux.waitFor("CPM: nothing changed")
        try tmux.press("Escape")
        try tmux.waitFor("F2 Pause")
        try tmux.press("NPage")
        let next = try tmux.waitFor("2/6  Creator breakdown")
        // A section left within its first minute with a row typed was covered, not skipped.
        #expect(next.contains("✓ Performance vs. goals") && !next.contains("skipped"), "\(next)")
        try tmux.type("= @lena clicks 300 fee $900")
        try tmux.press("Enter")
        try tmux.type("= @marco clicks 400 fee 4000")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("$4,000")
        #expect(screen.contains("$900") && screen.contains("$/conv."), "\(screen)")
        #expect(!screen.contains("€"), "\(screen)")

        try tmux.press("F10")
        try tmux.waitFor("End meeting")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let brief = try String(contentsOf: try #require(Debrief.files(in: folder, suffix: ".md").first), encoding: .utf8)
        for amount in ["$12", "$14.50", "$900", "$4,000", "$3", "$10"] {
            #expect(brief.contains(amount), "\(amount) in the brief")
        }
        #expect(!brief.contains("€"))
    }

    /// On the smallest screen Debrief runs on, the table shows a row under its heading, and
    /// after F5 the selected row: a heading alone hid the numbers being talked about.
    @Test func onASixtyBySixteenScreenTheTableShowsItsRowsAndTheSelection() throws {
        let tmux = try Tmux(Debrief.command("--time-scale 10", sessions: Debrief.freshFolder()), width: 60, height: 16)
        try tmux.waitFor("1/6  Performance vs. goals")
        for form in ["= reach target 1.2M actual 1.05M", "= CPM target $12 actual $14.50"] {
            try tmux.type(form)
            try tmux.press("Enter")
        }
        try tmux.type("A note about reach")
        try tmux.press("Enter")
        let typing = try tmux.waitFor("A note about reach")
        #expect(typing.contains("CPM") && typing.contains("$14.50"), "the row just typed: \(typing)")
        try tmux.press("F5", "Up")
        try tmux.waitFor("Enter Edit")
        try tmux.waitUntil("the first row is selected and shown") { $0.contains("1,050,000") }
        try tmux.press("Down")
        try tmux.waitUntil("the second row is selected and shown") { $0.contains("$14.50") }
    }

    /// Rows copied from a spreadsheet and pasted (bracketed paste, as terminals send it) in
    /// the creators' section are the table's rows, in the journal at once.
    @Test func rowsPastedFromASpreadsheetAreTheTablesRows() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 10", sessions: folder), width: 120, height: 30)
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.press("NPage")
        try tmux.waitFor("2/6  Creator breakdown")
        try tmux.paste("Handle\tFollowers\tER\tFee\n@lena\t18,400\t3.1%\t$900\n@marco\t120k\t1.2%\t$4,000\n")
        let screen = try tmux.waitFor("Pasted 2 rows into the Creators table: 2 added, 0 corrected")
        #expect(screen.contains("@marco") && screen.contains("120,000") && screen.contains("$4,000"), "\(screen)")
        #expect(screen.contains("Notes · 0"), "the paste is no note: \(screen)")
        let journal = try String(contentsOf: try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first), encoding: .utf8)
        #expect(journal.components(separatedBy: "\"record_added\"").count - 1 == 2)
    }

    /// Del on a row by mistake: u brings it back, values and place, and the session file
    /// keeps both the removal and the return.
    @Test func aRowRemovedByMistakeComesBackWithU() throws {
        let folder = Debrief.freshFolder()
        let creators = Debrief.repository.appending(path: "Agendas/samples/creators.csv")
        let tmux = try Tmux(Debrief.command("--time-scale 10 --data '\(creators.path)'", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.press("NPage")
        try tmux.waitFor("2/6  Creator breakdown")
        try tmux.waitFor("@lena.cooks")
        try tmux.press("F5")
        try tmux.waitFor("Enter Edit")
        try tmux.press("DC")
        try tmux.waitFor("u or Ctrl-Z brings it back")
        // Only the message names the row now.
        let rows = { (screen: String) in screen.split(separator: "\n").filter { $0.contains("@lena.cooks") && !$0.contains("Creators") } }
        try tmux.waitUntil("the row gone") { rows($0).isEmpty }
        try tmux.press("u")
        try tmux.waitFor("is back in Creators")
        try tmux.waitUntil("the row back") { !rows($0).isEmpty }
        try tmux.press("Escape")
        try tmux.waitFor("F2 Pause")
        try tmux.press("F10")
        try tmux.waitFor("End meeting")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let record = try SessionReader.read(session)
        let lena = try #require(record.state.records(in: .creators).first, "the row is back, first as before")
        #expect(lena.name == "@lena.cooks")
        #expect(lena.number("followers") == 48_200)
        #expect(record.events.contains { $0.change == .recordRemoved(id: lena.id) })
        #expect(record.events.contains { $0.change == .recordRestored(id: lena.id) })
    }

    /// The three sample files imported with --data are on screen in their sections at once,
    /// and a creator's row opens in full with its computed lift.
    @Test func importedSamplesShowInTheirSections() throws {
        let folder = Debrief.freshFolder()
        let samples = Debrief.repository.appending(path: "Agendas/samples")
        let data = ["kpis.csv", "creators.csv", "content.csv"].map { "--data '\(samples.appending(path: $0).path)'" }
        let tmux = try Tmux(Debrief.command("--time-scale 10 " + data.joined(separator: " "), sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.waitFor("Variance")
        try tmux.waitFor("▲ beat")
        try tmux.press("NPage")
        try tmux.waitFor("2/6  Creator breakdown")
        try tmux.waitFor("Spons. ER")
        try tmux.press("F5")
        try tmux.waitFor("Enter Edit")
        try tmux.press("o")
        try tmux.waitFor("Lift over organic")
        try tmux.press("Escape")
        try tmux.waitUntil("the row closed") { !$0.contains("Lift over organic") }
        try tmux.press("Escape")
        try tmux.waitFor("F2 Pause")
        try tmux.press("NPage")
        try tmux.waitFor("3/6  Content analysis")
        try tmux.waitFor("▲ Top 3 by ER")
        try tmux.press("F6")
        try tmux.waitFor("▲ Top 3 by Clicks")
        try tmux.press("F10")
        try tmux.waitFor("End meeting")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
    }
}
