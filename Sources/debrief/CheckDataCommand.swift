import ArgumentParser
import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct CheckDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-data",
        abstract: "Validate CSV or TSV files of KPIs, creators or content, as `run --data` would import them.",
        discussion: """
        Each file is recognised as a KPI, creator or content table from its header (names \
        matched case-insensitively, with common aliases such as ER, engagement rate, eng. rate). \
        Every problem is reported with file, line and column; the exit code is 1 if there is \
        any, and `run --data` would import nothing. A folder stands for its .csv, .tsv and .txt \
        files. Columns a table does not have are named once and ignored.
        """)

    @Argument(help: ArgumentHelp("Data files or folders.", valueName: "file|folder"))
    var files: [String]

    func run() throws {
        for table in try DataImport.load(paths: files) {
            print(Self.summary(table))
            for note in table.notes { print("  note: \(note)") }
        }
    }

    /// `kpis.csv: OK: 8 KPIs, money in €`: the currency said, so a file read in the wrong
    /// one is caught before the meeting.
    static func summary(_ table: ImportedTable) -> String {
        let count = table.rows.count
        let noun = switch table.table {
        case .kpis: count == 1 ? "KPI" : "KPIs"
        case .creators: count == 1 ? "creator" : "creators"
        case .content: count == 1 ? "piece of content" : "pieces of content"
        }
        // One name a currency: `$` and `USD` in one file are dollars, said once.
        var currencies: [String] = []
        for row in table.rows {
            if let sign = row.fields[RecordColumn.currency.key]?.text,
               !currencies.contains(where: { RecordCurrency.code(of: $0) == RecordCurrency.code(of: sign) }) {
                currencies.append(sign)
            }
        }
        let money = currencies.isEmpty ? "" : ", money in " + currencies.joined(separator: " and ")
        return VisibleText.line("\(table.file): OK: \(count) \(noun)\(money)")
    }
}
