import DebriefKit
import Foundation
import Glibc
import TestSupport
import Testing

/// The host's end of the live link over real sockets, with fake terminals that send what
/// they like: requests become events in one order, every terminal folds the same meeting,
/// and a hostile, vanished or slow peer is dropped with a reason while the meeting goes on.
@Suite("Live link: the host and several terminals over real sockets")
struct LiveHostTests {
    /// A host on a fresh meeting, in private folders.
    final class Fixture {
        let folder = LiveFolder(path: "/tmp/dlt-\(UUID().uuidString.prefix(8))")
        let recorder: MeetingRecorder
        let host: LiveHost
        var now = 1000
        var wall = 0

        init() throws {
            let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "Live", startedAt: "2026-11-23T14:00:00Z"))
            recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: Fixtures.temporaryFolder()), date: Date())
            recorder.record(Event(t: 0, .sectionStarted(section: "a")))
            host = try LiveHost(recorder: recorder, folder: folder)
        }

        deinit {
            host.close(reason: nil)
            try? FileManager.default.removeItem(atPath: folder.path)
        }

        @discardableResult
        func service() -> [Event] {
            wall += 1
            return host.service(now: { self.now }, wall: wall)
        }
    }

    /// A terminal that writes raw bytes and reads raw messages: what a hostile peer could do.
    final class Peer {
        let fd: Int32
        private var inbox: [UInt8] = []
        private(set) var messages: [LiveMessage] = []
        private(set) var closed = false

        init(_ fixture: Fixture) throws {
            guard case .success(let fd) = UnixSocket.connect(to: fixture.host.socketPath) else { throw LiveError("no connect") }
            self.fd = fd
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }

        deinit { Glibc.close(fd) }

        func send(_ text: String) { send(Data(text.utf8)) }
        func send(_ data: Data) {
            _ = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        func hello(_ name: String) { send(LiveMessage.hello(.init(name: name)).line()) }

        /// Services the host and reads, until `condition` holds (or `rounds` rounds: a failure).
        func read(_ fixture: Fixture, rounds: Int = 2000, until condition: (Peer) -> Bool) {
            for _ in 0..<rounds where !condition(self) {
                fixture.service()
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&pfd, 1, 5)
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = recv(fd, &buffer, buffer.count, 0)
                    if count > 0 { inbox.append(contentsOf: buffer[0..<count]); continue }
                    if count == 0 { closed = true }
                    break
                }
                while let newline = inbox.firstIndex(of: UInt8(ascii: "\n")) {
                    if let message = try? LiveMessage.decode(Data(inbox[..<newline])) { messages.append(message) }
                    inbox.removeFirst(newline + 1)
                }
            }
        }

        var events: [Event] { messages.compactMap { if case .event(let event, _, _) = $0 { event } else { nil } } }
        var isReady: Bool { messages.contains(.ready) }
        var byeReason: String? { messages.lazy.compactMap { if case .bye(let reason) = $0 { reason } else { nil } }.first }
        var welcome: LiveMessage.Welcome? { messages.lazy.compactMap { if case .welcome(let w) = $0 { w } else { nil } }.first }
    }

    private func joined(_ fixture: Fixture, _ name: String) throws -> Peer {
        let peer = try Peer(fixture)
        peer.hello(name)
        peer.read(fixture) { $0.isReady }
        #expect(peer.isReady, "\(name) joined")
        return peer
    }

    private func request(_ id: Int, _ request: Request) -> Data { LiveMessage.request(id: id, request).line() }

    @Test func aJoinerGetsTheMeetingSoFarThenEveryEventAndItsNotesGetTheHostsIDs() throws {
        let fixture = try Fixture()
        fixture.recorder.record(.addNote(section: "a", content: NoteContent(text: "before anyone joined")), at: 500)
        let sam = try joined(fixture, "sam")
        #expect(sam.welcome?.session == fixture.recorder.baseName)
        #expect(sam.messages.contains(.header(fixture.recorder.header)))
        #expect(sam.events == fixture.recorder.events, "the history, whole and in order")

        sam.send(request(1, .addNote(section: "a", content: NoteContent(text: "from sam"))))
        let recorded = fixture.service()
        sam.read(fixture) { $0.events.count == 3 }
        #expect(recorded.map(\.change) == [.noteAdded(id: 2, section: "a", content: NoteContent(text: "from sam"))])
        #expect(recorded.first?.t == fixture.now, "the host stamps the time")
        #expect(sam.messages.last == .event(recorded[0], by: sam.welcome?.terminal, request: 1))
        #expect(fixture.recorder.events.last == recorded.first, "journalled by the host")
    }

    @Test func requestsOfSeveralTerminalsLandInOneOrderThatEveryTerminalFolds() throws {
        let fixture = try Fixture()
        let peers = try ["ann", "bob", "cy"].map { try joined(fixture, $0) }
        // Every terminal sends at once; the host interleaves them as they come.
        for round in 1...5 {
            for (index, peer) in peers.enumerated() {
                peer.send(request(round, .addNote(section: "a", content: NoteContent(text: "\(index)-\(round)"))))
                if round == 3 { peer.send(request(100 + index, .change(index == 0 ? .clockPaused : .clockResumed))) }
            }
            fixture.recorder.record(.addNote(section: "a", content: NoteContent(text: "host-\(round)")), at: fixture.now)
            fixture.host.broadcast(fixture.recorder.events.last!)
        }
        let expected = 1 + 15 + 5 + 3
        for peer in peers { peer.read(fixture) { $0.events.count == expected } }
        #expect(fixture.recorder.events.count == expected)
        let ids = fixture.recorder.events.compactMap { if case .noteAdded(let id, _, _) = $0.change { id } else { nil } }
        #expect(ids == Array(1...20), "one writer: no id twice, none skipped")
        let hostState = MeetingState.fold(agenda: Fixtures.small, events: fixture.recorder.events)
        for peer in peers {
            #expect(peer.events == fixture.recorder.events, "the same events in the same order")
            #expect(MeetingState.fold(agenda: Fixtures.small, events: peer.events).notes == hostState.notes)
        }
    }

    @Test(arguments: 1...8)
    func anyInterleavingOfRequestsFromSeveralTerminalsFoldsToTheHostsState(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let fixture = try Fixture()
        let peers = try (0..<(2 + rng.next(upTo: 3))).map { try joined(fixture, "t\($0)") }
        var sent = 0
        for step in 0..<40 {
            let peer = peers[rng.next(upTo: peers.count)]
            let section = ["a", "b", "c"][rng.next(upTo: 3)]
            let asked: Request = switch rng.next(upTo: 6) {
            case 0: .change(.sectionStarted(section: section))
            case 1: .change(rng.next(upTo: 2) == 0 ? .clockPaused : .clockResumed)
            case 2: .change(.draftChanged(text: "draft \(step)", section: section))
            case 3: .change(.noteTagged(id: 1 + rng.next(upTo: 5), rootCause: "tools", severity: "minor"))
            default: .addNote(section: section, content: NoteContent(kind: rng.next(upTo: 2) == 0 ? .problem : .note, text: "n\(step)"))
            }
            peer.send(request(step, asked))
            sent += 1
            // Sometimes the host serves between requests, sometimes several pile up.
            if rng.next(upTo: 3) == 0 { fixture.service() }
        }
        for peer in peers { peer.read(fixture) { $0.events.count == 1 + sent } }
        let host = MeetingState.fold(agenda: Fixtures.small, events: fixture.recorder.events)
        for peer in peers {
            #expect(peer.events == fixture.recorder.events)
            let folded = MeetingState.fold(agenda: Fixtures.small, events: peer.events)
            #expect(folded.notes == host.notes && folded.current == host.current && folded.isPaused == host.isPaused)
            #expect(folded.terminalDrafts == host.terminalDrafts)
        }
        #expect(host.notes.map(\.id) == Array(0..<host.notes.count).map { $0 + 1 }, "ids in order, none twice")
    }

    @Test func aTerminalsDraftIsFiledUnderItsOwnNameWhateverItClaims() throws {
        let fixture = try Fixture()
        let sam = try joined(fixture, "sam")
        sam.send(request(1, .change(.draftChanged(text: "half a th", section: "a", terminal: "the host"))))
        sam.read(fixture) { $0.events.count == 2 }
        let state = MeetingState.fold(agenda: Fixtures.small, events: fixture.recorder.events)
        #expect(state.terminalDrafts["sam"] == TerminalDraft(text: "half a th", section: "a"))
        #expect(state.draft == "", "the host's own draft is untouched")
    }

    @Test(arguments: [
        ("garbage\n", "not a message"),
        ("{\"type\":\"request\",\"id\":1,\"request\":\"change\",\"event\":{\"type\":\"clock_paused\",\"t\":0}}\n", "out of turn"),
        ("{\"type\":\"hello\",\"version\":2,\"name\":\"x\"}\n", "version 2"),
        ("{\"type\":\"hello\",\"version\":1,\"name\":\"\"}\n", "needs a name"),
    ])
    func aPeerThatSendsNonsenseIsToldWhyAndDroppedWhileTheMeetingGoesOn(_ line: String, _ reason: String) throws {
        let fixture = try Fixture()
        let sam = try joined(fixture, "sam")
        let bad = try Peer(fixture)
        bad.send(line)
        bad.read(fixture) { $0.closed }
        #expect(bad.closed)
        #expect(bad.byeReason?.contains(reason) == true, "\(bad.byeReason ?? "no reason")")
        #expect(fixture.host.takeNotices().contains { $0.contains("disconnected") })
        sam.send(request(1, .change(.clockPaused)))
        sam.read(fixture) { $0.events.count == 2 }
        #expect(sam.events.last?.change == .clockPaused, "the others go on")
    }

    @Test func aLineOverTheLimitClosesThatPeerWithoutReadingItAll() throws {
        let fixture = try Fixture()
        let bad = try joined(fixture, "flood")
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 64 * 1024)
        // More than a megabyte and no newline: the host stops at the limit.
        for _ in 0..<20 {
            bad.send(chunk)
            fixture.service()
        }
        bad.read(fixture) { $0.closed }
        #expect(bad.byeReason?.contains("longer than") == true, "\(bad.byeReason ?? "no reason")")
        #expect(fixture.recorder.events.count == 1)
    }

    @Test func aPeerThatVanishesMidLineLeavesNothingHalfDone() throws {
        let fixture = try Fixture()
        let sam = try joined(fixture, "sam")
        do {
            let gone = try joined(fixture, "gone")
            let line = request(1, .addNote(section: "a", content: NoteContent(text: "never finished")))
            gone.send(line.prefix(line.count / 2))
        }  // closed here, half a line sent
        fixture.service()
        fixture.service()
        #expect(fixture.host.joinedNames == ["sam"])
        #expect(fixture.recorder.events.count == 1, "half a request is no request")
        #expect(fixture.host.takeNotices().contains("gone left the meeting"))
        _ = sam
    }

    @Test func aTerminalThatNeverReadsIsDroppedInsteadOfStallingTheHost() throws {
        let fixture = try Fixture()
        let slow = try joined(fixture, "slow")
        let big = String(repeating: "y", count: 40_000)
        var dropped = false
        for index in 0..<400 where !dropped {
            fixture.recorder.record(.addNote(section: "a", content: NoteContent(text: "\(index) \(big)")), at: fixture.now)
            fixture.host.broadcast(fixture.recorder.events.last!)  // never waits
            dropped = fixture.host.joinedNames.isEmpty
        }
        #expect(dropped, "dropped once its outbox passed the bound")
        #expect(fixture.host.takeNotices().contains { $0.contains("fell too far behind") })
        _ = slow
    }

    /// `name` joined, and a second terminal whose hello under that name the host holds.
    private func heldBehind(_ fixture: Fixture, _ name: String) throws -> (first: Peer, second: Peer) {
        let first = try joined(fixture, name)
        let second = try Peer(fixture)
        second.hello(name)
        second.read(fixture, rounds: 20) { $0.closed }
        #expect(!second.closed && second.messages.isEmpty, "held while the name may yet be released")
        return (first, second)
    }

    @Test func aSecondTerminalUnderATakenNameIsRefusedOnceTheNamesReleaseIsOver() throws {
        let fixture = try Fixture()
        let (first, second) = try heldBehind(fixture, "sam")
        #expect(fixture.host.holdsHellos)
        fixture.wall += LiveHost.nameRelease
        second.read(fixture) { $0.closed }
        #expect(second.byeReason?.contains("already in this meeting") == true)
        #expect(fixture.host.joinedNames == ["sam"])
        #expect(!fixture.host.holdsHellos)
        _ = first
    }

    @Test func aTerminalKilledAndJoinedAgainAtOnceGetsItsNameOnceTheOldConnectionEnds() throws {
        let fixture = try Fixture()
        var first: Peer? = try joined(fixture, "sam")
        // Another process holds the old socket a moment (a fork before its exec), so the
        // host sees the new hello before the old connection's end.
        let heldElsewhere = dup(first!.fd)
        first = nil
        let again = try Peer(fixture)
        again.hello("sam")
        again.read(fixture, rounds: 20) { $0.closed }
        #expect(!again.closed && again.messages.isEmpty, "held, not refused")
        Glibc.close(heldElsewhere)
        again.read(fixture) { $0.isReady || $0.closed }
        #expect(again.isReady && again.byeReason == nil, "joined under its own name")
        #expect(fixture.host.joinedNames == ["sam"])
    }

    @Test func aSecondHelloWhileTheFirstIsHeldIsOutOfTurn() throws {
        let fixture = try Fixture()
        let (first, second) = try heldBehind(fixture, "sam")
        second.hello("sam")  // must not start the wait again
        second.read(fixture) { $0.closed }
        #expect(second.byeReason?.contains("out of turn") == true)
        _ = first
    }

    @Test func aFloodOfRequestsIsCutOff() throws {
        let fixture = try Fixture()
        let flood = try joined(fixture, "flood")
        var lines = Data()
        for id in 1...(LiveHost.requestsPerSecond + 5) { lines.append(request(id, .change(.clockPaused))) }
        flood.send(lines)
        flood.read(fixture) { $0.closed }
        #expect(flood.byeReason?.contains("requests in a second") == true)
    }

    @Test func aSocketLeftByAHostThatDiedIsRemovedAndTheNameIsFree() throws {
        let folder = LiveFolder(path: "/tmp/dlt-\(UUID().uuidString.prefix(8))")
        try folder.prepare()
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let path = folder.socketPath(session: "2026-11-23-acme", sessions: "/s")
        let fd = try UnixSocket.listen(at: path)
        #expect(folder.liveSockets() == [path])
        Glibc.close(fd)  // as kill -9 leaves it: the file stays, nobody listens
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(folder.liveSockets().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path), "the stale socket is gone")
        var info = stat()
        #expect(lstat(folder.path, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test(arguments: [0o755, 0o600, 0o777] as [mode_t])
    func theLiveFolderIsMadePrivateAndUsableWhateverItsModeWas(_ mode: mode_t) throws {
        let folder = LiveFolder(path: "/tmp/dlt-\(UUID().uuidString.prefix(8))")
        #expect(mkdir(folder.path, 0o700) == 0 && chmod(folder.path, mode) == 0)
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        try folder.prepare()
        var info = stat()
        #expect(lstat(folder.path, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test func aSocketPathAlwaysFitsAnAddress() {
        let folder = LiveFolder(path: "/tmp/" + String(repeating: "f", count: 50))
        let path = folder.socketPath(session: String(repeating: "long-name-", count: 20), sessions: "/s")
        #expect(path.utf8.count <= UnixSocket.maximumPath)
        #expect(path.hasSuffix(".sock"))
        #expect(folder.socketPath(session: "a", sessions: "/one") != folder.socketPath(session: "a", sessions: "/two"))
    }
}
