import DebriefKit
import Foundation
import TestSupport
import Testing

/// Each format checked the way its consumer reads it: CSV by Python's csv module, ICS by
/// the rules of RFC 5545, Markdown as a table that hostile text cannot break, JSON by a parser.
@Suite("Exports: valid for the tools that read them")
struct ExportFormatTests {
    static let hostile = [
        "pipe | in the middle", "line one\nline two", "<script>alert(1)</script>", "tab\tand bell\u{07}",
        "=SUM(A1:A9)", "+1 more", "-2 less", "@mention", "quote \" and, comma", "bidi \u{202E}txet\u{202C} trick",
        "escape \u{1B}[31mred", "back\\slash; semi, comma", "emoji 👩‍👩‍👧 and é", "**bold** _x_ `code` [link](http://x)",
        String(repeating: "long é ", count: 30),
    ]

    /// One action per hostile text, each answering a problem with the same text.
    static var session: (SessionHeader, MeetingState) {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("c")
        for (index, text) in hostile.enumerated() {
            let problem = index * 2 + 1
            script.record(.noteAdded(id: problem, section: "b", content: NoteContent(kind: .problem, text: text)))
            script.record(.noteAdded(id: problem + 1, section: "c", content: NoteContent(
                kind: .action, text: text, owner: text, due: "2026-12-\(10 + index)")))
            script.record(.noteLinked(id: problem + 1, problem: problem))
        }
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "Hostile | <b>", startedAt: "2026-11-23T14:00:00Z"))
        return (header, script.state)
    }

    @Test func csvIsReadBackExactlyByPythonsCSVModule() throws {
        let (_, state) = Self.session
        let csv = CSVExporter.csv(state: state, session: "hostile")
        let file = FileManager.default.temporaryDirectory.appending(path: "export-\(UUID().uuidString).csv")
        try Data(csv.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            print(json.dumps(list(csv.reader(f, strict=True))))
        """
        let result = try Subprocess.run(["python3", "-c", script, file.path])
        #expect(result.status == 0, "\(result.output)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
        #expect(rows.first == CSVExporter.columns)
        #expect(rows.count == Self.hostile.count + 1)
        for (row, original) in zip(rows.dropFirst(), Self.hostile) {
            #expect(row.count == 6)
            // What a spreadsheet shows: the text, control characters visible, formulas defused.
            var expected = VisibleText.lines(original)
            if "=+-@".contains(expected.first!) { expected = "'" + expected }
            #expect(row[0] == expected)
            #expect(row[1] == expected, "owner column")
            #expect(row[3] == expected, "problem column")
            #expect(row[4] == "Gamma" && row[5] == "hostile")
            for cell in row {
                #expect(!"=+-@".contains(cell.first ?? " "), "cell starts a formula: \(cell)")
                #expect(!cell.unicodeScalars.contains { $0 != "\n" && VisibleText.isUnsafe($0) }, "raw control character in \(cell)")
            }
        }
    }

    @Test func icsFollowsRFC5545() throws {
        let (header, state) = Self.session
        let ics = ICSExporter.ics(header: header, state: state, session: "hostile")
        #expect(ics.hasSuffix("\r\n"))
        let physical = ics.components(separatedBy: "\r\n").dropLast()
        for line in physical {
            #expect(line.utf8.count <= 75, "line longer than 75 octets: \(line)")
            #expect(!line.contains("\n") && !line.contains("\r"), "bare line break")
            #expect(!line.unicodeScalars.contains { VisibleText.isUnsafe($0) }, "control character in \(line)")
        }
        // Unfold (CRLF + one space), then every content line is NAME[;PARAMS]:VALUE.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
        var depth: [String] = []
        var summaries: [String] = []
        for line in unfolded {
            let name = String(line.prefix { $0 != ":" && $0 != ";" })
            #expect(!name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isUppercase || $0 == "-") }, "bad property \(line)")
            let value = String(line.drop { $0 != ":" }.dropFirst())
            if name == "BEGIN" { depth.append(value) }
            if name == "END" { #expect(depth.popLast() == value) }
            if name == "SUMMARY" { summaries.append(Self.unescape(value)) }
            if name == "DUE" { #expect(line.hasPrefix("DUE;VALUE=DATE:202612") && value.count == 8) }
        }
        #expect(depth.isEmpty)
        #expect(unfolded.first == "BEGIN:VCALENDAR" && unfolded.contains("VERSION:2.0") && unfolded.contains { $0.hasPrefix("PRODID:") })
        #expect(unfolded.filter { $0 == "BEGIN:VTODO" }.count == Self.hostile.count)
        #expect(summaries == Self.hostile.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { VisibleText.line(String($0)) }.joined(separator: "\n") })
    }

    /// RFC 5545 TEXT unescaping: \\ \; \, \n.
    static func unescape(_ value: String) -> String {
        var out = "", escaped = false
        for character in value {
            if escaped {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                #expect(character != ";" && character != ",", "unescaped \(character) in \(value)")
                out.append(character)
            }
        }
        return out
    }

    @Test func actionsWithoutAValidDateStayOutOfTheCalendar() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("c")
        for (id, due) in [(1, "2026-12-01"), (2, "next week"), (3, "2026-13-01"), (4, "")] {
            script.record(.noteAdded(id: id, section: "c", content: NoteContent(kind: .action, text: "a\(id)", due: due)))
        }
        script.note("no due", kind: .action, in: "c")
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "T", startedAt: "2026-11-23T14:00:00Z"))
        let ics = ICSExporter.ics(header: header, state: script.state, session: "s")
        #expect(ics.components(separatedBy: "BEGIN:VTODO").count == 2)
        #expect(ics.contains("DUE;VALUE=DATE:20261201"))
        #expect(ICSExporter.undated(script.state).map(\.text) == ["a2", "a3", "a4", "no due"])
    }

    @Test func hostileTextKeepsTheMarkdownActionTableValid() {
        let (header, state) = Self.session
        let brief = BriefWriter.markdown(header: header, state: state)
        let lines = brief.components(separatedBy: "\n")
        let start = lines.firstIndex(of: "| Action | Owner | Due | Problem |")!
        #expect(lines[start + 1] == "| --- | --- | --- | --- |")
        let rows = lines[(start + 2)...].prefix { $0.hasPrefix("|") }
        #expect(rows.count == Self.hostile.count, "one row per action, none split by a newline")
        for row in rows {
            #expect(Self.unescapedPipes(row) == 5, "row has extra cells: \(row)")
        }
        for output in [brief, ClientBriefWriter.markdown(header: header, state: state, withOwners: true)] {
            // `\<` is text to Markdown; only an unescaped `<` can open a tag.
            let unescaped = output.replacingOccurrences(of: "\\<", with: "")
            #expect(!unescaped.contains("<script") && !unescaped.contains("<b"), "raw HTML")
            #expect(!output.unicodeScalars.contains { $0 != "\n" && VisibleText.isUnsafe($0) }, "raw control character")
            #expect(!output.contains("[link](http"), "user text made a link")
        }
    }

    @Test func showPrintsHostileTextWithNoRawControlCharacters() {
        let (header, state) = Self.session
        let text = SessionText.render(header: header, state: state)
        #expect(!text.unicodeScalars.contains { $0 != "\n" && VisibleText.isUnsafe($0) })
        #expect(text.contains("escape ^[[31mred"))
        #expect(text.contains("bidi \\u202Etxet\\u202C trick"))
    }

    static func unescapedPipes(_ row: String) -> Int {
        var count = 0, escaped = false
        for character in row {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }

    @Test func jsonParsesBackToTheSameTextsWithNoRawControlCharacters() throws {
        let (header, state) = Self.session
        let json = JSONExporter.json(header: header, state: state, session: "hostile")
        #expect(!json.unicodeScalars.contains { $0 != "\n" && VisibleText.isUnsafe($0) })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "debrief-export")
        #expect(document["complete"] as? Bool == false)
        let sections = try #require((document["summary"] as? [String: Any])?["sections"] as? [[String: Any]])
        let actions = try #require(sections.last?["items"] as? [[String: Any]])
        #expect(actions.compactMap { $0["text"] as? String } == Self.hostile)
        #expect(actions.compactMap { $0["owner"] as? String } == Self.hostile)
    }
}
