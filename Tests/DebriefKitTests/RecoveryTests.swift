import DebriefKit
import Foundation
import Testing

/// Interrupted meetings come back whole: the journal's lock, its torn tail, the resumed
/// state and clock, and writes that fail and recover.
@Suite("Recovery: journal lock, resume, failing disks")
struct RecoveryTests {
    private let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(
        title: "Spring", client: "Acme", startedAt: "2026-11-23T14:00:00Z", timeScale: 2))

    /// A meeting interrupted in "What went wrong" with two notes and a half-typed third.
    private func interruptedMeeting(in folder: URL) throws -> (MeetingRecorder, [Event]) {
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: folder), date: Date())
        var script = MeetingScript(agenda: Fixtures.influencer)
        script.start("performance")
        script.wait(minutes: 4)
        script.note("Reach 1.2M vs 1M", in: "performance")
        script.wait(minutes: 1)
        script.start("wrong")
        script.wait(minutes: 2)
        script.note("Tracking links late", kind: .problem, in: "wrong")
        script.record(.draftChanged(text: "Approvals took a we"))
        for event in script.events { #expect(recorder.record(event) == nil) }
        return (recorder, script.events)
    }

    private func journalText(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func aLiveJournalIsLockedAndALeftOneIsFree() throws {
        let folder = Fixtures.temporaryFolder()
        let (recorder, _) = try interruptedMeeting(in: folder)
        #expect(Journal.isInUse(recorder.journalURL))
        do {
            _ = try Journal(resuming: recorder.journalURL)
            Issue.record("a second writer must be refused")
        } catch {
            #expect(error.isInUse)
            #expect(error.description.contains("another Debrief has this meeting open"))
        }
        let meeting = try #require(SessionStore(folder: folder).interruptedMeetings().first)
        #expect(meeting.isInUse)
        #expect(throws: ResumeError.self) { try ResumedMeeting.open(meeting, store: SessionStore(folder: folder), countDowntime: false) }

        recorder.leave()
        #expect(!Journal.isInUse(recorder.journalURL))
        let resumed = try Journal(resuming: recorder.journalURL)
        #expect(Journal.isInUse(recorder.journalURL), "the resumed journal holds the lock in turn")
        resumed.release()
    }

    @Test func resumingBringsBackNotesSectionDraftAndTheClockWithDowntimePaused() throws {
        let folder = Fixtures.temporaryFolder()
        let (recorder, events) = try interruptedMeeting(in: folder)
        recorder.leave()
        let store = SessionStore(folder: folder)
        let meeting = try #require(store.interruptedMeetings().first)
        #expect(meeting.baseName == recorder.baseName)
        #expect(meeting.noteCount == 2)
        #expect(meeting.title == "Spring")

        let resumed = try ResumedMeeting.open(meeting, store: store, countDowntime: false,
                                              now: meeting.lastSaved.addingTimeInterval(600))
        #expect(resumed.recorder.events == events)
        #expect(resumed.state.visibleNotes.map(\.text) == ["Reach 1.2M vs 1M", "Tracking links late"])
        #expect(resumed.state.visibleNotes.map(\.section) == [0, 3])
        #expect(resumed.state.current == 3)
        #expect(resumed.state.draft == "Approvals took a we")
        #expect(resumed.messages.isEmpty)
        // Ten minutes down, counted as paused: the clock continues from the last event.
        #expect(resumed.clockOffset == 7 * Fixtures.minute)

        // What happens next is appended to the same journal.
        #expect(resumed.recorder.record(Event(t: resumed.clockOffset, .noteAdded(
            id: 3, section: "wrong", content: NoteContent(kind: .problem, text: "Approvals took a week")))) == nil)
        let reread = try SessionReader.read(recorder.journalURL)
        #expect(reread.state.visibleNotes.map(\.text).last == "Approvals took a week")
        #expect(reread.state.draft.isEmpty)
    }

    @Test func countingDowntimeRunsTheClockThroughItAtTheMeetingsTimeScale() throws {
        let folder = Fixtures.temporaryFolder()
        let (recorder, _) = try interruptedMeeting(in: folder)
        recorder.leave()
        let store = SessionStore(folder: folder)
        let meeting = try #require(store.interruptedMeetings().first)
        let resumed = try ResumedMeeting.open(meeting, store: store, countDowntime: true,
                                              now: meeting.lastSaved.addingTimeInterval(30))
        // 30 s down at time scale 2 is one minute of meeting time.
        #expect(resumed.clockOffset == 8 * Fixtures.minute)
    }

    @Test func aliveMarksCarryTheClockPastTheLastEventAndStayOutOfTheSessionFile() throws {
        let folder = Fixtures.temporaryFolder()
        let (recorder, events) = try interruptedMeeting(in: folder)
        // Nothing captured for five minutes after the last event, but the meeting ran on.
        #expect(recorder.markAlive(at: 9 * Fixtures.minute) == nil)
        #expect(recorder.markAlive(at: 12 * Fixtures.minute) == nil)
        #expect(recorder.events == events, "marks are not events")
        recorder.leave()

        let store = SessionStore(folder: folder)
        let meeting = try #require(store.interruptedMeetings().first)
        let record = try meeting.record.get()
        #expect(record.skippedLines.isEmpty, "a mark is a line the reader understands")
        #expect(record.events == events)
        #expect(record.lastAlive == 12 * Fixtures.minute)
        let resumed = try ResumedMeeting.open(meeting, store: store, countDowntime: false,
                                              now: meeting.lastSaved.addingTimeInterval(600))
        #expect(resumed.clockOffset == 12 * Fixtures.minute, "the clock continues from where it stopped, not from the last note")

        let (session, _) = try resumed.recorder.finish()
        let text = try String(contentsOf: session, encoding: .utf8)
        #expect(!text.contains("\"alive\""), "the session file holds events only")
    }

    @Test func resumingRemovesTheMeetingsHalfWrittenFilesAndNoOneElses() throws {
        let folder = Fixtures.temporaryFolder()
        let (recorder, _) = try interruptedMeeting(in: folder)
        recorder.leave()
        let base = recorder.baseName
        let leftovers = [".\(base).journal.jsonl.4242.tmp", ".\(base).debrief.jsonl.4242.tmp", ".\(base).md.17.tmp"]
        let others = [".\(base)-2.journal.jsonl.4242.tmp", ".\(base).md.notes.tmp", "\(base).md"]
        for name in leftovers + others {
            _ = FileManager.default.createFile(atPath: folder.appending(path: name).path, contents: Data("half".utf8))
        }
        let store = SessionStore(folder: folder)
        let meeting = try #require(store.interruptedMeetings().first)
        _ = try ResumedMeeting.open(meeting, store: store, countDowntime: false)
        let remaining = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(remaining.isDisjoint(with: leftovers))
        #expect(remaining.isSuperset(of: others), "another meeting's files and anything not ours stay")
    }

    @Test func anAliveMarkNeverMovesTheClockBackBehindTheLastEvent() throws {
        let folder = Fixtures.temporaryFolder()
        let (recorder, _) = try interruptedMeeting(in: folder)
        recorder.markAlive(at: 0)
        recorder.leave()
        let record = try SessionReader.read(recorder.journalURL)
        #expect(record.lastAlive == 7 * Fixtures.minute)
        #expect(record.lastKnownTime == 7 * Fixtures.minute)
    }

    @Test func aTornLastLineIsDroppedWithAMessageAndTheJournalRepaired() throws {
        let folder = Fixtures.temporaryFolder()
        let (recorder, events) = try interruptedMeeting(in: folder)
        recorder.leave()
        let handle = try FileHandle(forWritingTo: recorder.journalURL)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"id\":3,\"kind\":\"note\",\"sect".utf8))
        try handle.close()

        let store = SessionStore(folder: folder)
        let resumed = try ResumedMeeting.open(try #require(store.interruptedMeetings().first), store: store, countDowntime: false)
        #expect(resumed.recorder.events == events)
        #expect(resumed.messages == ["The last line of the journal was cut off when Debrief stopped mid-write; it was dropped, everything before it is kept."])
        let repaired = try journalText(recorder.journalURL)
        #expect(repaired.hasSuffix("\"type\":\"draft\"}\n"), "the fragment is cut off")
        #expect(!repaired.contains("\"id\":3"))

        resumed.recorder.record(Event(t: 500_000, .clockPaused))
        let reread = try SessionReader.read(recorder.journalURL)
        #expect(reread.skippedLines.isEmpty, "the next event starts on a line of its own")
        #expect(reread.events.last?.change == .clockPaused)
    }

    @Test func aCompleteLastLineWithoutItsNewlineIsKept() throws {
        let folder = Fixtures.temporaryFolder()
        let (recorder, events) = try interruptedMeeting(in: folder)
        recorder.leave()
        var data = try Data(contentsOf: recorder.journalURL)
        data.removeLast()  // the newline of the last event
        try data.write(to: recorder.journalURL)
        let store = SessionStore(folder: folder)
        let resumed = try ResumedMeeting.open(try #require(store.interruptedMeetings().first), store: store, countDowntime: false)
        #expect(resumed.recorder.events == events)
        resumed.recorder.record(Event(t: 500_000, .clockPaused))
        let reread = try SessionReader.read(recorder.journalURL)
        #expect(reread.skippedLines.isEmpty)
        #expect(reread.events == events + [Event(t: 500_000, .clockPaused)])
    }

    @Test func aJournalCorruptInTheMiddleKeepsEveryReadableEventAndNamesTheLines() throws {
        let folder = Fixtures.temporaryFolder()
        let (recorder, events) = try interruptedMeeting(in: folder)
        recorder.leave()
        var lines = try journalText(recorder.journalURL).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[2] = "\u{0}\u{0}garbage"  // the first note
        try lines.joined(separator: "\n").write(to: recorder.journalURL, atomically: false, encoding: .utf8)
        let store = SessionStore(folder: folder)
        let resumed = try ResumedMeeting.open(try #require(store.interruptedMeetings().first), store: store, countDowntime: false)
        #expect(resumed.recorder.events == events.filter { $0 != events[1] })
        #expect(resumed.messages == ["Skipped unreadable journal line 3; every other event is kept."])
    }

    @Test func aFailingFolderKeepsTheMeetingInMemoryAndARetryWritesEverything() throws {
        let parent = Fixtures.temporaryFolder()
        let folder = parent.appending(path: "sessions")
        let (recorder, events) = try interruptedMeeting(in: folder)
        // The folder disappears and a file takes its name: appends to the open journal
        // would land in a deleted file, so they must be reported as failures.
        try FileManager.default.removeItem(at: folder)
        try Data().write(to: folder)
        let late = Event(t: 9 * Fixtures.minute, .noteAdded(id: 3, section: "wrong", content: NoteContent(text: "while broken")))
        let failure = try #require(recorder.record(late))
        #expect(failure.reason.contains("removed or replaced"))
        #expect(!recorder.isSaved)
        #expect(recorder.events == events + [late], "the meeting goes on in memory")
        #expect(recorder.retry() != nil, "still failing while a file is in the way")

        try FileManager.default.removeItem(at: folder)
        #expect(recorder.retry() == nil)
        #expect(recorder.isSaved)
        let journal = try SessionReader.read(recorder.journalURL)
        #expect(journal.events == events + [late])
        #expect(Journal.isInUse(recorder.journalURL), "the rewritten journal is locked too")
        #expect(Debrief.permissions(recorder.journalURL) == 0o600)
    }

    @Test func aMeetingThatCannotBeSavedWhereItWasMovesToAnotherFolder() throws {
        let parent = Fixtures.temporaryFolder()
        let folder = parent.appending(path: "sessions")
        let (recorder, events) = try interruptedMeeting(in: folder)
        try FileManager.default.removeItem(at: folder)
        try Data().write(to: folder)
        #expect(throws: StorageError.self) { try recorder.finish() }

        let other = parent.appending(path: "elsewhere")
        recorder.move(to: other)
        let files = try recorder.finish()
        #expect(files.session.deletingLastPathComponent().path == other.path)
        #expect(try SessionReader.read(files.session).events == events)
        #expect(SessionStore(folder: other).interruptedMeetings().isEmpty)
    }

    @Test func aMeetingLeftAfterMovingFolderLeavesOneCompleteJournalOnly() throws {
        let parent = Fixtures.temporaryFolder()
        let folder = parent.appending(path: "sessions")
        let (recorder, events) = try interruptedMeeting(in: folder)
        let late = Event(t: 9 * Fixtures.minute, .clockPaused)
        // The journal is moved away for a moment: that write fails, the file itself survives.
        try FileManager.default.moveItem(at: recorder.journalURL, to: parent.appending(path: "moved-away"))
        #expect(recorder.record(late) != nil)
        try FileManager.default.moveItem(at: parent.appending(path: "moved-away"), to: recorder.journalURL)

        let other = parent.appending(path: "elsewhere")
        recorder.move(to: other)
        #expect(recorder.retry() == nil)
        recorder.leave()
        #expect(SessionStore(folder: folder).interruptedMeetings().isEmpty, "the partial copy is gone")
        let moved = try #require(SessionStore(folder: other).interruptedMeetings().first)
        #expect(try moved.record.get().events == events + [late])
    }

    @Test func listingNamesUnreadableJournalsInsteadOfFailing() throws {
        let folder = Fixtures.temporaryFolder()
        try Data("not json\n".utf8).write(to: folder.appending(path: "2026-11-23-x.journal.jsonl"))
        let meetings = SessionStore(folder: folder).interruptedMeetings()
        #expect(meetings.map(\.baseName) == ["2026-11-23-x"])
        guard case .failure(let error) = try #require(meetings.first).record else {
            Issue.record("garbage must not read as a meeting")
            return
        }
        #expect(error.message.contains("not a Debrief session"))
    }
}

enum Debrief {
    static func permissions(_ url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int
    }
}
