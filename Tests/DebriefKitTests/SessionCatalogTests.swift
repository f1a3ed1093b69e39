import DebriefKit
import Foundation
import Testing

@Suite("Sessions folder: listing finished and interrupted sessions")
struct SessionCatalogTests {
    @Test func listsSessionsNewestFirstWithCountsAndMarksJournalsAndUnreadableFiles() throws {
        let folder = Fixtures.temporaryFolder()
        let store = SessionStore(folder: folder)
        func header(_ title: String, _ started: String) -> SessionHeader {
            SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: title, client: "Acme", startedAt: started))
        }
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("b")
        script.note("p1", kind: .problem, in: "b")
        script.note("p2", kind: .problem, in: "b")
        script.note("a1", kind: .action, in: "b")
        script.wait(minutes: 2)
        script.record(.meetingEnded)
        _ = try store.finish(base: "2026-11-20-old", header: header("Old", "2026-11-20T10:00:00Z"), events: script.events, journal: nil)
        _ = try store.finish(base: "2026-11-23-new", header: header("New", "2026-11-23T10:00:00Z"), events: Array(script.events.prefix(2)), journal: nil)
        let journal = try store.startJournal(header: header("Running", "2026-11-22T10:00:00Z"), base: "2026-11-22-running")
        try journal.append(script.events[0])
        try Data("not a session\n".utf8).write(to: folder.appending(path: "junk.debrief.jsonl"))

        let entries = SessionCatalog.entries(in: folder)
        #expect(entries.compactMap { $0.header?.meeting.title } == ["New", "Running", "Old"])
        #expect(entries.last?.problem?.contains("not a Debrief session") == true)
        let old = try #require(entries.first { $0.header?.meeting.title == "Old" })
        #expect(old.problems == 2 && old.actions == 1 && old.durationMilliseconds == 2 * Fixtures.minute)
        #expect(entries.first { $0.header?.meeting.title == "Running" }?.isJournal == true)
        #expect(SessionCatalog.name(of: old.url) == "2026-11-20-old")
    }

    @Test func listingFromTheSummaryLineAgreesWithFoldingEveryEvent() throws {
        let folder = Fixtures.temporaryFolder()
        let store = SessionStore(folder: folder)
        for seed in UInt64(1)...40 {
            var events = RandomSession(seed: seed).events
            events.append(Event(t: (events.last?.t ?? 0) + 1000, .meetingEnded))
            let (session, _) = try store.finish(base: "s\(seed)", header: RandomSession.header, events: events, journal: nil)
            let listed = SessionCatalog.entry(for: session)
            let state = try SessionReader.read(session).state
            let findings = Findings(state: state)
            #expect(listed.problems == findings.problems.count && listed.actions == findings.actions.count
                    && listed.notes == state.visibleNotes.count && listed.durationMilliseconds == state.endedAt,
                    "seed \(seed)")
        }
    }

    @Test func aSessionWhoseSummaryLineIsDamagedIsListedFromItsEvents() throws {
        let folder = Fixtures.temporaryFolder()
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("b")
        script.note("p1", kind: .problem, in: "b")
        script.wait(minutes: 3)
        script.record(.meetingEnded)
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "Cut", startedAt: "2026-11-23T10:00:00Z"))
        var text = String(decoding: SessionCoding.sessionFile(header: header, events: script.events), as: UTF8.self)
        text = String(text.dropLast(20))  // the summary line cut short
        let url = folder.appending(path: "cut.debrief.jsonl")
        try Data(text.utf8).write(to: url)
        let listed = SessionCatalog.entry(for: url)
        #expect(listed.problem == nil && listed.problems == 1 && listed.durationMilliseconds == 3 * Fixtures.minute)
    }
}
