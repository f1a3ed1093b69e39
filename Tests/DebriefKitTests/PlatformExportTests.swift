@testable import DebriefKit
import Foundation
import Testing

/// Files as the platforms export them, headers and all: each is read as content, its rows
/// named by the piece's title or caption rather than an id, the rest left out by name.
@Suite("Import: platform exports as they come")
struct PlatformExportTests {
    private func parse(_ text: String) throws -> ImportedTable {
        try DataImport.parse(data: Data(text.utf8), file: "export.csv")
    }

    @Test func anInstagramPostsExportIsContentNamedByItsCaption() throws {
        let table = try parse("""
        Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Impressions,Reach,Likes,Shares,Follows,Comments,Saves,Plays
        18012345678901234,1784,lena.cooks,Lena,"Unboxing the spring box #ad",32,05/14/2026 18:02,https://www.instagram.com/reel/C6abc/,IG reel,,Lifetime,120400,98000,4100,210,35,180,520,150000
        """)
        #expect(table.table == .content)
        let row = try #require(table.rows.first).fields
        #expect(row["piece"] == .text("Unboxing the spring box #ad"))
        #expect(row["creator"] == .text("lena.cooks"))
        #expect(row["posted"] == .text("05/14/2026 18:02"), "the publish time, not the export's 'Lifetime'")
        #expect(row["views"] == .number(150_000))
        #expect(row["reach"] == .number(98_000))
        #expect(table.ignoredColumns.contains("Permalink") && table.ignoredColumns.contains("Date"))
        #expect(row["comments"] == nil && table.ignoredColumns.contains("Comments"),
                "how many comments, not what they said")
    }

    @Test func aTextColumnOfWordsOrTimesIsKeptEvenWithSomeNumbers() throws {
        let table = try parse("""
        piece,comments,brand appears,posted
        Reel,"loved it, 3 asked for the code",0:02,14.05.2026
        Story,12,0:10,15.05.2026
        """)
        #expect(table.rows.map { $0.fields["comments"] } == [.text("loved it, 3 asked for the code"), .text("12")])
        #expect(table.rows[1].fields["brand_timing"] == .text("0:10"))
        #expect(table.rows[1].fields["posted"] == .text("15.05.2026"))
        #expect(table.ignoredColumns.isEmpty)
    }

    @Test func aTikTokExportIsContentNamedByItsTitle() throws {
        let table = try parse("""
        Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views
        "Spring haul",https://www.tiktok.com/@jules/video/1,2026-05-14 18:00,8800,210,95,260000
        """)
        let row = try #require(table.rows.first).fields
        #expect(row["piece"] == .text("Spring haul"))
        #expect(row["posted"] == .text("2026-05-14 18:00"))
        #expect(row["views"] == .number(260_000))
        #expect(table.ignoredColumns == ["Video link", "Total likes", "Total comments", "Total shares"])
    }

    @Test func aYouTubeExportIsNamedByTheTitleNotTheVideoId() throws {
        let table = try parse("""
        Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions
        abc123,Long review,"May 14, 2026",610,380000,12000,150,900000
        """)
        let row = try #require(table.rows.first).fields
        #expect(row["piece"] == .text("Long review"))
        #expect(row["posted"] == .text("May 14, 2026"))
        #expect(row["impressions"] == .number(900_000))
        #expect(table.ignoredColumns.first == "Content")
    }

    /// The commonest KPI sheet: its Goal is the target, not a second name for the KPI.
    @Test func aKPISheetWithAGoalColumnReadsItAsTheTarget() throws {
        let table = try parse("KPI,Goal,Actual\nReach,1.2M,1.05M\n")
        #expect(table.rows.first?.fields == ["kpi": .text("Reach"), "target": .number(1_200_000), "actual": .number(1_050_000)])
        #expect(table.ignoredColumns.isEmpty)
    }

    @Test func twoHeadersOfOneRankForATextColumnAreStillRefused() {
        #expect(throws: DataImportError.self) { try parse("piece,creator,Creator\nReel,@a,@b\n") }
    }
}
