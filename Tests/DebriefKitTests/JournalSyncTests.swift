@testable import DebriefKit
import Foundation
import Testing

/// The draft written while typing goes on skips its fsync (it would delay the next key):
/// such a line is in the file at once, safe from the process dying, and the next fsync,
/// whichever line or call makes it, takes it to the disk.
@Suite("Journal lines written without their fsync")
struct JournalSyncTests {
    private func makeJournal() throws -> (Journal, URL, String) {
        let url = Fixtures.temporaryFolder().appendingPathComponent("m.journal.jsonl")
        let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(title: "Spring", startedAt: "2026-11-23T14:00:00Z"))
        return (try Journal(creating: url, header: header), url, Fixtures.influencer.sections[0].id)
    }

    @Test func aLineWrittenWithoutItsFsyncIsReadAtOnceAndWaitsForTheNextFsync() throws {
        let (journal, url, section) = try makeJournal()
        try journal.append(Event(t: 0, .sectionStarted(section: section)))
        #expect(!journal.hasUnsyncedLines)
        try journal.append(Event(t: 10, .draftChanged(text: "Reach 1.2", section: section, terminal: nil)), syncing: false)
        #expect(try SessionReader.read(url).state.draft == "Reach 1.2")
        #expect(journal.hasUnsyncedLines)
        try journal.sync()
        #expect(!journal.hasUnsyncedLines)
    }

    @Test func theNextSyncedLineTakesTheUnsyncedOnesWithIt() throws {
        let (journal, url, section) = try makeJournal()
        try journal.append(Event(t: 10, .draftChanged(text: "Reach 1.2", section: section, terminal: nil)), syncing: false)
        try journal.append(Event(t: 20, .noteAdded(id: 1, section: section, content: NoteContent(text: "Reach 1.2M"))))
        #expect(!journal.hasUnsyncedLines)
        #expect(try SessionReader.read(url).events.count == 2)
    }

    @Test func releasingTheJournalFsyncsWhatWaits() throws {
        let (journal, url, section) = try makeJournal()
        try journal.append(Event(t: 10, .draftChanged(text: "Half a thoug", section: section, terminal: nil)), syncing: false)
        journal.release()
        #expect(!journal.hasUnsyncedLines)
        #expect(try SessionReader.read(url).state.draft == "Half a thoug")
    }

    @Test func theRecorderSaysWhetherAnEventWaitsForItsFsync() throws {
        let folder = Fixtures.temporaryFolder()
        let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(title: "Spring", startedAt: "2026-11-23T14:00:00Z"))
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: folder), date: Date())
        recorder.record(.change(.draftChanged(text: "Half", section: nil, terminal: nil)), at: 5, syncing: false)
        #expect(recorder.hasUnsyncedEvents)
        recorder.sync()
        #expect(!recorder.hasUnsyncedEvents)
        #expect(recorder.failure == nil)
    }

    // MARK: An fsync on a helper thread (a meeting's start)

    @Test func anFsyncStartedInTheBackgroundCountsAsWaitingUntilTheNextSync() throws {
        let (journal, url, section) = try makeJournal()
        try journal.append(Event(t: 0, .sectionStarted(section: section)), syncing: false)
        try journal.startSync()
        #expect(journal.hasUnsyncedLines)
        try journal.sync()
        #expect(!journal.hasUnsyncedLines)
        #expect(try SessionReader.read(url).events == [Event(t: 0, .sectionStarted(section: section))])
    }

    @Test func aLineAppendedWhileTheBackgroundFsyncRunsFollowsItAndIsSyncedItself() throws {
        let (journal, url, section) = try makeJournal()
        try journal.append(Event(t: 0, .sectionStarted(section: section)), syncing: false)
        try journal.startSync()
        try journal.append(Event(t: 5, .draftChanged(text: "Reach", section: section, terminal: nil)), syncing: false)
        #expect(journal.hasUnsyncedLines)
        try journal.append(Event(t: 9, .noteAdded(id: 1, section: section, content: NoteContent(text: "Reach 1.2M"))))
        #expect(!journal.hasUnsyncedLines)
        #expect(try SessionReader.read(url).events.count == 3)
    }

    @Test func withNothingWrittenSinceTheLastFsyncNoBackgroundFsyncStarts() throws {
        let (journal, _, section) = try makeJournal()
        try journal.append(Event(t: 0, .sectionStarted(section: section)))
        try journal.startSync()
        #expect(!journal.hasUnsyncedLines)
    }

    @Test func releasingTheJournalWaitsForItsBackgroundFsync() throws {
        let (journal, url, section) = try makeJournal()
        try journal.append(Event(t: 0, .sectionStarted(section: section)), syncing: false)
        try journal.startSync()
        journal.release()
        #expect(!journal.hasUnsyncedLines)
        #expect(try SessionReader.read(url).events.count == 1)
    }

    @Test func theRecorderStartsItsFirstFsyncInTheBackgroundAndItsNextSyncWaitsForIt() throws {
        let folder = Fixtures.temporaryFolder()
        let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(title: "Spring", startedAt: "2026-11-23T14:00:00Z"))
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: folder), date: Date())
        recorder.record(Event(t: 0, .sectionStarted(section: Fixtures.influencer.sections[0].id)), syncing: false)
        recorder.startSync()
        #expect(recorder.hasUnsyncedEvents)
        recorder.sync()
        #expect(!recorder.hasUnsyncedEvents)
        #expect(recorder.failure == nil)
        #expect(try SessionReader.read(recorder.journalURL).events.count == 1)
    }

    @Test func aBackgroundFsyncReportsWhatTheHelperThreadsFsyncSaid() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("plain")
        try Data("x".utf8).write(to: url)
        let file = open(url.path, O_RDWR | O_CLOEXEC)
        defer { close(file) }
        #expect(BackgroundSync.start(descriptor: file)?.wait() == 0)
        // A pipe cannot be fsynced: the helper's errno comes back to the caller.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        #expect(BackgroundSync.start(descriptor: ends[1])?.wait() == EINVAL)
        #expect(BackgroundSync.start(descriptor: -1)?.wait() == EBADF)
    }
}
