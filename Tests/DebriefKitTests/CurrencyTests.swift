@testable import DebriefKit
import Foundation
import Testing

/// Money keeps the currency it was written in through import and every export; Debrief
/// converts nothing and sums nothing across currencies.
@Suite("Currency: kept from the file to the exports")
struct CurrencyTests {
    @Test func aFilesSignGoesWithEachRowAndFillsItsUnsignedOnes() throws {
        let table = try DataImport.parse(data: Data("""
        Handle,Fee,Clicks
        @lena,$900,300
        @marco,"4,000",800
        @ana,,50
        """.utf8), file: "creators.csv")
        #expect(table.rows.map { $0.fields["currency"] } == [.text("$"), .text("$"), nil],
                "a row without money has no currency")
    }

    @Test func aCurrencyColumnIsReadAndAnUnknownOneIsRefusedWithItsPlace() throws {
        let table = try DataImport.parse(data: Data("KPI,Target,Actual,Unit,Currency\nCPM,12,14.5,money,usd\n".utf8),
                                         file: "kpis.csv")
        #expect(table.rows[0].fields["currency"] == .text("USD"))
        #expect {
            try DataImport.parse(data: Data("Handle,Fee,Currency\n@lena,900,dollars\n".utf8), file: "c.csv")
        } throws: { error in
            let text = (error as? DataImportError)?.problems.map(\.description).joined() ?? ""
            return text.contains("line 2, column 3") && text.contains("'dollars' is not a currency Debrief knows")
        }
    }

    /// Agency sheets put the currency in the header: `Fee (EUR)` is the fee, in euros.
    @Test func aHeaderNamingItsCurrencyIsTheColumnInThatCurrency() throws {
        let creators = try DataImport.parse(data: Data("Creator;Fee (EUR);Clicks\n@lena;900;300\n@ana;;40\n".utf8),
                                            file: "creators.csv")
        #expect(creators.ignoredColumns.isEmpty)
        #expect(creators.rows[0].fields["fee"] == .number(900))
        #expect(creators.rows.map { $0.fields["currency"] } == [.text("EUR"), nil])
        let kpis = try DataImport.parse(data: Data("KPI,Target in USD,Actual (\u{24}),Unit\nCPM,12,14.5,money\n".utf8),
                                        file: "kpis.csv")
        #expect(kpis.rows[0].fields["target"] == .number(12))
        #expect(kpis.rows[0].fields["actual"] == .number(14.5))
        #expect(kpis.rows[0].fields["currency"] == .text("USD"), "the first column's currency")
        #expect(RecordColumn.headerCurrency("Fee") == nil)
        #expect(RecordColumn.headerCurrency("Handle (USD)")?.name == "Handle")
        #expect(!RecordTable.creators.column("handle")!.matches(header: "Handle (USD)"), "only numbers have a currency")
    }

    @Test func amountsReadWithTheirSignOrSpacedCode() {
        #expect(NumberText.money(900, currency: "$") == "$900")
        #expect(NumberText.money(-0.5, currency: "£") == "−£0.50")
        #expect(NumberText.money(1_200, currency: "CHF") == "CHF 1,200")
        #expect(NumberText.money(900, currency: "kr") == "kr 900")
        #expect(NumberText.money(900) == "€900")
    }

    /// `$`, `US$` and `USD` are one currency however each row wrote it: their costs sum,
    /// shown in the first row's sign; dollars and Canadian dollars still do not.
    @Test func signsThatNameOneCurrencyAreOne() throws {
        func creator(_ id: Int, _ sign: String) -> Record {
            Record(id: id, table: .creators, fields: ["handle": .text("@c\(id)"), "fee": .number(900),
                                                      "conversions": .number(30), "currency": .text(sign), "tier": .text("micro")])
        }
        #expect(RecordCurrency.common([creator(1, "USD"), creator(2, "$"), creator(3, "US$")]) == "USD")
        #expect(RecordCurrency.common([creator(1, "€"), creator(2, "EUR")]) == "€")
        #expect(RecordCurrency.common([creator(1, "£"), creator(2, "GBP")]) == "£")
        #expect(RecordCurrency.common([creator(1, "A$"), creator(2, "AUD"), creator(3, "AU$")]) == "A$")
        #expect(RecordCurrency.common([creator(1, "$"), creator(2, "CA$")]) == nil)
        #expect(RecordCurrency.common([creator(1, "kr"), creator(2, "SEK")]) == nil, "kr may be Norwegian or Danish")
        #expect(BriefTables.patterns([creator(1, "$"), creator(2, "USD")]).contains("| $30 |"))
        let table = try DataImport.parse(data: Data("Handle,Fee,Clicks\n@lena,$900,300\n@marco,USD 4000,800\n".utf8),
                                         file: "creators.csv")
        #expect(table.notes.isEmpty, "one currency, not a mix: \(table.notes)")
        let mixed = try DataImport.parse(data: Data("Handle,Fee,Clicks\n@lena,$900,300\n@marco,EUR 4000,800\n".utf8),
                                         file: "creators.csv")
        #expect(mixed.notes.map(\.description).joined().contains("mixes currencies (EUR, USD)"))
    }

    @Test func exportsPrintEachRowsCurrencyAndNoSumAcrossTwo() {
        let lena = Record(id: 1, table: .creators, fields: ["handle": .text("@lena"), "fee": .number(900),
                                                            "conversions": .number(30), "currency": .text("$"),
                                                            "tier": .text("micro")])
        let marco = Record(id: 2, table: .creators, fields: ["handle": .text("@marco"), "fee": .number(4_000),
                                                             "conversions": .number(40), "currency": .text("£"),
                                                             "tier": .text("micro")])
        #expect(RecordText.field(lena, "fee") == "$900")
        let costPerConversion = ExportColumns.all(.creators).first { $0.key == "cost_per_conversion" }!
        #expect(costPerConversion.text(marco) == "£100")
        #expect(ExportColumns.all(.creators).first { $0.key == "currency" }!.value(lena) == .text("$"))
        let patterns = BriefTables.patterns([lena, marco])
        #expect(patterns.contains("mixed currencies"))
        #expect(!patterns.contains("€"))
        #expect(BriefTables.patterns([lena]).contains("| $30 |"))
    }

    /// An exported table reads back with `--data`, currencies included.
    @Test func anExportedTableReadsBackInItsCurrencies() throws {
        var state = MeetingState(agenda: Fixtures.influencer)
        state.apply(Event(t: 0, .recordAdded(id: 1, table: .creators, fields: ["handle": .text("lena"), "fee": .number(900),
                                                                                "currency": .text("$")])))
        state.apply(Event(t: 0, .recordAdded(id: 2, table: .kpis, fields: ["kpi": .text("CPM"), "target": .number(12),
                                                                            "unit": .text("money"), "currency": .text("CHF")])))
        for (table, expected) in [(RecordTable.creators, "$"), (.kpis, "CHF")] {
            let csv = TableCSVExporter.csv(table, state: state, session: "s")
            let back = try DataImport.parse(data: Data(csv.utf8), file: "\(table).csv")
            #expect(back.rows.first?.fields["currency"] == .text(expected), "\(csv)")
        }
    }

    @Test func aHostileCurrencyInAFileIsDroppedByTheReducer() {
        let fields = Record.valid(["handle": .text("@x"), "currency": .text("\u{1B}[31m$")], in: .creators)
        #expect(fields["currency"] == nil)
        #expect(Record.valid(["handle": .text("@x"), "currency": .text("$")], in: .creators)["currency"] == .text("$"))
    }
}
