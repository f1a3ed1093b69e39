import DebriefKit
import Foundation
import TestSupport
import Testing

/// The tables of numbers as each export carries them, read the way their readers read them:
/// CSV by Python's csv module, JSON by a parser, the brief and the client version as text.
@Suite("Exports: the KPI, creator and content tables")
struct TableExportTests {
    let header = ExportFixtures.header
    let state = ExportFixtures.state

    /// Rows as Python's csv module reads the file (strict: malformed quoting fails).
    static func pythonRows(_ csv: String) throws -> [[String]] {
        let file = FileManager.default.temporaryDirectory.appending(path: "table-\(UUID().uuidString).csv")
        try Data(csv.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            print(json.dumps(list(csv.reader(f, strict=True))))
        """
        let result = try Subprocess.run(["python3", "-c", script, file.path])
        #expect(result.status == 0, "\(result.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
    }

    @Test func eachTableIsReadBackByPythonsCSVModule() throws {
        for table in RecordTable.allCases {
            let csv = TableCSVExporter.csv(table, state: state, session: "s1")
            #expect(csv.hasSuffix("\r\n") && !csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            let rows = try Self.pythonRows(csv)
            #expect(rows.first == TableCSVExporter.columns(table))
            #expect(rows.count == state.records(in: table).count + 1, "\(table)")
            for row in rows.dropFirst() {
                #expect(row.count == TableCSVExporter.columns(table).count)
                #expect(row.last == "s1")
            }
        }
    }

    @Test func csvNumbersArePlainAndMissingIsEmpty() throws {
        let kpis = try Self.pythonRows(TableCSVExporter.csv(.kpis, state: state, session: "s"))
        let column = { (name: String) in kpis[0].firstIndex(of: name)! }
        let byName = Dictionary(uniqueKeysWithValues: kpis.dropFirst().map { ($0[column("kpi")], $0) })
        #expect(byName["Reach"]?[column("target")] == "1000000")
        #expect(byName["Reach"]?[column("variance_percent")] == "20")
        // A negative number we computed is a number, not a formula: no apostrophe.
        #expect(byName["Engagement rate"]?[column("variance_percent")] == "-22.5")
        #expect(byName["Engagement rate"]?[column("outcome")] == "missed")
        #expect(byName["CPE"]?[column("outcome")] == "missed", "a cost above target is a miss")
        #expect(byName["Conversions"]?[column("variance_percent")] == "", "a target of 0 has no variance")
        #expect(byName["CPM"]?[column("actual")] == "", "missing, never 0")
        #expect(byName["Link clicks"]?[column("target_source")] == "client")

        let creators = try Self.pythonRows(TableCSVExporter.csv(.creators, state: state, session: "s"))
        let maya = try #require(creators.first { $0.first == "'@maya_eats" || $0.first == "@maya_eats" })
        #expect(maya.first == "'@maya_eats", "@ starts a formula in spreadsheets: defused like the action export")
        let c = { (name: String) in creators[0].firstIndex(of: name)! }
        #expect(maya[c("sponsored_er")] == "5.2" && maya[c("fee")] == "1800" && maya[c("draft_on_time")] == "yes")
        #expect(maya[c("tier")] == "micro" && maya[c("lift_percent")] == "33.33" && maya[c("cost_per_conversion")] == "20.93")

        let content = try Self.pythonRows(TableCSVExporter.csv(.content, state: state, session: "s"))
        let hook = content[0].firstIndex(of: "hook")!
        #expect(content.contains { $0[hook] == "'=HYPERLINK(\"http://x\") best pan ever" }, "formula hook defused")
        for row in content + creators + kpis {
            for cell in row { #expect(!"=+@".contains(cell.first ?? " "), "cell starts a formula: \(cell)") }
        }
    }

    @Test func actionsStayTheDefaultCSV() {
        #expect(CSVExporter.csv(state: state, session: "s").hasPrefix(CSVExporter.columns.joined(separator: ",") + "\r\n"))
    }

    @Test func jsonCarriesTheTablesAndDecodesBack() throws {
        let json = JSONExporter.json(header: header, state: state, session: "s")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tables = try #require(document["tables"] as? [String: Any])
        let kpis = try #require(tables["kpis"] as? [[String: Any]])
        #expect(kpis.count == 6)
        let engagement = try #require(kpis.first { $0["kpi"] as? String == "Engagement rate" })
        #expect(engagement["variance_percent"] as? Double == -22.5)
        #expect(engagement["target_source"] as? String == "estimate")
        let conversions = try #require(kpis.first { $0["kpi"] as? String == "Conversions" })
        #expect(conversions["variance_percent"] is NSNull, "undefined is null, never 0")
        let cpm = try #require(kpis.first { $0["kpi"] as? String == "CPM" })
        #expect(cpm["actual"] is NSNull)
        #expect((tables["creators"] as? [[String: Any]])?.count == 4)
        #expect((tables["content"] as? [[String: Any]])?.count == 7)
        let ranking = try #require(tables["content_ranking"] as? [String: Any])
        #expect(ranking["metric"] as? String == "er")
        let content = try #require(tables["content"] as? [[String: Any]])
        let names = { (ids: Any?) in ((ids as? [Int]) ?? []).map { id in content.first { $0["id"] as? Int == id }?["piece"] as? String } }
        #expect(names(ranking["top"]) == ["Flat lay", "Morning routine reel", "Kitchen hack"])
        #expect(names(ranking["bottom"]) == ["Story poll", "Gym bag check", "Leg day"])
        #expect(names(ranking["unranked"]) == ["Outfit story"])
        let patterns = try #require(tables["patterns"] as? [[String: Any]])
        #expect(patterns.contains { $0["by"] as? String == "tier" && $0["group"] as? String == "micro" && $0["creators"] as? Int == 2 })
    }

    @Test func theBriefPutsEachTableWhereTheAgendaHasIt() throws {
        let brief = BriefWriter.markdown(header: header, state: state, timeZone: ExportFixtures.zone)
        let order = ["## Results vs goals", "| KPI | Target | Actual | Variance | Result | Target source |",
                     "| Engagement rate | 4.0% | 3.1% | −22.5% | missed | rough estimate |",
                     "## Creator breakdown", "| @maya\\_eats |", "### Patterns",
                     "## Content analysis", "### Top 3 by ER", "### Bottom 3 by ER", "## What went wrong",
                     "## Discussion by section"]
        var cursor = brief.startIndex
        for heading in order {
            let found = try #require(brief.range(of: heading, range: cursor..<brief.endIndex), "\(heading) missing or out of order")
            cursor = found.upperBound
        }
        #expect(brief.contains("- Variance of Conversions: the target is 0, so there is no variance in percent."))
        #expect(brief.contains("| CPM | €12 | — | — |"), "a missing actual reads as missing, never 0")
        #expect(brief.contains("Not ranked (no ER): Outfit story."))
    }

    @Test func theClientVersionOwnsMissesAndShowsTheBestPieces() {
        let client = ClientBriefWriter.markdown(header: header, state: state, timeZone: ExportFixtures.zone)
        #expect(client.contains("- Engagement rate 3.1% against a 4.0% target, −22.5% (missed)\n"))
        #expect(client.contains("- Reach 1,200,000 against a 1,000,000 target, +20.0% (beat)\n"))
        #expect(client.contains("- CPE €0.42 against a €0.40 target, +5.0% (missed: lower is better)\n"))
        #expect(client.contains("- Conversions 120 against a target of 0 (no variance in percent)\n"))
        #expect(client.contains("- CPM: not measured (target €12)\n"))
        #expect(client.contains("The best pieces, by engagement rate:"))
        #expect(client.contains("- **Flat lay** (static): 6.4% engagement rate · 3,900 views\n"), "no creator without --with-owners")
        #expect(!client.contains("@nina.cooks"))
        let owners = ClientBriefWriter.markdown(header: header, state: state, withOwners: true, timeZone: ExportFixtures.zone)
        #expect(owners.contains("- **Flat lay** by @nina.cooks (static): 6.4% engagement rate · 3,900 views\n"))
        #expect(!client.contains("Story poll"), "only the top pieces go to the client")
        #expect(!client.contains("rough estimate") && !client.contains("€1,800"), "target sources and fees stay internal")
    }

    @Test func aTableSectionsNotesStayBesideItsTableNotInTheDiscussion() {
        var script = MeetingScript(agenda: Fixtures.influencer)
        script.start("creators")
        script.note("Nobody brought the creator sheet", in: "creators")
        script.note("Why was the sheet late?", kind: .question, in: "creators")
        let brief = BriefWriter.markdown(header: header, state: script.state)
        #expect(brief.contains("## Creator breakdown\n\nNo rows were entered in the creators table.\n\n- `00:00` Nobody brought"))
        #expect(brief.contains("- `00:00` **Question:** Why was the sheet late?"))
        #expect(!brief.contains("## Content analysis"), "a table section with no rows and no notes is left out")
        #expect(brief.components(separatedBy: "Nobody brought").count == 2, "once, not again under Discussion")
    }

    @Test func withNoNumbersAndNoResultNotesTheClientVersionHasNoResultsHeading() {
        var script = MeetingScript(agenda: Fixtures.influencer)
        script.start("performance")
        script.note("a win", kind: .win, in: "worked")
        let client = ClientBriefWriter.markdown(header: header, state: script.state)
        #expect(!client.contains("## Results"), "no placeholder goes to a client")
    }

    /// Every hostile text as a KPI name, a creator handle and a piece with a hook, each
    /// creator with notes marked for them.
    static var hostileTables: (SessionHeader, MeetingState) {
        var script = MeetingScript(agenda: Fixtures.influencer)
        script.start("performance")
        var id = 0
        for (index, text) in ExportFormatTests.hostile.enumerated() {
            id += 1
            script.record(.recordAdded(id: id, table: .kpis, fields: ["kpi": .text(text), "target": .number(10),
                                                                      "actual": .number(Double(index)), "comment": .text(text)]))
            id += 1
            script.record(.recordAdded(id: id, table: .creators, fields: ["handle": .text(text), "platform": .text(text),
                                                                          "sponsored_er": .number(3), "organic_er": .number(2)]))
            id += 1
            script.record(.recordAdded(id: id, table: .content, fields: ["piece": .text(text), "creator": .text(text),
                                                                         "er": .number(Double(index)), "hook": .text(text)]))
            script.note("for " + text, in: "content")
            script.record(.noteVisibility(id: script.state.highestNoteID, clientVisible: true))
        }
        return (SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(title: "Hostile", startedAt: "2026-11-23T14:00:00Z")),
                script.state)
    }

    @Test func hostileTextKeepsEveryTableValidInEveryExport() throws {
        let (header, state) = Self.hostileTables
        let count = ExportFormatTests.hostile.count
        let brief = BriefWriter.markdown(header: header, state: state)
        let lines = brief.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() where line.hasPrefix("| ") && lines[index + 1].hasPrefix("| --- ") {
            let cells = ExportFormatTests.unescapedPipes(line)
            for row in lines[(index + 2)...].prefix(while: { $0.hasPrefix("|") }) {
                #expect(ExportFormatTests.unescapedPipes(row) == cells, "row does not match its header \(line): \(row)")
            }
        }
        var markdown = [brief, ClientBriefWriter.markdown(header: header, state: state)]
        for text in ExportFormatTests.hostile {
            markdown.append(try #require(CreatorDebriefWriter.markdown(header: header, state: state, handle: text)))
        }
        for output in markdown {
            let unescaped = output.replacingOccurrences(of: "\\<", with: "")
            #expect(!unescaped.contains("<script") && !output.contains("[link](http"), "markup from user text")
        }
        let json = JSONExporter.json(header: header, state: state, session: "s")
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        for output in markdown + [json] {
            #expect(!output.unicodeScalars.contains { $0 != "\n" && VisibleText.isUnsafe($0) }, "raw control character")
        }
        for table in RecordTable.allCases {
            let rows = try Self.pythonRows(TableCSVExporter.csv(table, state: state, session: "s"))
            #expect(rows.count == count + 1, "\(table): one row per record, none split")
            for cell in rows.joined() {
                #expect(!"=+-@".contains(cell.first ?? " ") || Double(cell) != nil, "formula cell \(cell)")
            }
        }
    }
}
