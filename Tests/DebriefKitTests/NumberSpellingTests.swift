@testable import DebriefKit
import Testing

/// Numbers as agencies' spreadsheets and the platforms' exports spell them. Each row is a
/// spelling seen in the wild and what Debrief reads; README.md ("Number formats") says the same.
@Suite("Import: numbers as people write them")
struct NumberSpellingTests {
    static let spellings: [(String, Double, percent: Bool, currency: String?)] = [
        ("18400", 18_400, false, nil),
        ("18,400", 18_400, false, nil),
        ("18 400", 18_400, false, nil),
        ("18\u{A0}400", 18_400, false, nil),            // no-break space (French Excel)
        ("18\u{202F}400", 18_400, false, nil),          // narrow no-break space (macOS)
        ("1'234'567", 1_234_567, false, nil),           // Swiss
        ("1,234,567", 1_234_567, false, nil),
        ("1.234.567", 1_234_567, false, nil),           // German grouping
        ("1,234.5", 1_234.5, false, nil),
        ("1.234,5", 1_234.5, false, nil),               // German decimal comma
        ("1 234,5", 1_234.5, false, nil),
        ("3,1", 3.1, false, nil),
        ("0,410", 0.41, false, nil),                    // a whole part of 0 never groups
        ("1.234", 1.234, false, nil),                   // a single point is always decimal
        ("1.2M", 1_200_000, false, nil),
        ("1.2m", 1_200_000, false, nil),
        ("2,5 Mio", 2_500_000, false, nil),
        ("12k", 12_000, false, nil),
        ("12K", 12_000, false, nil),
        ("1.5bn", 1_500_000_000, false, nil),
        ("3.1%", 3.1, true, nil),
        ("3,1 %", 3.1, true, nil),
        ("-22%", -22, true, nil),
        ("−22.5%", -22.5, true, nil),                   // a real minus sign
        ("+4.0%", 4, true, nil),
        ("€0.41", 0.41, false, "€"),
        ("0,41 €", 0.41, false, "€"),
        ("$12k", 12_000, false, "$"),
        ("US$ 1,200", 1_200, false, "US$"),
        ("EUR 950", 950, false, "EUR"),
        ("1200 USD", 1_200, false, "USD"),
        ("£1,200.50", 1_200.5, false, "£"),
        ("-$250", -250, false, "$"),
        ("(250)", -250, false, nil),                    // accounting negative
        (" 42 ", 42, false, nil),
        (".5", 0.5, false, nil),
        ("1e6", 1_000_000, false, nil),
        ("0", 0, false, nil),
    ]

    @Test(arguments: spellings.indices)
    func readsAsWritten(_ index: Int) throws {
        let (text, value, percent, currency) = Self.spellings[index]
        let parsed = try NumberSpelling.parse(text).get()
        #expect(abs(parsed.value - value) < 1e-9 * max(1, abs(value)), "\(text)")
        #expect(parsed.isPercent == percent, "\(text)")
        #expect(parsed.currency == currency, "\(text)")
    }

    @Test func inASemicolonFileThePointGroupsAndTheCommaIsDecimal() throws {
        #expect(try NumberSpelling.parse("12.400", decimalComma: true).get().value == 12_400)
        #expect(try NumberSpelling.parse("1,234", decimalComma: true).get().value == 1.234)
        #expect(try NumberSpelling.parse("1.234,5", decimalComma: true).get().value == 1_234.5)
        #expect(try NumberSpelling.parse("0.5", decimalComma: true).get().value == 0.5)
        #expect(try NumberSpelling.parse("12.400").get().value == 12.4, "elsewhere a single point is decimal")
    }

    static let refused: [(String, NumberProblem)] = [
        ("abc", .notANumber), ("12 34", .notANumber), ("1,23,4", .notANumber), ("1.2.3,4.5", .notANumber),
        ("3..1", .notANumber), ("=SUM(B2:B9)", .formula), ("@SUM(A1)", .formula), ("#DIV/0!", .spreadsheetError),
        ("#REF!", .spreadsheetError), ("1e400", .notANumber), ("9e20", .tooLarge), ("12%k", .notANumber),
        ("k", .notANumber), ("%", .notANumber), ("$", .notANumber), ("nan", .notANumber), ("inf", .notANumber),
    ]

    @Test(arguments: refused.indices)
    func refusesWithAReason(_ index: Int) {
        let (text, problem) = Self.refused[index]
        let result = NumberSpelling.parse(text)
        if case .failure(let found) = result {
            #expect(found == problem || (problem == .notANumber && found == .tooLarge), "\(text): \(found)")
        } else {
            Issue.record("\(text) read as \(result)")
        }
    }

    @Test func emptyAndPlaceholderCellsAreMissingNotZero() {
        for cell in ["", "  ", "-", "—", "n/a", "N/A", "#N/A", "null", "TBD"] {
            #expect(NumberSpelling.isMissing(cell), "\(cell)")
        }
        #expect(!NumberSpelling.isMissing("0"))
    }

    @Test func cellsOfEachTypeReadAsTheirColumnHolds() {
        let creators = RecordTable.creators
        func read(_ cell: String, _ key: String) -> CellReader.Outcome { CellReader.read(cell, as: creators.column(key)!) }
        #expect(read("4.2%", "sponsored_er") == .value(.number(4.2), ParsedNumber(value: 4.2, isPercent: true)))
        #expect(read("Yes", "draft_on_time") == .value(.bool(true), nil))
        #expect(read("late", "draft_on_time") == .value(.bool(false), nil))
        #expect(read("4/5", "rating") == .value(.number(4), nil))
        #expect(read("★★★☆☆", "rating") == .value(.number(3), nil))
        #expect(read("Mid-tier", "tier") == .value(.text("mid"), nil))
        #expect(read("", "followers") == .missing)
        #expect(read("=1+1", "handle") == .value(.text("=1+1"), nil), "formula-looking text is kept as text")
        guard case .problem(let why) = read("4.5", "rating") else { Issue.record("half stars"); return }
        #expect(why.contains("whole number from 1 to 5"))
        guard case .problem(let negative) = read("-12", "followers") else { Issue.record("negative followers"); return }
        #expect(negative.contains("negative"))
        guard case .problem(let money) = read("€5", "sponsored_er") else { Issue.record("money as ER"); return }
        #expect(money.contains("money"))
        guard case .problem(let giga) = read("giga", "tier") else { Issue.record("unknown tier"); return }
        #expect(giga.contains("nano, micro, mid, macro"))
        let kpiTarget = RecordTable.kpis.column("target")!
        #expect(CellReader.read("-5", as: kpiTarget) == .value(.number(-5), ParsedNumber(value: -5)), "a KPI may be negative")
    }
}
