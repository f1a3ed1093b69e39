import DebriefKit
import Foundation
import Testing

@Suite("Across meetings: learnings, actions, recurring problems, search")
struct CrossSessionTests {
    let folder = Fixtures.temporaryFolder()

    @Test func theLearningsLogListsEachClientsPostMortemsNewestFirstWithActionStatuses() throws {
        try HistoryFixtures.session("march", in: folder, client: "Lumen", started: "2026-03-10T10:00:00Z",
                                    problems: [.init(text: "Brief lacked the audience", cause: "tools",
                                                     action: ("Brief checklist before every brief", "Sam"))],
                                    wins: ["Reels beat static posts"])
        try HistoryFixtures.session("june", in: folder, client: "LUMEN", started: "2026-06-10T10:00:00Z",
                                    problems: [.init(text: "Approval took six days", cause: "process", action: nil)])
        let history = HistoryIndex.load(folder: folder)
        let directory = ClientDirectory(sessions: history.sessions, aliases: ClientAliases())
        let ledger = [ActionLedger.Entry(action: "march#3", status: .done, at: "2026-04-01T10:00:00.000Z")]
        let actions = TrackedActions.all(in: history.sessions, ledger: ledger)
        #expect(actions.map(\.id) == ["march#3"] && actions[0].status == .done)

        let logs = LearningsLog.build(sessions: history.sessions, directory: directory, actions: actions)
        #expect(logs.count == 1 && logs[0].sessions.map(\.session) == ["june", "march"])
        #expect(logs[0].rootCauses == ["tools": 1, "process": 1])
        let markdown = LearningsLog.markdown(sessions: history.sessions, directory: directory, ledger: ledger)
        #expect(markdown.contains("- Brief lacked the audience (problem, tools, critical)"))
        #expect(markdown.contains("- Reels beat static posts (win)"))
        #expect(markdown.contains("- [done] Brief checklist before every brief — Sam, due 2026-12-01 (`march#3`)"))
        // An unanswered problem is not a learning until someone marks it as one.
        #expect(!markdown.contains("Approval took six days"))
        #expect(LearningsLog.json(logs).contains(#""status" : "done""#))
    }

    /// The Markdown is written straight from the sessions, the JSON from `build`: both
    /// say the same, client by client, session by session, line by line.
    @Test func theMarkdownLogSaysWhatTheJSONLogSays() throws {
        try HistoryFixtures.session("march", in: folder, client: "Lumen", started: "2026-03-10T10:00:00Z",
                                    problems: [.init(text: "Brief lacked the audience", cause: "tools",
                                                     action: ("Brief checklist before every brief", "Sam")),
                                               .init(text: "*Approval* took `six` days", cause: "process",
                                                     action: ("1. Agree approval times", "Dana"))],
                                    wins: ["Reels beat static posts"])
        try HistoryFixtures.session("june`x", in: folder, client: "lumen", started: "2026-06-10T10:00:00Z",
                                    problems: [.init(text: "Links late", cause: "tools", action: ("Test links", "Li"))])
        try HistoryFixtures.session("may", in: folder, client: "Acme", started: "2026-05-10T10:00:00Z", problems: [])
        let history = HistoryIndex.load(folder: folder)
        let directory = ClientDirectory(sessions: history.sessions, aliases: ClientAliases())
        let ledger = [ActionLedger.Entry(action: "march#4", status: .done, at: "2026-04-01T10:00:00.000Z"),
                      ActionLedger.Entry(action: "june`x#2", status: .dropped, at: "2026-07-01T10:00:00.000Z")]
        let markdown = LearningsLog.markdown(sessions: history.sessions, directory: directory, ledger: ledger)
        var expected = ["# Learnings log"]
        for log in LearningsLog.build(sessions: history.sessions, directory: directory, ledger: ledger) {
            expected.append("## \(MarkdownText.inline(log.client))")
            for session in log.sessions {
                expected.append("### \(session.date) · \(MarkdownText.inline(session.title))")
                expected.append("Session: `\(session.session.replacingOccurrences(of: "`", with: "'"))`")
                expected += session.learnings.map { learning in
                    "- \(MarkdownText.inline(learning.text)) (\(([learning.kind.rawValue] + [learning.rootCause, learning.severity].compactMap { $0 }).joined(separator: ", ")))"
                }
                expected += session.actions.map { action in
                    "- [\(action.status.rawValue)] \(MarkdownText.inline(action.text))\(action.owner.map { " — \(MarkdownText.inline($0))" } ?? "")"
                        + "\(action.due.map { ", due \(MarkdownText.inline($0))" } ?? "") (`\(action.id.replacingOccurrences(of: "`", with: "'"))`)"
                }
            }
        }
        let lines = markdown.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("Root causes") }
            .filter { !["Learnings:", "What changed as a result:", "- none recorded", "- no actions were agreed"].contains($0) }
        #expect(lines == expected)
        #expect(markdown.contains("- [dropped] Test links — Li"))
        #expect(markdown.contains("- [done] Brief checklist before every brief — Sam"))
        #expect(markdown.contains("Root causes seen: tools 2, process 1."))
    }

    @Test func markedLearningsReplaceTheFallback() {
        var session = SessionDigest(name: "s", title: "S", client: "A", campaign: nil, startedAt: "2026-01-01T00:00:00Z", items: [
            .init(id: 1, kind: .win, text: "A win", section: "W"),
            .init(id: 2, kind: .note, text: "Learned: brief earlier", section: "W", learning: true),
        ])
        #expect(Learnings.of(session).map(\.id) == [2])
        session.items[1].learning = nil
        #expect(Learnings.of(session).map(\.id) == [1])
    }

    @Test func problemsWordedAlikeInTwoSessionsOfOneClientRecur() throws {
        try HistoryFixtures.session("a", in: folder, client: "Acme", started: "2026-01-01T10:00:00Z",
                                    problems: [.init(text: "The tracking links were not ready on day one"), .init(text: "Creators late")])
        try HistoryFixtures.session("b", in: folder, client: "acme", started: "2026-02-01T10:00:00Z",
                                    problems: [.init(text: "Tracking link not ready on launch day!")])
        try HistoryFixtures.session("c", in: folder, client: "Other", started: "2026-03-01T10:00:00Z",
                                    problems: [.init(text: "Tracking links were not ready on day one")])
        let history = HistoryIndex.load(folder: folder)
        let directory = ClientDirectory(sessions: history.sessions, aliases: ClientAliases())
        let groups = RecurringProblems.groups(in: history.sessions, directory: directory)
        #expect(groups.count == 1)
        #expect(groups.first?.client == "Acme" && groups.first?.problems.map(\.session.name) == ["a", "b"])
        let chart = HistoryChart.text(sessions: history.sessions, directory: directory, client: nil)
        #expect(chart.contains("2 sessions · Acme: The tracking links were not ready on day one"))
        #expect(chart.contains("process"))
    }

    @Test func searchIgnoresCaseAccentsAndPunctuationAndNamesTheSection() throws {
        try HistoryFixtures.session("a", in: folder, client: "Acme", started: "2026-01-01T10:00:00Z",
                                    problems: [.init(text: "Café brief: LATE again"), .init(text: "Other\u{1B}[31m")])
        let sessions = HistoryIndex.load(folder: folder).sessions
        let hits = HistorySearch.find("cafe brief late", in: sessions)
        #expect(hits.map(\.item.text) == ["Café brief: LATE again"])
        #expect(hits.first?.item.section == "Beta")
        #expect(HistorySearch.find("brief late", in: sessions).count == 1)
        #expect(HistorySearch.find("nothing like it", in: sessions).isEmpty)
    }
}

@Suite("Across meetings: hostile text stays visible, never raw")
struct CrossSessionHostileTextTests {
    @Test func controlCharactersAndBidiOverridesNeverReachTheOutput() throws {
        let folder = Fixtures.temporaryFolder()
        let hostile = "Brief\u{1B}[2J late \u{202E}evil\u{9C}"
        try HistoryFixtures.session("h", in: folder, client: "Acme\u{1B}]0;x\u{07}", started: "2026-01-01T10:00:00Z",
                                    problems: [.init(text: hostile, action: ("Fix \u{1B}[31m it", "Sam\u{202E}"))])
        let history = HistoryIndex.load(folder: folder)
        let directory = ClientDirectory(sessions: history.sessions, aliases: ClientAliases())
        let actions = TrackedActions.all(in: history.sessions, ledger: [])
        let logs = LearningsLog.build(sessions: history.sessions, directory: directory, actions: actions)
        let outputs = [
            LearningsLog.markdown(sessions: history.sessions, directory: directory, ledger: []), LearningsLog.json(logs),
            HistoryChart.text(sessions: history.sessions, directory: directory, client: nil),
        ]
        for output in outputs {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x9C || $0.value == 0x07 })
        }
        #expect(outputs[0].contains("Brief^") && outputs[0].contains("2J late"), "shown, as visible symbols")
    }
}
