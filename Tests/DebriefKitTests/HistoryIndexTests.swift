import DebriefKit
import Foundation
import Testing

@Suite("History index: derived, rebuilt when files change, never hides a file")
struct HistoryIndexTests {
    let folder = Fixtures.temporaryFolder()

    private func write(_ name: String, client: String = "Acme", day: Int, problem: String = "Brief was late") throws {
        try HistoryFixtures.session(name, in: folder, client: client, started: "2026-03-\(String(format: "%02d", day))T10:00:00Z",
                                    problems: [.init(text: problem, action: ("Send a checklist", "Sam"))])
    }

    @Test func followsAddedChangedAndRemovedFilesAndRebuildsWhenDeletedOrDamaged() throws {
        try write("one", day: 1)
        try write("two", day: 2)
        var history = HistoryIndex.load(folder: folder)
        #expect(history.sessions.map(\.name) == ["two", "one"])
        let index = folder.appending(path: HistoryIndex.fileName)
        #expect(FileManager.default.fileExists(atPath: index.path))

        try write("three", day: 3, problem: "Tracking links missing")
        try FileManager.default.removeItem(at: folder.appending(path: "one.debrief.jsonl"))
        try write("two", day: 2, problem: "Pixel was missing")  // rewritten: another size
        history = HistoryIndex.load(folder: folder)
        #expect(history.sessions.map(\.name) == ["three", "two"])
        #expect(history.sessions[1].problems.map(\.text) == ["Pixel was missing"])

        try FileManager.default.removeItem(at: index)
        #expect(HistoryIndex.load(folder: folder).sessions.map(\.name) == ["three", "two"])
        try Data("debrief-index 1\nS\tgarbage\n".utf8).write(to: index)
        #expect(HistoryIndex.load(folder: folder).sessions.map(\.name) == ["three", "two"])
    }

    @Test func theIndexReadsBackEveryFieldEvenWithTabsAndNewlinesInText() throws {
        try HistoryFixtures.session("odd", in: folder, client: "Café\tNoir", started: "2026-03-01T10:00:00Z",
                                    problems: [.init(text: "line one\nline\ttwo \\ three\r\n", action: ("Fix\tit", "Léa"))])
        let first = HistoryIndex.load(folder: folder).sessions
        let again = HistoryIndex.load(folder: folder).sessions  // from the index this time
        #expect(first == again)
        #expect(again.first?.problems.first?.text == "line one\nline\ttwo \\ three\r\n")
    }

    @Test func theSummaryLineGivesTheSameDigestAsFoldingEveryEvent() throws {
        let url = try HistoryFixtures.session("s", in: folder, client: "Acme", started: "2026-03-01T10:00:00Z",
                                              problems: [.init(text: "Late", action: ("Earlier", "Sam")), .init(text: "Lost", cause: nil)],
                                              wins: ["Reels"])
        let folded = SessionDigest(name: "s", record: try SessionReader.read(url))
        #expect(try SessionDigest.read(url) == folded)
        #expect(folded.items.count == 4 && folded.actions.first?.problem == 1)
    }

    @Test func aLargerIndexReadsBackExactlyWhatTheFilesSay() throws {
        for day in 1...28 { try write("s\(day)", client: day % 2 == 0 ? "Acme" : "Lumière", day: day, problem: "Problem \(day)") }
        try Data("junk\n".utf8).write(to: folder.appending(path: "junk.debrief.jsonl"))
        let built = HistoryIndex.load(folder: folder)
        let read = HistoryIndex.load(folder: folder)  // decoded from the index, in chunks
        #expect(built.sessions == read.sessions && read.sessions.count == 28)
        #expect(read.skipped.map(\.file) == ["junk.debrief.jsonl"])
    }

    @Test func damagedForeignAndNewerFilesAreSkippedByName() throws {
        try write("good", day: 1)
        try Data("not json at all\n".utf8).write(to: folder.appending(path: "damaged.debrief.jsonl"))
        try Data(#"{"type":"header","format":"other-tool","version":1}"#.utf8 + [10])
            .write(to: folder.appending(path: "foreign.debrief.jsonl"))
        let good = try String(contentsOf: folder.appending(path: "good.debrief.jsonl"), encoding: .utf8)
        try Data(good.replacingOccurrences(of: #""version":1"#, with: #""version":99"#).utf8)
            .write(to: folder.appending(path: "newer.debrief.jsonl"))
        for _ in 0..<2 {  // built, then read from the index: the same answer
            let history = HistoryIndex.load(folder: folder)
            #expect(history.sessions.map(\.name) == ["good"])
            #expect(history.skipped.map(\.file) == ["damaged.debrief.jsonl", "foreign.debrief.jsonl", "newer.debrief.jsonl"])
            #expect(history.skipped.last?.reason.contains("version 99") == true)
        }
    }
}
