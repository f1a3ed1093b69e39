import DebriefKit
import Testing

/// The one-line table form typed in the note input: what a note-taker types, what it means.
@Suite("Table forms: = name column value …")
struct RecordFormParserTests {
    private func parse(_ typed: String, _ table: RecordTable) throws -> RecordFormParser.Form {
        try RecordFormParser.parse(typed, table: table).get()
    }

    private func error(_ typed: String, _ table: RecordTable) -> String? {
        if case .failure(let error) = RecordFormParser.parse(typed, table: table) { return error.message }
        return nil
    }

    @Test func aKPIWithTargetActualAndSource() throws {
        let form = try parse("= reach target 1.2M actual 1.05M source history", .kpis)
        #expect(form.key == "reach")
        #expect(form.fields.map(\.0) == ["target", "actual", "target_source"])
        #expect(form.fields.map(\.1) == [.number(1_200_000), .number(1_050_000), .text("historical")])
    }

    @Test func aKPINameOfSeveralWordsRunsUpToTheFirstColumn() throws {
        let form = try parse("=engagement rate target 4% actual 3.1%", .kpis)
        #expect(form.key == "engagement rate")
        #expect(form.fields.map(\.1) == [.number(4), .number(3.1), .text("percent")])
    }

    @Test func aRowWhoseNameHoldsAColumnsNameIsEditedUnquoted() throws {
        let rows: Set<String> = ["conversion goal", "goal completions"]
        let existing = { (name: String) in rows.contains(name.lowercased()) }
        let goal = try RecordFormParser.parse("= Conversion goal target 500 actual 420", table: .kpis, isRowName: existing).get()
        #expect(goal.key == "Conversion goal")
        #expect(goal.fields.map(\.0) == ["target", "actual"] && goal.fields.map(\.1) == [.number(500), .number(420)])
        let completions = try RecordFormParser.parse("= goal completions actual 5", table: .kpis, isRowName: existing).get()
        #expect(completions.key == "goal completions" && completions.fields.map(\.1) == [.number(5)])
        // A row not in the table yet: its name stops at the first column's name, as always,
        // and a quoted name holds any word.
        #expect(error("= goal completions actual 5", .kpis)?.contains("a name holding \"goal\" goes in quotes") == true)
        #expect(try parse("= \"goal completions\" actual 5", .kpis).key == "goal completions")
        #expect(try RecordFormParser.parse("= reach target 9 actual 5", table: .kpis, isRowName: existing).get().key == "reach")
        // A forgotten value is still said, not taken into the name.
        let forgotten = RecordFormParser.parse("= conversion goal target actual 420", table: .kpis, isRowName: existing)
        guard case .failure(let why) = forgotten else { Issue.record("a form without a value was read: \(forgotten)"); return }
        #expect(why.message == "Target needs a value after it (- makes it missing)")
        #expect(error("= conversion goal target 500", .kpis)
                == "Target needs a value after it (- makes it missing) · a name holding \"goal\" goes in quotes")
    }

    @Test func aCreatorWithTypingShortNamesAndEveryKindOfValue() throws {
        let form = try parse("= @lena followers 18.4k er 3.1% organic 2.4% fee €900 draft yes rating 4 brief detailed tier micro", .creators)
        #expect(form.key == "@lena")
        let fields = Dictionary(uniqueKeysWithValues: form.fields.map { ($0.0, $0.1) })
        #expect(fields["followers"] == .number(18_400))
        #expect(fields["sponsored_er"] == .number(3.1))
        #expect(fields["organic_er"] == .number(2.4))
        #expect(fields["fee"] == .number(900))
        #expect(fields["draft_on_time"] == .bool(true))
        #expect(fields["rating"] == .number(4))
        #expect(fields["brief_detail"] == .text("detailed"))
        #expect(fields["tier"] == .text("micro"))
    }

    @Test func quotesKeepAColumnNameInsideATextValue() throws {
        let form = try parse(#"= Gym routine hook "a 30-second routine with no brand" views 410k"#, .content)
        #expect(form.key == "Gym routine")
        #expect(form.fields.map(\.1) == [.text("a 30-second routine with no brand"), .number(410_000)])
    }

    @Test func aDashMakesAValueMissingNeverZero() throws {
        let form = try parse("= reach actual -", .kpis)
        #expect(form.fields.count == 1 && form.fields[0].0 == "actual" && form.fields[0].1 == nil)
    }

    @Test("Numbers as people write them, read as a file's cells are", arguments: [
        ("1.2M", 1_200_000.0), ("18,400", 18_400), ("18 400", 18_400), ("1,234,567", 1_234_567),
    ])
    func numbers(_ typed: String, _ value: Double) throws {
        let form = try parse("= @lena followers \(typed)", .creators)
        #expect(form.fields.map(\.1) == [.number(value)])
        #expect(try parse("= @lena fee $12k", .creators).fields.map(\.1) == [.number(12_000), .text("$")])
    }

    @Test func aKPITypedInPercentOrMoneyIsCountedInThatUnit() throws {
        #expect(try parse("= CTR target 2% actual 1.4%", .kpis).fields.last! == ("unit", .text("percent")))
        #expect(try parse("= spend target €48k", .kpis).fields.map(\.0) == ["target", "unit", "currency"])
        #expect(try parse("= spend target €48k", .kpis).fields[1] == ("unit", .text("money")))
        #expect(try parse("= reach target 1M", .kpis).fields.count == 1)
    }

    /// Money keeps the sign it was typed with, so `$900` never reads back as `€900`; a
    /// code is read in any case and kept as Debrief spells it.
    @Test func moneyKeepsTheCurrencyItWasTypedIn() throws {
        #expect(try parse("= CPM target $12 actual $14.50", .kpis).fields.last! == ("currency", .text("$")))
        #expect(try parse("= @lena fee 900 usd", .creators).fields.last! == ("currency", .text("USD")))
        #expect(try parse("= @lena fee £900 currency CHF", .creators).fields.map(\.0) == ["fee", "currency"],
                "a currency typed as a column wins")
        #expect(try parse("= @lena currency chf", .creators).fields.last! == ("currency", .text("CHF")))
        #expect(try parse("= @lena fee 900", .creators).fields.count == 1)
        #expect(throws: Never.self) { try parse("= @lena followers 18k", .creators) }
        let refused = RecordFormParser.parse("= @lena currency dollars", table: .creators)
        guard case .failure(let error) = refused else { Issue.record("an unknown currency is refused"); return }
        #expect(error.message.contains("is not a currency Debrief knows"))
    }

    @Test func mistakesAreSaidInWordsAndNothingIsParsed() {
        #expect(error("= target 12", .kpis)?.contains("Name the KPI first") == true)
        #expect(error("= reach target lots", .kpis) == "Target: 'lots' is not a number")
        #expect(error("= @lena rating 7", .creators)?.contains("from 1 to 5") == true)
        #expect(error("= @lena fee =1+1", .creators)?.contains("formula") == true)
        #expect(error("= reach source gut feeling", .kpis)?.contains("historical, estimate, client") == true)
        #expect(error("= @lena draft maybe", .creators)?.contains("yes or no") == true)
        #expect(error("= reach target", .kpis)?.contains("needs a value") == true)
        #expect(error(#"= piece hook "open"#, .content)?.contains("quote is not closed") == true)
    }

    @Test func onlyALineStartingWithEqualsIsAForm() {
        #expect(RecordFormParser.isForm("= reach target 1M"))
        #expect(RecordFormParser.isForm("  =reach"))
        #expect(!RecordFormParser.isForm("reach = 1M"))
        #expect(!RecordFormParser.isForm("! reach missed"))
    }

    @Test func aCellsFormReadsBackAsTheSameValue() throws {
        for table in RecordTable.allCases {
            for column in table.columns.dropFirst() {
                let value: FieldValue
                switch column.type {
                case .number, .money: value = .number(18_400)
                case .percent: value = .number(3.1)
                case .rating: value = .number(4)
                case .text: value = .text("source of the target")
                case .choice(let options): value = .text(options[0].value)
                case .yesNo: value = .bool(false)
                case .currency: value = .text("$")
                }
                let typed = RecordFormParser.typedForm(key: "row one", column: column, value: value)
                let form = try parse(typed, table)
                #expect(form.key == "row one", "\(typed)")
                #expect(form.fields.count == 1 && form.fields[0].0 == column.key && form.fields[0].1 == value, "\(typed)")
            }
        }
    }
}
