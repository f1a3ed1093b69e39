import DebriefKit
import Foundation
import Testing
import TestSupport

/// Bringing the campaign's numbers in, as a user does: `check-data` before the meeting,
/// `run --data` to start with them; the session file holds every row, so it stands alone.
@Suite("End to end: data files", .serialized)
struct DataEndToEndTests {
    private static let samples = Debrief.repository.appending(path: "Agendas/samples")

    /// The three sample files copied into `folder`, so the test can change them mid-meeting.
    private func copySamples(to folder: URL) throws -> [URL] {
        try ["kpis.csv", "creators.csv", "content.csv"].map { name in
            let copy = folder.appending(path: name)
            try FileManager.default.copyItem(at: Self.samples.appending(path: name), to: copy)
            return copy
        }
    }

    @Test func runWithTheThreeSampleFilesRecordsEveryRowInTheSessionFile() throws {
        let folder = Debrief.freshFolder()
        let files = try copySamples(to: folder)
        let data = files.map { "--data '\($0.path)'" }.joined(separator: " ")
        let tmux = try Tmux(Debrief.command("--time-scale 60 \(data)", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.waitFor("● saved")
        // A file that changes while the meeting runs: the session keeps what was imported.
        try Data("kpi,target\nSomething else,1\n".utf8).write(to: files[0])
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        let exit = try tmux.waitForExit()
        #expect(exit.code == 0)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        for file in files { try FileManager.default.removeItem(at: file) }
        let record = try SessionReader.read(session)
        let state = record.state
        #expect(state.records(in: .kpis).count == 8)
        #expect(state.records(in: .kpis).first?.name == "Reach")
        #expect(state.records(in: .creators).map(\.name).first == "@lena.cooks")
        #expect(state.records(in: .content).count == 7)
        #expect(state.records.map(\.id) == Array(1...21), "the writer numbered the rows")
        guard case .sectionStarted = record.events.first?.change else { Issue.record("a meeting opens on its first section"); return }
        #expect(record.events.dropFirst().prefix(21).allSatisfy { $0.t == 0 }, "the rows are the meeting's first events")
        let engagement = try #require(state.records(in: .kpis).first { $0.name == "Engagement rate" })
        #expect(KPIMeasures(engagement).verdict == .missed)

        // `show` prints the tables under their sections, aligned.
        let shown = try Subprocess.run([Debrief.binary, "show", session.path])
        #expect(shown.status == 0)
        for line in ["   KPIs · 8 rows", "   Creators · 6 rows", "   Content · 7 rows", "   Engagement rate       4.0%       3.1%    −22.5%  missed"] {
            #expect(shown.output.contains(line), "\(line)\n\(shown.output)")
        }
        #expect(shown.output.contains("1. Performance vs. goals  [") && shown.output.contains(" used of 10 min, skipped]"),
                "imported numbers are not a section talked through: \(shown.output)")
    }

    /// A sheet exported with its currency in the header and in the cells: the meeting shows
    /// each creator's fee in it, never in euros. `$` in a cell, or typed, is the same
    /// currency as the header's `USD`: costs still sum, and no mix is reported.
    @Test func feesImportedInDollarsShowInDollars() throws {
        let folder = Debrief.freshFolder()
        let file = folder.appending(path: "creators.csv")
        try Data("\u{FEFF}Creator,Fee (USD),Clicks\r\n@lena,900,300\r\n@marco,\"4,000\",800\r\n@ana,$500,100\r\n".utf8)
            .write(to: file)
        let checked = try Subprocess.run([Debrief.binary, "check-data", file.path])
        #expect(checked.output == "\(file.path): OK: 3 creators, money in USD\n", "no column left out: \(checked.output)")
        let tmux = try Tmux(Debrief.command("--time-scale 60 --data '\(file.path)'", sessions: folder), width: 120, height: 30)
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.press("NPage")
        var screen = try tmux.waitFor("USD 4,000")
        #expect(screen.contains("USD 900") && screen.contains("$500") && screen.contains("USD/conv.") && !screen.contains("€"),
                "\(screen)")
        try tmux.type("= @sam fee $300 clicks 90")
        try tmux.press("Enter")
        screen = try tmux.waitFor("$300")
        #expect(screen.contains("USD/conv.") && !screen.contains("Cost/conv."), "typed dollars are the sheet's dollars: \(screen)")
    }

    /// An Instagram posts export, as downloaded: read as content, each post named by its
    /// caption, shown in the content section's ranking.
    @Test func anInstagramExportAsDownloadedShowsItsPosts() throws {
        let folder = Debrief.freshFolder()
        let file = folder.appending(path: "Instagram posts.csv")
        try Data(("Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,"
            + "Post type,Data comment,Date,Impressions,Reach,Likes,Shares,Follows,Comments,Saves,Plays\n"
            + "180123,1784,lena.cooks,Lena,Unboxing the spring box,32,05/14/2026 18:02,https://www.instagram.com/reel/C6abc/,"
            + "IG reel,,Lifetime,120400,98000,4100,210,35,180,520,150000\n"
            + "180124,1784,lena.cooks,Lena,Spring recipe carousel,0,05/16/2026 09:30,https://www.instagram.com/p/C6abd/,"
            + "IG carousel,,Lifetime,40100,31000,900,40,3,22,130,\n").utf8).write(to: file)
        let checked = try Subprocess.run([Debrief.binary, "check-data", file.path])
        #expect(checked.status == 0 && checked.output.contains("OK: 2 pieces of content"), "\(checked.output)")
        let tmux = try Tmux(Debrief.command("--time-scale 60 --data '\(file.path)'", sessions: folder), width: 120, height: 30)
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.press("NPage", "NPage")
        try tmux.waitFor("3/6  Content analysis")
        // Ranked by views: the export has no engagement rate.
        let screen = try tmux.waitFor("▲ Top 1 by Views")
        #expect(screen.contains("Unboxing the spring box") && screen.contains("150,000"), "\(screen)")
        #expect(screen.contains("the top holds every ranked piece"), "an empty bottom says why: \(screen)")
    }

    @Test func checkDataReportsABrokenFileWithLineAndColumnAndExitsOne() throws {
        let folder = Debrief.freshFolder()
        let broken = folder.appending(path: "creators.csv")
        try Data("Handle,Followers,ER\n@a,12k,4%\n@b,lots,3%\n@c,\"9k,2%\n".utf8).write(to: broken)
        let result = try Subprocess.run([Debrief.binary, "check-data", broken.path])
        #expect(result.status == 1)
        #expect(result.output.contains("creators.csv, line 4, column 2: a quote opened here is never closed"))
        #expect(!result.output.contains("OK"))

        let fine = try Subprocess.run([Debrief.binary, "check-data", Self.samples.path])
        #expect(fine.status == 0)
        #expect(fine.output.contains("kpis.csv: OK: 8 KPIs"))
        #expect(fine.output.contains("creators.csv: OK: 6 creators"))
    }

    @Test func runRefusesABadFileBeforeStartingAnything() throws {
        let folder = Debrief.freshFolder()
        let bad = folder.appending(path: "kpis.csv")
        try Data("KPI,Target\nReach,a lot\n".utf8).write(to: bad)
        let sessions = folder.appending(path: "sessions")
        let result = try Subprocess.run(["/usr/bin/env", "DEBRIEF_SESSIONS=\(sessions.path)", Debrief.binary, "run", "--data", bad.path])
        #expect(result.status == 1)
        #expect(result.output.contains("kpis.csv, line 2, column 2 (Target): 'a lot' is not a number"))
        #expect(Debrief.files(in: folder, suffix: ".journal.jsonl").isEmpty, "no meeting was started")

        let sprint = try Subprocess.run(["/usr/bin/env", "DEBRIEF_SESSIONS=\(sessions.path)", Debrief.binary, "run",
                                         "--agenda", "sprint-retrospective", "--data", Self.samples.appending(path: "kpis.csv").path])
        #expect(sprint.status == 1)
        #expect(sprint.output.contains("has no section for the kpis table"))
    }
}
