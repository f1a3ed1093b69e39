import DebriefKit
import Foundation
import TestSupport
import Testing

/// After a meeting with numbers: every export format from the session file alone, through
/// the real command line, read back the way its reader reads it.
@Suite("End to end: exporting the tables of numbers", .serialized)
struct TableExportEndToEndTests {
    /// A finished session with a KPI, two creators, two pieces and notes for one creator.
    private func sessionFile() throws -> URL {
        let folder = Debrief.freshFolder()
        let file = folder.appending(path: "numbers.debrief.jsonl")
        let header = SessionHeader(agenda: try BuiltinAgendas.defaultAgenda(), meeting: MeetingInfo(
            title: "Numbers", client: "Acme", campaign: "Spring", startedAt: "2026-11-23T14:00:00Z"))
        var events = [Event(t: 0, .sectionStarted(section: "performance"))]
        let rows: [(RecordTable, [String: FieldValue])] = [
            (.kpis, ["kpi": .text("Engagement rate"), "target": .number(4), "actual": .number(3.1),
                     "target_source": .text("estimate")]),
            (.kpis, ["kpi": .text("=1+1"), "target": .number(100), "actual": .number(120)]),
            (.creators, ["handle": .text("maya"), "sponsored_er": .number(5.2), "organic_er": .number(3.9),
                         "followers": .number(48_200), "fee": .number(1_800), "conversions": .number(86)]),
            (.creators, ["handle": .text("leo"), "sponsored_er": .number(2.1), "organic_er": .number(2.8),
                         "followers": .number(310_000), "fee": .number(6_500)]),
            (.content, ["piece": .text("Morning reel"), "creator": .text("maya"), "er": .number(6.1),
                        "views": .number(12_400)]),
            (.content, ["piece": .text("Gym bag"), "creator": .text("leo"), "er": .number(1.9), "views": .number(88_000)]),
        ]
        for (id, row) in rows.enumerated() {
            events.append(Event(t: 0, .recordAdded(id: id + 1, table: row.0, fields: row.1)))
        }
        events.append(Event(t: 60_000, .noteAdded(id: 1, section: "worked", content: NoteContent(kind: .win, text: "maya's hook carried it"))))
        events.append(Event(t: 60_000, .noteVisibility(id: 1, clientVisible: true)))
        events.append(Event(t: 60_000, .noteAdded(id: 2, section: "worked", content: NoteContent(text: "maya wants a raise"))))
        events.append(Event(t: 120_000, .meetingEnded))
        try SessionCoding.sessionFile(header: header, events: events).write(to: file)
        return file
    }

    private func export(_ file: URL, _ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run([Debrief.binary, "export", file.path] + arguments)
    }

    @Test func everyFormatFromTheSessionFile() throws {
        let file = try sessionFile()

        let brief = try export(file, ["--format", "brief"])
        #expect(brief.status == 0, "\(brief.output)")
        #expect(brief.output.contains("| Engagement rate | 4.0% | 3.1% | −22.5% | missed | rough estimate |"))
        #expect(brief.output.contains("## Creator breakdown") && brief.output.contains("## Content analysis"))

        let client = try export(file, ["--format", "client"])
        #expect(client.output.contains("- Engagement rate 3.1% against a 4.0% target, −22.5% (missed)"))
        #expect(client.output.contains("**Morning reel**: 6.1% engagement rate · 12,400 views"))
        #expect(!client.output.contains("by maya"), "a creator goes to the client only with --with-owners")

        let json = try export(file, ["--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let tables = try #require(document["tables"] as? [String: Any])
        #expect((tables["creators"] as? [Any])?.count == 2)

        let folder = file.deletingLastPathComponent()
        for table in ["kpis", "creators", "content", "actions"] {
            let out = folder.appending(path: "\(table).csv")
            let csv = try export(file, ["--format", "csv", "--table", table, "-o", out.path])
            #expect(csv.status == 0, "\(csv.output)")
            #expect(Debrief.permissions(out) == 0o600)
            let script = "import csv, sys\nrows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))\nprint(len(rows), rows[0][0], rows[1][0] if len(rows) > 1 else '')"
            let read = try Subprocess.run(["python3", "-c", script, out.path])
            #expect(read.status == 0, "\(read.output)")
            let expected = ["kpis": "3 kpi Engagement rate", "creators": "3 handle maya", "content": "3 piece Morning reel",
                            "actions": "1 what "][table]!
            #expect(read.output.trimmingCharacters(in: .whitespacesAndNewlines) == expected.trimmingCharacters(in: .whitespaces), "\(table)")
        }
        let defused = try String(contentsOf: folder.appending(path: "kpis.csv"), encoding: .utf8)
        #expect(defused.contains("\r\n'=1+1,100,120,20,beat,"), "a formula KPI name is defused; numbers are plain")
        // An exported table is a data file again: the import reads it, derived columns ignored.
        for table in ["kpis", "creators", "content"] {
            let check = try Subprocess.run([Debrief.binary, "check-data", folder.appending(path: "\(table).csv").path])
            #expect(check.status == 0, "\(table): \(check.output)")
            #expect(check.output.contains("OK: 2 "), "\(table): \(check.output)")
        }
        let defaultCSV = try export(file, ["--format", "csv"])
        #expect(defaultCSV.output.hasPrefix("what,owner,due,problem,section,session\r\n"), "actions stay the default")

        let maya = try export(file, ["--format", "creator", "--creator", "@Maya"])
        #expect(maya.status == 0, "\(maya.output)")
        #expect(maya.output.contains("# Campaign debrief for maya"))
        #expect(maya.output.contains("maya's hook carried it"))
        #expect(!maya.output.contains("raise") && !maya.output.contains("leo") && !maya.output.contains("310,000"))
        #expect(!maya.output.contains("1,800"), "the fee stays internal")

        let unknown = try export(file, ["--format", "creator", "--creator", "zoe"])
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("no creator 'zoe' in this session; its creators are maya, leo"))
        let noHandle = try export(file, ["--format", "creator"])
        #expect(noHandle.status != 0 && noHandle.output.contains("--creator"))
        let wrongTable = try export(file, ["--format", "json", "--table", "kpis"])
        #expect(wrongTable.status != 0 && wrongTable.output.contains("--table goes with --format csv"))
    }

    @Test func anUnknownHandleInALongTableNamesTheFirstTen() throws {
        let file = Debrief.freshFolder().appending(path: "many.debrief.jsonl")
        let header = SessionHeader(agenda: try BuiltinAgendas.defaultAgenda(), meeting: MeetingInfo(
            title: "Many", startedAt: "2026-11-23T14:00:00Z"))
        let rows = (1...12).map { Event(t: 0, .recordAdded(id: $0, table: .creators, fields: ["handle": .text("@c\($0)")])) }
        try SessionCoding.sessionFile(header: header, events: [Event(t: 0, .sectionStarted(section: "performance"))] + rows
                                      + [Event(t: 1_000, .meetingEnded)]).write(to: file)
        let result = try export(file, ["--format", "creator", "--creator", "zoe"])
        #expect(result.status == 1)
        #expect(result.output.contains("its creators are @c1, @c2, @c3, @c4, @c5, @c6, @c7, @c8, @c9, @c10 and 2 more"))
    }

    /// The sample files through a real meeting, then out again: what a user does first.
    @Test func aMeetingRunOnTheSampleFilesExportsItsTables() throws {
        let folder = Debrief.freshFolder()
        let samples = Debrief.repository.appending(path: "Agendas/samples")
        let data = ["kpis.csv", "creators.csv", "content.csv"].map { "--data '\(samples.appending(path: $0).path)'" }
        let tmux = try Tmux(Debrief.command("--time-scale 60 --client Acme " + data.joined(separator: " "), sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.waitFor("● saved")
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)

        let brief = try export(session, ["--format", "brief"])
        #expect(brief.output.contains("| Engagement rate | 4.0% | 3.1% | −22.5% | missed | set by the client |"), "\(brief.output)")
        #expect(brief.output.contains("| @lena.cooks | Instagram | micro | 48,200 |"))
        let client = try export(session, ["--format", "client"])
        #expect(client.output.contains("- Engagement rate 3.1% against a 4.0% target, −22.5% (missed)"))
        let lena = try export(session, ["--format", "creator", "--creator", "@lena.cooks"])
        #expect(lena.status == 0 && lena.output.contains("| Engagement rate on the sponsored post | 5.8% |"))
        #expect(!lena.output.contains("max.moves") && !lena.output.contains("€1,800"))
        let creators = try export(session, ["--format", "csv", "--table", "creators"])
        #expect(creators.output.hasPrefix("handle,platform,tier,followers,"))
        #expect(creators.output.contains("\r\n'@lena.cooks,Instagram,micro,48200,reel,5.8,4.1,"))
    }
}
