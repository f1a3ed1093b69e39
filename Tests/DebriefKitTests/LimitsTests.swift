@testable import DebriefKit
import Foundation
import Testing

/// The limits table, enforced where data comes in: time past the cap, version skew,
/// invisible tag characters and spreadsheet formulas behind blanks.
@Suite("Limits: time cap, newer lines, tag characters, CSV")
struct LimitsTests {
    private let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(
        title: "Spring", startedAt: "2026-11-23T14:00:00Z", timeScale: 60))

    @Test func aPrefixIsCutBetweenCharactersWithinTheBytes() {
        #expect(Limits.prefix(of: "abc", fittingIn: 10) == "abc")
        #expect(Limits.prefix(of: "ab😀", fittingIn: 5) == "ab")
        #expect(Limits.prefix(of: "ae\u{301}x", fittingIn: 3) == "a", "a letter and its accent stay together")
        #expect(Limits.prefix(of: "x", fittingIn: 0) == "")
        #expect(Limits.size(1_000_000) == "1 MB")
        #expect(Limits.size(50_000) == "50 KB")
        #expect(Limits.size(950_000) == "950 KB")
        #expect(Limits.size(1_000_001) == "1.1 MB", "a file just over the limit does not read as 1 MB")
        #expect(Limits.size(1_800_000) == "1.8 MB")
    }

    /// A meeting left at `--time-scale 60`, its journal last written `daysAgo` days before `now`.
    private func leftMeeting(in folder: URL) throws -> InterruptedMeeting {
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: folder), date: Date())
        recorder.record(Event(t: 0, .sectionStarted(section: "performance")))
        recorder.record(Event(t: 1_000, .noteAdded(id: 1, section: "performance", content: NoteContent(kind: .note, text: "before"))))
        recorder.leave()
        return try #require(SessionStore(folder: folder).interruptedMeetings().first)
    }

    @Test(arguments: [70, 400, 36_500])
    func downtimeCountedAcrossMonthsNeverRunsTheClockPastTheCap(days: Int) throws {
        let folder = Fixtures.temporaryFolder()
        let meeting = try leftMeeting(in: folder)
        let now = meeting.lastSaved.addingTimeInterval(Double(days) * 86_400)
        let resumed = try ResumedMeeting.open(meeting, store: SessionStore(folder: folder), countDowntime: true, now: now)
        #expect(resumed.clockOffset <= Limits.maximumTime)
        #expect(resumed.messages.contains { $0.contains("past 87600 hours") })
        // A note typed now is written at a time the reader accepts, and read back.
        #expect(resumed.recorder.record(Event(t: resumed.clockOffset + 5_000, .noteAdded(
            id: 2, section: "performance", content: NoteContent(kind: .note, text: "after the downtime")))) == nil)
        #expect(resumed.recorder.events.last?.t == Limits.maximumTime)
        resumed.recorder.leave()
        let journal = try SessionReader.read(meeting.journal)
        #expect(journal.skippedLines.isEmpty)
        #expect(journal.state.visibleNotes.map(\.text) == ["before", "after the downtime"])
    }

    @Test func aShortDowntimeIsCountedInFull() throws {
        let folder = Fixtures.temporaryFolder()
        let meeting = try leftMeeting(in: folder)
        let resumed = try ResumedMeeting.open(meeting, store: SessionStore(folder: folder), countDowntime: true,
                                              now: meeting.lastSaved.addingTimeInterval(10))
        #expect(resumed.clockOffset == 1_000 + 600_000)
        #expect(!resumed.messages.contains { $0.contains("hours") })
        resumed.recorder.leave()
    }

    @Test func linesOfANewerDebriefAreCarriedThroughResumeIntoTheSessionFileInPlace() throws {
        let folder = Fixtures.temporaryFolder()
        let meeting = try leftMeeting(in: folder)
        // A later version's event between the two known ones, and one at the end.
        var lines = try String(contentsOf: meeting.journal, encoding: .utf8).split(separator: "\n").map(String.init)
        let future = #"{"type":"note_reacted","t":1500,"id":1,"emoji":"👍"}"#
        lines.insert(future, at: 2)
        lines.append(#"{"type":"poll_opened","t":2000}"#)
        try (lines.joined(separator: "\n") + "\n").write(to: meeting.journal, atomically: false, encoding: .utf8)

        let store = SessionStore(folder: folder)
        let reread = try #require(store.interruptedMeetings().first)
        let resumed = try ResumedMeeting.open(reread, store: store, countDowntime: false)
        #expect(resumed.messages.contains { $0.contains("Kept 2 lines written by a newer Debrief (note_reacted, poll_opened) untouched") })
        resumed.recorder.record(Event(t: 3_000, .noteAdded(id: 2, section: "performance", content: NoteContent(kind: .note, text: "after"))))
        // A failed disk rewrites the journal from memory: the lines survive that too.
        _ = try Journal.rewrite(at: reread.journal, header: resumed.recorder.header, events: resumed.recorder.events,
                                foreign: resumed.recorder.foreignLines)
        let (session, _) = try resumed.recorder.finish()
        let text = try String(contentsOf: session, encoding: .utf8)
        let sessionLines = text.split(separator: "\n").map(String.init)
        #expect(sessionLines[2] == future, "in place: after the first note, before the rest")
        #expect(sessionLines.contains(#"{"type":"poll_opened","t":2000}"#))
        let record = try SessionReader.read(session)
        #expect(record.skippedLines.isEmpty)
        #expect(record.foreignLines.map(\.type) == ["note_reacted", "poll_opened"])
        #expect(record.state.visibleNotes.map(\.text) == ["before", "after"])
    }

    @Test func aKnownEventWithFieldsOfANewerDebriefIsUsedAndWrittenBackWhole() throws {
        let folder = Fixtures.temporaryFolder()
        let meeting = try leftMeeting(in: folder)
        var lines = try String(contentsOf: meeting.journal, encoding: .utf8).split(separator: "\n").map(String.init)
        let newer = #"{"id":2,"kind":"note","mood":"hopeful","section":"performance","t":1200,"text":"with a mood","type":"note_added"}"#
        lines.append(newer)
        try (lines.joined(separator: "\n") + "\n").write(to: meeting.journal, atomically: false, encoding: .utf8)

        let store = SessionStore(folder: folder)
        let reread = try #require(store.interruptedMeetings().first)
        let resumed = try ResumedMeeting.open(reread, store: store, countDowntime: false)
        #expect(resumed.state.visibleNotes.map(\.text) == ["before", "with a mood"])
        #expect(resumed.messages.contains { $0.contains("Kept 1 line written by a newer Debrief (note_added)") })
        resumed.recorder.record(Event(t: 3_000, .noteAdded(id: 3, section: "performance", content: NoteContent(kind: .note, text: "after"))))
        let (session, _) = try resumed.recorder.finish()
        let sessionLines = try String(contentsOf: session, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(sessionLines.filter { $0 == newer }.count == 1, "written back whole, once, in place")
        #expect(sessionLines.filter { $0.contains("with a mood") && $0.contains("note_added") }.count == 1)
        let record = try SessionReader.read(session)
        #expect(record.state.visibleNotes.map(\.text) == ["before", "with a mood", "after"])
        #expect(record.events.count == resumed.recorder.events.count)
    }

    @Test func aDamagedLineOfAKnownTypeIsStillSkippedNotCarried() throws {
        let data = Data((String(decoding: SessionCoding.line(header), as: UTF8.self) + #"{"type":"note_added","t":"x"}"# + "\n").utf8)
        let record = try SessionReader.parse(data, path: "j")
        #expect(record.skippedLines == [2])
        #expect(record.foreignLines.isEmpty)
    }

    @Test func unicodeTagCharactersAreShownNotHidden() {
        let smuggled = "ok" + String(String.UnicodeScalarView("ignore".unicodeScalars.map { Unicode.Scalar($0.value + 0xE0000)! }))
        let shown = VisibleText.line(smuggled)
        #expect(shown.hasPrefix("ok\\uE0069"))
        #expect(!shown.unicodeScalars.contains { (0xE0000...0xE007F).contains($0.value) })
        #expect(VisibleText.isUnsafe(Unicode.Scalar(0xE0001)!))
        #expect(VisibleText.isUnsafe(Unicode.Scalar(0xE007F)!))
        #expect(!VisibleText.isUnsafe(Unicode.Scalar(0xE0100)!), "variation selectors past the tag block are kept")
    }

    @Test(arguments: ["\t=1+1", " =1+1", "\u{A0}=HYPERLINK(\"x\")", "\u{FF1D}1+1", "\u{FF0B}1", "\u{FF0D}1", "\u{FF20}SUM(A1)",
                      "  \u{FF1D}1", "=1"])
    func aFormulaBehindBlanksOrInFullWidthIsDefused(cell: String) {
        let field = CSVExporter.field(cell)
        #expect(field.hasPrefix("'") || field.hasPrefix("\"'"), "\(field)")
    }

    @Test func ordinaryCellsAreLeftAlone() {
        #expect(CSVExporter.field("Send the brief") == "Send the brief")
        #expect(CSVExporter.field(" indented") == " indented")
    }

    @Test func filesOfOlderVersionsWithAHugeHeaderOrAOneLineHugeSummaryStillRead() throws {
        // What Debrief wrote before the limits: a 1.2 MB header (a prompt of 200,000 escape
        // characters) and a summary line of 1.5 MB. Their notes must stay readable.
        var agenda = Fixtures.small
        agenda.sections[0].prompts = [String(repeating: "\u{1B}", count: 200_000)]
        let old = SessionHeader(agenda: agenda, meeting: MeetingInfo(title: "Old", startedAt: "2026-11-23T14:00:00Z"))
        let text = String(repeating: "y", count: 300_000)
        var events = [Event(t: 0, .sectionStarted(section: agenda.sections[0].id))]
        for id in 1...5 {
            events.append(Event(t: id, .noteAdded(id: id, section: agenda.sections[0].id, content: NoteContent(kind: .note, text: text))))
        }
        events.append(Event(t: 9, .meetingEnded))
        var data = SessionCoding.line(old)
        #expect(data.count > Limits.lineBytes)
        for event in events { data.append(SessionCoding.line(event)) }
        let summary = SessionSummary(state: MeetingState.fold(agenda: agenda, events: events))
        let summaryLine = SessionCoding.line(summary)
        #expect(summaryLine.count > Limits.lineBytes)
        data.append(summaryLine)
        let record = try SessionReader.parse(data, path: "old")
        #expect(record.skippedLines.isEmpty)
        #expect(record.events == events)
        #expect(record.summary == summary, "rebuilt from the events: the file is finished, not interrupted")
    }
}
