import DebriefKit
@testable import DebriefTUI
import Foundation
import Glibc
import Testing

/// The meeting loop with the live link: a host loop that takes requests from a joined
/// terminal, and a joined terminal's loop whose writer is a host served on another thread.
/// Headless terminals, real sockets, test clocks.
@MainActor
@Suite("Live link: host and joined loops")
struct LiveLoopTests {
    /// A host (recorder and live link) served on a thread of its own, as another process would.
    final class HostThread: @unchecked Sendable {
        let folder = LiveFolder(path: "/tmp/dll-\(UUID().uuidString.prefix(8))")
        let recorder: MeetingRecorder
        let host: LiveHost
        private let lock = NSLock()
        private var stopped = false
        private let done = DispatchSemaphore(value: 0)

        init() throws {
            let (recorder, _) = try ScreenFixtures.newMeeting()
            recorder.record(Event(t: 0, .sectionStarted(section: ScreenFixtures.agenda.sections[0].id)))
            self.recorder = recorder
            host = try LiveHost(recorder: recorder, folder: folder)
            Thread { [self] in
                var wall = 0
                while !lock.withLock({ stopped }) {
                    var descriptors = host.pollDescriptors
                    _ = poll(&descriptors, nfds_t(descriptors.count), 5)
                    wall += 5
                    _ = host.service(now: { 7_000 }, wall: wall)
                }
                done.signal()
            }.start()
        }

        deinit {
            host.close(reason: nil)
            try? FileManager.default.removeItem(atPath: folder.path)
        }

        /// Stops serving; the host and recorder are the test's again.
        func stop() {
            lock.withLock { stopped = true }
            done.wait()
        }

        var events: [Event] { recorder.events }
    }

    private func joiner(_ thread: HostThread, name: String = "sam", wall: TestClock = TestClock(),
                        answers: MonotonicClock = SystemMonotonicClock())
        throws -> (MeetingLoop, HeadlessTerminal, RemoteWriter) {
        let client = try LiveClient.connect(socket: thread.host.socketPath, name: name)
        let meeting = MeetingState.fold(agenda: client.header!.agenda, events: client.history)
        var model = AppModel(meeting: meeting, info: client.header!.meeting)
        if let draft = meeting.terminalDrafts[name] { model.editor = NoteEditor(text: draft.text) }
        let writer = RemoteWriter(client: client, name: name, clock: answers)
        let terminal = HeadlessTerminal()
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(start: 5_000), wall: wall, recorder: writer, model: model)
        loop.start()
        return (loop, terminal, writer)
    }

    private func type(_ text: String, _ loop: MeetingLoop) {
        for character in text { loop.send(.key(.character(character))) }
    }

    /// Services the joiner's link until `condition` holds (the host thread answers meanwhile).
    private func serve(_ loop: MeetingLoop, until condition: () -> Bool) {
        for _ in 0..<400 where !condition() {
            loop.serviceLink()
            usleep(5_000)
        }
    }

    @Test func aNoteTypedOnAJoinedTerminalIsRecordedByTheHostWithItsIDAndShownOnBoth() throws {
        let thread = try HostThread()
        let (loop, _, _) = try joiner(thread)
        type("Approvals took a week", loop)
        loop.send(.key(.enter))
        let note = loop.model.meeting.visibleNotes.last
        #expect(note?.text == "Approvals took a week")
        #expect(note?.id == 1, "the host picked the id")
        #expect(loop.model.editor.text.isEmpty, "the input is free for the next note")
        thread.stop()
        #expect(thread.events.contains { if case .noteAdded(1, _, let content) = $0.change { content.text == "Approvals took a week" } else { false } })
    }

    @Test func twoJoinedTerminalsTypingAtOnceBothLandInTheHostsOrder() throws {
        let thread = try HostThread()
        let (ann, _, _) = try joiner(thread, name: "ann")
        let (bob, _, _) = try joiner(thread, name: "bob")
        for round in 1...3 {
            type("ann \(round)", ann)
            type("bob \(round)", bob)
            ann.send(.key(.enter))
            bob.send(.key(.enter))
        }
        serve(ann) { ann.model.meeting.visibleNotes.count == 6 }
        serve(bob) { bob.model.meeting.visibleNotes.count == 6 }
        thread.stop()
        let host = MeetingState.fold(agenda: ScreenFixtures.agenda, events: thread.events)
        #expect(host.visibleNotes.map(\.text) == ["ann 1", "bob 1", "ann 2", "bob 2", "ann 3", "bob 3"])
        #expect(ann.model.meeting.notes == host.notes)
        #expect(bob.model.meeting.notes == host.notes)
    }

    @Test func pageDownOnAJoinedTerminalAdvancesTheMeetingForEveryone() throws {
        let thread = try HostThread()
        let (loop, _, _) = try joiner(thread)
        loop.send(.key(.pageDown))
        #expect(loop.model.meeting.current == 1)
        thread.stop()
        #expect(MeetingState.fold(agenda: ScreenFixtures.agenda, events: thread.events).current == 1)
    }

    @Test func aJoinedTerminalCanEndTheMeetingForEveryone() throws {
        let thread = try HostThread()
        let (loop, _, _) = try joiner(thread)
        loop.send(.key(.function(10)))
        #expect(loop.send(.key(.character("y"))) == .ended)
        thread.stop()
        #expect(thread.events.last?.change == .meetingEnded, "recorded by the host, which then saves")
    }

    @Test func aJoinedTerminalsDraftIsJournalledUnderItsNameAndComesBackOnRejoin() throws {
        let thread = try HostThread()
        let wall = TestClock()
        do {
            let (loop, _, writer) = try joiner(thread, name: "sam@laptop:pts/3", wall: wall)
            type("half a thou", loop)
            wall.advance(byMilliseconds: MeetingLoop.draftPause)
            loop.tick()
            writer.client.close()  // as kill -9 leaves it: no bye
        }
        let (again, _, _) = try joiner(thread, name: "sam@laptop:pts/3")
        #expect(again.model.editor.text == "half a thou")
        #expect(again.model.meeting.draft == "", "the host's own draft is untouched")
        thread.stop()
    }

    @Test func theHostEndingTheMeetingEndsTheJoinedLoop() throws {
        let thread = try HostThread()
        let (loop, _, writer) = try joiner(thread)
        thread.stop()
        thread.recorder.record(.change(.meetingEnded), at: 9_000)
        thread.host.broadcast(thread.recorder.events.last!)
        thread.host.finish(session: "/s/x.debrief.jsonl", brief: "/s/x.md")
        var outcome: MeetingLoop.Outcome?
        for _ in 0..<200 where outcome == nil {
            outcome = loop.serviceLink()
            usleep(2_000)
        }
        #expect(outcome == .ended)
        #expect(writer.awaitFiles(milliseconds: 2_000)?.session == "/s/x.debrief.jsonl")
    }

    @Test func theHostGoneEndsTheJoinedLoopAndKeepsWhatWasTyped() throws {
        let thread = try HostThread()
        let (loop, terminal, _) = try joiner(thread)
        thread.stop()
        thread.host.close(reason: nil)  // no bye: as if killed
        terminal.type(text: "not sent yet")
        let outcome = loop.run { terminal.idleWaits > 5 }
        guard case .disconnected = outcome else {
            Issue.record("expected the loop to say the host is gone, got \(outcome)")
            return
        }
        #expect(loop.model.editor.text == "not sent yet")
    }

    /// A host that never answers in time: each look at the clock finds the wait's time gone.
    final class ImpatientClock: MonotonicClock, @unchecked Sendable {
        private let lock = NSLock()
        private var current = 0
        func milliseconds() -> Int { lock.withLock { current += 11_000; return current } }
    }

    /// The host suspended (Ctrl-Z): it reads nothing until it comes back, then answers all.
    private func hostComesBack(_ thread: HostThread, _ loop: MeetingLoop, until condition: () -> Bool) {
        for _ in 0..<400 where !condition() {
            _ = thread.host.service(now: { 7_000 }, wall: 1)
            loop.serviceLink()
            usleep(2_000)
        }
    }

    @Test func enterPressedAgainAfterTheHostAnsweredLateAddsTheNoteOnce() throws {
        let thread = try HostThread()
        let (loop, _, _) = try joiner(thread, answers: ImpatientClock())
        thread.stop()  // the host is suspended
        type("Approvals took a week", loop)
        loop.send(.key(.enter))
        #expect(loop.model.message?.contains("did not answer") == true)
        #expect(loop.model.editor.text == "Approvals took a week", "kept in the input")
        loop.send(.key(.enter))  // the typist tries again while the host is still away
        hostComesBack(thread, loop) { loop.model.meeting.visibleNotes.count == 1 && loop.model.editor.text.isEmpty }
        #expect(loop.model.editor.text.isEmpty, "the late answer took the note out of the input")
        #expect(loop.model.message == "Saved after all: the meeting's host answered late.")
        loop.send(.key(.enter))  // nothing left to send
        hostComesBack(thread, loop) { false }
        let host = MeetingState.fold(agenda: ScreenFixtures.agenda, events: thread.events)
        #expect(host.visibleNotes.map(\.text) == ["Approvals took a week"], "recorded once")
        #expect(loop.model.meeting.notes == host.notes)
    }

    @Test func aLateAnswerLeavesTheInputAloneOnceTheTypistChangedIt() throws {
        let thread = try HostThread()
        let (loop, _, _) = try joiner(thread, answers: ImpatientClock())
        thread.stop()
        type("Approvals took a week", loop)
        loop.send(.key(.enter))
        type(" or two", loop)
        hostComesBack(thread, loop) { loop.model.meeting.visibleNotes.count == 1 }
        #expect(loop.model.meeting.visibleNotes.map(\.text) == ["Approvals took a week"])
        #expect(loop.model.editor.text == "Approvals took a week or two", "new text is the typist's, kept")
    }

    @Test func aLateAnswerNeverClosesADialogTheTypistOpenedMeanwhile() {
        let section = ScreenFixtures.agenda.sections[0].id
        var model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: section))], now: 1000)
        model.editor = NoteEditor(text: "! Approvals took a week")
        model.overlay = .confirmEnd
        let content = NoteParser.parse("! Approvals took a week").content
        let late = Event(t: 900, .noteAdded(id: 1, section: section, content: content))
        model.apply(late)
        _ = model.lateNoteRecorded(late)
        #expect(model.editor.text.isEmpty)
        #expect(model.overlay == .confirmEnd, "not replaced by the problem's tag picker")
    }

    /// A host's loop on a test wall clock, over a real socket, and its recorder.
    private func hostLoop() throws -> (MeetingRecorder, LiveHost, MeetingLoop, TestClock, LiveFolder) {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let folder = LiveFolder(path: "/tmp/dlh-\(UUID().uuidString.prefix(8))")
        let host = try LiveHost(recorder: recorder, folder: folder)
        let wall = TestClock()
        let loop = MeetingLoop(terminal: HeadlessTerminal(), clock: TestClock(), wall: wall,
                               recorder: HostWriter(recorder: recorder, host: host), model: model)
        loop.start()
        return (recorder, host, loop, wall, folder)
    }

    private func close(_ host: LiveHost, _ folder: LiveFolder) {
        host.close(reason: nil)
        try? FileManager.default.removeItem(atPath: folder.path)
    }

    /// A joined terminal as raw lines on the socket: its hello sent.
    private func rawJoiner(_ host: LiveHost, name: String) throws -> LineChannel {
        guard case .success(let fd) = UnixSocket.connect(to: host.socketPath) else { throw LiveError("no connect") }
        let channel = LineChannel(descriptor: fd, maximumLine: LiveMessage.hostLineBytes, maximumOutbox: 1 << 20)
        channel.send(LiveMessage.hello(.init(name: name)).line())
        return channel
    }

    @Test func aJoinedTerminalsNoteDoesNotLoseTheHostsUnfinishedNoteOnDisk() throws {
        let (recorder, host, loop, wall, folder) = try hostLoop()
        defer { close(host, folder) }
        for character in "host half" { loop.send(.key(.character(character))) }
        wall.advance(byMilliseconds: MeetingLoop.draftPause)
        loop.tick()
        // A note from a joined terminal: folding it clears the journalled draft (as it always has).
        let sam = try rawJoiner(host, name: "sam")
        sam.send(LiveMessage.request(id: 1, .addNote(section: ScreenFixtures.agenda.sections[0].id, content: NoteContent(text: "from sam"))).line())
        for _ in 0..<400 where loop.model.meeting.visibleNotes.isEmpty {
            loop.serviceLink()
            usleep(2_000)
        }
        #expect(loop.model.meeting.visibleNotes.map(\.text) == ["from sam"])
        wall.advance(byMilliseconds: MeetingLoop.draftPause)
        loop.tick()
        let resumed = MeetingState.fold(agenda: ScreenFixtures.agenda, events: recorder.events)
        #expect(resumed.draft == "host half", "after a crash now, resume would bring the host's input back")
    }

    @Test func aJoinedTerminalsDraftIsFsyncedWhenTheHostsTypingPausesNotWhileItTypes() throws {
        let (recorder, host, loop, wall, folder) = try hostLoop()
        defer { close(host, folder) }
        let sam = try rawJoiner(host, name: "sam")
        sam.send(LiveMessage.request(id: 1, .change(.draftChanged(text: "sam half", section: nil, terminal: "sam"))).line())
        loop.send(.key(.character("h")))  // the host is typing
        for _ in 0..<400 where loop.model.meeting.terminalDrafts.isEmpty {
            loop.serviceLink()
            usleep(2_000)
        }
        #expect(loop.model.meeting.terminalDrafts.values.map(\.text) == ["sam half"])
        #expect(recorder.hasUnsyncedEvents, "written, its fsync waits for the host's pause")
        wall.advance(byMilliseconds: MeetingLoop.draftPause)
        loop.tick()
        #expect(!recorder.hasUnsyncedEvents, "the host paused: on the disk")
    }

    @Test func ctrlCOnAJoinedTerminalOffersToLeaveNotToResume() {
        var model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: ScreenFixtures.agenda.sections[0].id))], now: 1000)
        model.overlay = .interruptChoice
        #expect(ScreenFixtures.render(model, width: 80, height: 24).contains("debrief resume"), "the host resumes later")
        model.joinedAs = "sam@laptop:pts/2"
        let screen = ScreenFixtures.render(model, width: 80, height: 24)
        #expect(screen.contains("l: leave; the meeting goes on"))
        #expect(!screen.contains("debrief resume"))
        #expect(screen.contains("saved by the meeting's host"))
    }

    @Test func theHostLoopTakesAJoinedTerminalsRequestAndSendsItsOwnEvents() throws {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let folder = LiveFolder(path: "/tmp/dlh-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let host = try LiveHost(recorder: recorder, folder: folder)
        let loop = MeetingLoop(terminal: HeadlessTerminal(), clock: TestClock(), wall: TestClock(),
                               recorder: HostWriter(recorder: recorder, host: host), model: model)
        loop.start()
        // A joiner, by hand: hello, then a request; the loop serves it between keys.
        guard case .success(let fd) = UnixSocket.connect(to: host.socketPath) else { throw LiveError("no connect") }
        let channel = LineChannel(descriptor: fd, maximumLine: LiveMessage.hostLineBytes, maximumOutbox: 1 << 20)
        channel.send(LiveMessage.hello(.init(name: "sam")).line())
        var received: [LiveMessage] = []
        func pump(until condition: () -> Bool) {
            for _ in 0..<400 where !condition() {
                loop.serviceLink()
                received += channel.readLines().compactMap { try? LiveMessage.decode($0) }
                usleep(2_000)
            }
        }
        pump { received.contains(.ready) }
        #expect(loop.model.message == "sam joined the meeting")
        channel.send(LiveMessage.request(id: 1, .addNote(section: ScreenFixtures.agenda.sections[0].id, content: NoteContent(text: "from sam"))).line())
        pump { loop.model.meeting.visibleNotes.count == 1 }
        #expect(loop.model.meeting.visibleNotes.first?.text == "from sam")
        // The host types a note: the joiner gets it.
        for character in "from the host" { loop.send(.key(.character(character))) }
        loop.send(.key(.enter))
        pump { received.contains { if case .event(let e, _, _) = $0, case .noteAdded(2, _, _) = e.change { true } else { false } } }
        #expect(recorder.events.compactMap { if case .noteAdded(let id, _, let c) = $0.change { "\(id) \(c.text)" } else { nil } }
            == ["1 from sam", "2 from the host"])
        host.close(reason: nil)
    }
}

/// Ending the meeting from any terminal saves the other terminals' unfinished notes.
@Suite("Unfinished notes of other terminals at the end")
@MainActor
struct OtherTerminalsNotesTests {
    private func meeting(withDrafts drafts: [(String?, String)]) -> MeetingState {
        let agenda = ScreenFixtures.agenda
        var events = [Event(t: 0, .sectionStarted(section: agenda.sections[0].id))]
        for (terminal, text) in drafts {
            events.append(Event(t: 10, .draftChanged(text: text, section: agenda.sections[0].id, terminal: terminal)))
        }
        return MeetingState.fold(agenda: agenda, events: events)
    }

    private func notesSavedByEnding(_ model: inout AppModel) -> [String] {
        _ = model.handle(.key(.function(10)))
        return model.handle(.key(.character("y"))).compactMap {
            if case .saveUnfinishedNote(_, _, let content) = $0 { return content.text } else { return nil }
        }
    }

    @Test func theHostEndingSavesEveryJoinedTerminalsDraftButNotItsOwnTwice() {
        var model = AppModel(meeting: meeting(withDrafts: [(nil, "host's own"), ("sam", "sam's half note"), ("kim", "kim's")]), info: ScreenFixtures.info)
        model.editor = NoteEditor(text: "host's own")
        #expect(notesSavedByEnding(&model) == ["kim's", "sam's half note"])
    }

    @Test func aJoinedTerminalEndingSavesTheHostsDraftAndTheOthersButNotItsOwn() {
        var model = AppModel(meeting: meeting(withDrafts: [(nil, "host typing"), ("sam", "sam's"), ("kim", "kim's")]), info: ScreenFixtures.info)
        model.joinedAs = "sam"
        model.editor = NoteEditor(text: "sam's")
        #expect(notesSavedByEnding(&model) == ["host typing", "kim's"])
    }

    @Test("The end dialog with other terminals' unfinished notes, whole screen",
          .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly),
          arguments: [TerminalSize(width: 80, height: 24), TerminalSize(width: 200, height: 60)])
    func endDialogGolden(_ size: TerminalSize) throws {
        let first = ScreenFixtures.agenda.sections[0].id
        var model = AppModel(meeting: meeting(withDrafts: [("sam", "Reach fell short in week two"), ("kim", "! CPM doubled")]),
                             info: ScreenFixtures.info)
        model.apply(Event(t: 20_000, .noteAdded(id: 1, section: first, content: NoteParser.parse("Reach 1.2M against a 1M target").content)))
        model.now = 65_000
        model.editor = NoteEditor(text: "The host's own half note")
        _ = model.handle(.key(.function(10)))
        try ScreenGolden.expect(MeetingScreen.render(model, size: size), name: "meeting-end-dialog-joined-\(size.width)x\(size.height)",
                                title: "End dialog, two joined terminals mid-note")
    }

    @Test func textTypedAfterTheLastJournalledDraftIsLeftOutAndSaidSo() {
        var model = AppModel(meeting: meeting(withDrafts: [("sam", "a draft")]), info: ScreenFixtures.info)
        model.joinedAs = "sam"
        model.editor = NoteEditor(text: "a draft and more")
        model.apply(Event(t: 20, .noteAdded(id: 1, section: ScreenFixtures.agenda.sections[0].id, content: NoteParser.parse("a draft").content)))
        #expect(model.inputLeftOut == "a draft and more")
        model.editor = NoteEditor(text: "a draft")
        #expect(model.inputLeftOut == nil)
    }
}
