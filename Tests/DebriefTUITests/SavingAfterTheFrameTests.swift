import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// What a key records is written at once (safe from the process dying) and taken to the disk
/// right after the key's frame: Enter's note is on screen without waiting for the fsync, the
/// header says "○ saving" until it is done and "● saved" only after. A host hands such an
/// event to the joined terminals once it is on disk.
@MainActor
@Suite("A key's events: on screen first, on disk right after, and only then \"saved\"")
struct SavingAfterTheFrameTests {
    /// One frame as the terminal got it, and the journal as it stood then.
    private struct Seen {
        var header: String
        var notesInJournal: [String]
        var synced: Bool
    }

    /// Runs a new meeting on `keys` (typed apart, each with its frame) and returns what each
    /// frame showed and what the journal held as it was presented.
    private func framesWhileTyping(_ keys: [Input]) throws -> (seen: [Seen], recorder: MeetingRecorder) {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let terminal = HeadlessTerminal(width: 100, height: 30)
        terminal.keysArriveApart = true
        for key in keys { terminal.type(key) }
        var seen: [Seen] = []
        terminal.whenPresented = { canvas in
            let journal = (try? SessionReader.read(recorder.journalURL).state.visibleNotes.map(\.text)) ?? []
            seen.append(Seen(header: canvas.text.split(separator: "\n").first.map(String.init) ?? "",
                             notesInJournal: journal, synced: !recorder.hasUnsyncedEvents))
        }
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), wall: TestClock(), recorder: recorder, model: model)
        _ = loop.run(stopRequested: { terminal.idleWaits > 0 })
        return (seen, recorder)
    }

    private static func typing(_ text: String) -> [Input] { text.map { .key(.character($0)) } }

    @Test func enterShowsTheNoteBeforeItsFsyncAndSaysSavedOnlyAfterIt() throws {
        let (seen, recorder) = try framesWhileTyping(Self.typing("Approvals took a week") + [.key(.enter)])
        defer { recorder.leave() }
        let first = try #require(seen.firstIndex { $0.notesInJournal == ["Approvals took a week"] },
                                 "a frame was presented once the note was written")
        #expect(seen[first].header.contains("○ saving"), "\(seen[first].header)")
        #expect(!seen[first].header.contains("● saved"))
        #expect(!seen[first].synced, "the note's frame went out before its fsync")
        let next = try #require(seen.indices.contains(first + 1) ? seen[first + 1] : nil, "a frame follows the fsync")
        #expect(next.header.contains("● saved"), "\(next.header)")
        #expect(next.synced)
        #expect(!seen.contains { $0.header.contains("○ saving") && $0.notesInJournal.isEmpty }, "saving only for a written event")
        #expect(!recorder.hasUnsyncedEvents)
    }

    @Test func keysThatRecordNothingNeverSaySaving() throws {
        let (seen, recorder) = try framesWhileTyping(Self.typing("half a note") + [.key(.left), .key(.backspace)])
        defer { recorder.leave() }
        #expect(seen.count > 10)
        #expect(seen.allSatisfy { $0.header.contains("● saved") })
    }

    @Test func theLoopEndingRightAfterAKeyLeavesWhatTheKeyRecordedOnDisk() throws {
        // Keys that come together are handled in one go: the note, then the end of the
        // meeting, with no frame between them; the loop returns with both on disk.
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let terminal = HeadlessTerminal(width: 100, height: 30)
        terminal.type(text: "Last words")
        terminal.type(.key(.enter), .key(.function(10)), .key(.enter))
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), wall: TestClock(), recorder: recorder, model: model)
        #expect(loop.run(stopRequested: { terminal.idleWaits > 0 }) == .ended)
        #expect(!recorder.hasUnsyncedEvents)
        #expect(try SessionReader.read(recorder.journalURL).state.visibleNotes.map(\.text) == ["Last words"])
        recorder.leave()
    }

    @Test func aPickerWaitingForAPauseCountsItFromTheFsync() {
        var model = ScreenFixtures.model(events: [], now: 0)
        model.waitingPicker = WaitingPicker(overlay: .tagging(noteID: 1, rootCause: nil), opensAt: AppModel.pickerPause)
        model.savingToDisk = true
        model.wallTime = 250  // a slow disk: the fsync ended 250 ms after Enter
        model.keysEventsAreOnDisk()
        #expect(!model.savingToDisk)
        #expect(model.millisecondsUntilPickerOpens == AppModel.pickerPause)
    }

    /// A host's writer over a real socket, with "sam" joined by hand: what sam has received
    /// since it joined comes from `events()` after `pump`.
    @MainActor
    private final class JoinedHost {
        let sessions = FileManager.default.temporaryDirectory.appending(path: "dls-\(UUID().uuidString)")
        let section = ScreenFixtures.agenda.sections[0].id
        let recorder: MeetingRecorder
        let folder = LiveFolder(path: "/tmp/dls-\(UUID().uuidString.prefix(8))")
        let host: LiveHost
        let writer: HostWriter
        let sam: LineChannel
        var received: [LiveMessage] = []

        init() throws {
            recorder = try ScreenFixtures.newMeeting(in: sessions).recorder
            recorder.record(Event(t: 0, .sectionStarted(section: section)))
            host = try LiveHost(recorder: recorder, folder: folder)
            writer = HostWriter(recorder: recorder, host: host)
            guard case .success(let fd) = UnixSocket.connect(to: host.socketPath) else { throw LiveError("no connect") }
            sam = LineChannel(descriptor: fd, maximumLine: LiveMessage.hostLineBytes, maximumOutbox: 1 << 20)
            sam.send(LiveMessage.hello(.init(name: "sam")).line())
            pump { received.contains(.ready) }
            #expect(received.contains(.ready))
            received.removeAll()  // the meeting so far, sent as sam joined
        }

        func pump(rounds: Int = 400, until condition: () -> Bool = { false }) {
            for _ in 0..<rounds where !condition() {
                _ = host.service(now: { 1000 }, wall: 0)
                received += sam.readLines().compactMap { try? LiveMessage.decode($0) }
                usleep(1_000)
            }
        }

        func events() -> [Change] {
            received.compactMap { if case .event(let event, _, _) = $0 { event.change } else { nil } }
        }

        func close() {
            host.close(reason: nil)
            try? FileManager.default.removeItem(atPath: folder.path)
            recorder.leave()
            try? FileManager.default.removeItem(at: sessions)
        }
    }

    @Test func aHostHandsAKeysNoteToJoinedTerminalsOnlyOnceItIsOnDisk() throws {
        let joined = try JoinedHost()
        defer { joined.close() }
        let (writer, section) = (joined.writer, joined.section)
        func pump(rounds: Int = 400, until condition: () -> Bool = { false }) { joined.pump(rounds: rounds, until: condition) }
        func events() -> [Change] { joined.events() }

        let note = writer.write(.addNote(section: section, content: NoteContent(text: "from the host")), at: 1000,
                                syncing: false) { _ in }
        // A draft written meanwhile waits behind the note, so sam sees them in order.
        _ = writer.write(.change(.draftChanged(text: "next", section: section, terminal: nil)), at: 1001, syncing: false) { _ in }
        pump(rounds: 30)
        #expect(writer.hasUnsyncedEvents)
        #expect(events().isEmpty, "nothing handed on before the fsync: \(events())")
        writer.sync()
        pump { events().count == 2 }
        #expect(events() == [note?.change, .draftChanged(text: "next", section: section, terminal: nil)])

        // With nothing waiting, a draft written while typing goes on is handed on at once.
        _ = writer.write(.change(.draftChanged(text: "next one", section: section, terminal: nil)), at: 1002, syncing: false) { _ in }
        pump { events().count == 3 }
        #expect(events().last == .draftChanged(text: "next one", section: section, terminal: nil))
    }

    @Test func aHostHandsOnAtOnceANoteItCouldNotWrite() throws {
        // The sessions folder replaced by a file: the write fails, the note is kept in
        // memory (and written again by the retries), and no fsync is coming to release it.
        let joined = try JoinedHost()
        defer { joined.close() }
        try FileManager.default.removeItem(at: joined.sessions)
        try Data().write(to: joined.sessions)
        let note = joined.writer.write(.addNote(section: joined.section, content: NoteContent(text: "kept in memory")),
                                       at: 1000, syncing: false) { _ in }
        #expect(joined.writer.failure != nil)
        #expect(!joined.writer.hasUnsyncedEvents)
        joined.pump { !joined.events().isEmpty }
        #expect(joined.events() == [note?.change])
    }
}
