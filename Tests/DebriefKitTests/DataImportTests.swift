@testable import DebriefKit
import Foundation
import Testing

/// Reading CSV and TSV files of numbers: what a file gives, and every way a file goes wrong,
/// each reported with file, line and column, and nothing of a bad file imported.
@Suite("Import: CSV and TSV files of KPIs, creators and content")
struct DataImportTests {
    private func parse(_ text: String, _ file: String = "data.csv") throws(DataImportError) -> ImportedTable {
        try DataImport.parse(data: Data(text.utf8), file: file)
    }

    private func problems(_ text: String) -> [String] {
        problems(Data(text.utf8))
    }

    private func problems(_ data: Data) -> [String] {
        do {
            _ = try DataImport.parse(data: data, file: "data.csv")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func aKPIFileWithAliasesInAnyCaseIsRecognisedAndTyped() throws {
        let table = try parse("""
        Metric,TARGET,Actual,Confidence
        Reach,"1,000,000",1.2M,historical data
        Engagement rate,4.0%,3.1%,client-imposed
        CPE,€0.50,€0.41,rough estimate
        Link clicks,,9 800,
        """)
        #expect(table.table == .kpis)
        #expect(table.rows.map(\.line) == [2, 3, 4, 5])
        #expect(table.rows[0].fields == ["kpi": .text("Reach"), "target": .number(1_000_000), "actual": .number(1_200_000),
                                         "target_source": .text("historical")])
        #expect(table.rows[1].fields["unit"] == .text("percent"), "written as 4.0%: a percentage")
        #expect(table.rows[2].fields["unit"] == .text("money"))
        #expect(table.rows[3].fields["target"] == nil, "an empty cell is missing, not 0")
        #expect(table.notes.isEmpty)
    }

    @Test func aTSVWithBOMAndCRLFAndQuotedCellsReads() throws {
        let text = "\u{FEFF}Handle\tER\tOrganic ER\tFee\tNotes\r\n\"@lena\"\"s\"\t4.2%\t3.5%\t$1,200\t\"line one\r\nline two\"\r\n@max\t2,1%\t2,8%\t900\t\r\n"
        let table = try parse(text, "creators.tsv")
        #expect(table.table == .creators)
        #expect(table.rows.map(\.line) == [2, 4], "a quoted cell spanning two lines moves the next row down")
        #expect(table.rows[0].fields["handle"] == .text("@lena\"s"))
        #expect(table.rows[1].fields["sponsored_er"] == .number(2.1))
        #expect(table.ignoredColumns == ["Notes"])
        #expect(table.notes.map(\.description) == ["creators.tsv, line 1: ignored column (not part of the creators table): 'Notes'"])
    }

    @Test func semicolonFilesFromEuropeanExcelRead() throws {
        let table = try parse("Piece;Views;ER\nReel 1;12.400;4,5 %\nStory;\"1.234,5\";3\n")
        #expect(table.table == .content)
        #expect(table.rows.map { $0.fields["views"] } == [.number(12_400), .number(1_234.5)])
        #expect(table.rows[0].fields["er"] == .number(4.5))
    }

    @Test func formulaLookingTextIsKeptAsTextNeverEvaluated() throws {
        let table = try parse("piece,hook\n=HYPERLINK(\"x\"),+1 surprise\n")
        #expect(table.rows[0].fields == ["piece": .text("=HYPERLINK(\"x\")"), "hook": .text("+1 surprise")])
        #expect(problems("handle,followers\n@a,=B2*2\n") == [
            "data.csv, line 2, column 2 (followers): '=B2*2' looks like a formula; it was not evaluated: export the values, not the formulas",
        ])
    }

    @Test func aFileThatMatchesNoTableIsRefusedWithTheHeadersExpected() {
        let found = problems("date,spend,impressions\n2026-11-01,100,2000\n")
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("data.csv, line 1: the header names no table Debrief knows. Its first column names the rows: 'KPI' for kpis (then any of 'Target', 'Actual'"))
        #expect(found[0].contains("'Handle' for creators"))
        #expect(found[0].contains("'Sponsored ER'"))
    }

    @Test func aHeaderTwoTablesShareIsAskedAbout() {
        #expect(problems("name,clicks\nx,1\n") == [
            "data.csv, line 1: the header could be creators or content: name the first column after one of them ('Handle' or 'Piece'), or add a column only one of them has",
        ])
    }

    @Test func raggedRowsAndBadCellsAreAllReportedWithLineAndColumn() {
        let found = problems("""
        handle,followers,rating,draft on time
        @a,12k,4,yes
        @b,12k
        @c,lots,7,maybe
        @d,1,2,no,extra
        ,5,3,yes
        """)
        #expect(found == [
            "data.csv, line 3: the row has 2 cells, the header 4; add the missing cells (empty ones are fine)",
            "data.csv, line 4, column 2 (followers): 'lots' is not a number",
            "data.csv, line 4, column 3 (rating): '7' is not a rating: write a whole number from 1 to 5",
            "data.csv, line 4, column 4 (draft on time): 'maybe' is not yes or no",
            "data.csv, line 5, column 5: the row has 5 cells, the header 4; a cell holding the separator must be quoted",
            "data.csv, line 6, column 1 (Handle): the row has no Handle: every row needs one",
        ])
    }

    @Test func anUnbalancedQuoteIsReportedWhereItOpened() {
        #expect(problems("kpi,target\nReach,100\n\"Clicks,200\nCPM,5\n") == [
            "data.csv, line 3, column 1: a quote opened here is never closed; close it, or double a quote meant as text (\"\")",
        ])
        #expect(problems("kpi,target\n\"Reach\" x,100\n") == [
            "data.csv, line 2, column 1: text after a closing quote; a quote inside a quoted cell is written twice (\"\")",
        ])
    }

    @Test func duplicateKPIsAndHandlesAreAskedAboutNotMerged() {
        #expect(problems("kpi,target\nReach,1\nreach ,2\n") == [
            "data.csv, line 3: KPI 'reach' is already on line 2; keep one row, or name them apart",
        ])
        #expect(problems("handle\n@Lena\nlena\n").count == 1, "@Lena and lena are one creator")
        #expect(problems("piece\nReel\nReel\n").isEmpty, "two pieces may share a title")
    }

    @Test func twoColumnsForOneFieldAreRefused() {
        #expect(problems("handle,ER,engagement rate\n@a,1,2\n") == [
            "data.csv, line 1, column 3 (engagement rate): column 2 ('ER') is Sponsored ER already; keep one of them or rename this one",
        ])
    }

    @Test func otherEncodingsAreRefusedByName() {
        let latin1 = Data("kpi,target\nLumi".utf8) + Data([0xE8]) + Data("re,1\n".utf8)
        let found = problems(latin1)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("data.csv, line 2: the file is not UTF-8 (byte 0xE8 at character 5 of the line; it looks like Latin-1"))
        #expect(found[0].contains("save it as UTF-8"))
        let utf16 = Data([0xFF, 0xFE]) + "kpi\n".data(using: .utf16LittleEndian)!
        #expect(problems(utf16).first?.contains("UTF-16") == true)
        #expect(problems(Data([0x6B, 0, 0x70, 0, 0x69, 0])).first?.contains("UTF-16") == true)
    }

    @Test func limitsAreTheLimitsTable() {
        let longCell = String(repeating: "x", count: Limits.dataCellBytes + 1)
        #expect(problems("piece,hook\na,\(longCell)\n").first?.contains("over the limit of 4 KB") == true)
        let rows = "piece\n" + String(repeating: "p\n", count: Limits.dataRows + 1)
        #expect(problems(rows).first?.contains("more than 100000 rows") == true)
        #expect(problems("").first?.contains("empty") == true)
    }

    @Test func aFileOverFiftyMegabytesIsRefusedBeforeReading() throws {
        let folder = Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appending(path: "huge.csv")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(Limits.dataFileBytes + 1))
        try handle.close()
        #expect(throws: DataImportError.self) { try DataImport.load(contentsOf: url, shownAs: "huge.csv") }
        do {
            _ = try DataImport.load(contentsOf: url, shownAs: "huge.csv")
        } catch {
            #expect(error.description == "huge.csv: the file is 50.1 MB; a data file is at most 50 MB. Split it, or export only the campaign's rows")
        }
    }

    @Test func aFolderImportsAllItsDataFilesOrNoneOfThem() throws {
        let folder = Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("kpi,target\nReach,1\n".utf8).write(to: folder.appending(path: "a.csv"))
        try Data("handle\n@a\n".utf8).write(to: folder.appending(path: "b.tsv"))
        try Data("not data".utf8).write(to: folder.appending(path: "readme.md"))
        let tables = try DataImport.load(paths: [folder.path])
        #expect(tables.map(\.table) == [.kpis, .creators])
        #expect(tables.flatMap(\.requests).count == 2)

        try Data("kpi,target\nreach,2\n".utf8).write(to: folder.appending(path: "c.csv"))
        #expect(throws: DataImportError.self) { try DataImport.load(paths: [folder.path]) }
        do {
            _ = try DataImport.load(paths: [folder.path, "/no/such/file.csv"])
        } catch {
            #expect(error.problems.map(\.message) == [
                "no such file or folder",
                "KPI 'reach' is already on \(folder.path)/a.csv, line 2; keep one row, or name them apart",
            ])
        }
    }

    @Test func percentagesWrittenAsFractionsAreNotedNotChanged() throws {
        let table = try parse("handle,ER\n@a,0.031\n@b,0.045\n")
        #expect(table.rows[0].fields["sponsored_er"] == .number(0.031))
        #expect(table.notes.map(\.message) == [
            "every Sponsored ER is between 0 and 1: if they are fractions (0.031 for 3.1%), write them as percentages; they are read as 0.031%",
        ])
    }

    @Test func theSampleFilesImportCleanly() throws {
        let samples = Fixtures.repository.appending(path: "Agendas/samples")
        let tables = try DataImport.load(paths: [samples.path])
        #expect(Set(tables.map(\.table)) == Set(RecordTable.allCases))
        #expect(tables.allSatisfy { $0.notes.isEmpty && $0.rows.count >= 5 })
    }
}
