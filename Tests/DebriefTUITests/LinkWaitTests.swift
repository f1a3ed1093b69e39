import DebriefKit
@testable import DebriefTUI
import Foundation
import Glibc
import Testing

/// A terminal that can watch links (as the ncurses one does, by signal) and notes how the
/// loop waited: the links it was asked to watch, and the timeout of every read. Its keys
/// "arrive" on a pipe, so a loop that polls beside it has a descriptor to poll.
@MainActor
private final class WaitWatchingTerminal: Terminal {
    let size = TerminalSize(width: 100, height: 30)
    private(set) var watched: [[Int32]] = []
    private(set) var readTimeouts: [Int] = []
    private let keys: (read: Int32, write: Int32)

    init() {
        var ends: [Int32] = [0, 0]
        pipe(&ends)
        keys = (ends[0], ends[1])
        // A byte always waiting: a poll beside the keys returns at once instead of waiting
        // out the clock, and the read after it finds "no key" all the same (nothing is read).
        _ = write(keys.write, "x", 1)
    }

    deinit {
        close(keys.read)
        close(keys.write)
    }

    func present(_ canvas: Canvas) {}
    var inputDescriptor: Int32? { keys.read }

    func nextInput(timeoutMilliseconds: Int) -> Input? {
        readTimeouts.append(timeoutMilliseconds)
        return nil
    }

    func watch(_ links: [pollfd]) -> Bool {
        watched.append(links.map(\.fd))
        return true
    }
}

/// A meeting's writer whose one link still has bytes to send (a host slow to read them).
@MainActor
private final class SendingLinkWriter: MeetingWriter {
    private let recorder: MeetingRecorder
    private let link: Int32

    init(recorder: MeetingRecorder, link: Int32) {
        self.recorder = recorder
        self.link = link
    }

    var failure: StorageError? { recorder.failure }
    func write(_ request: Request, at now: Int, syncing: Bool, applying apply: (Event) -> Void) -> Event? {
        recorder.write(request, at: now, syncing: syncing, applying: apply)
    }
    func keepAlive(at t: Int) {}
    func retryStorage() {}
    var pollDescriptors: [pollfd] { [pollfd(fd: link, events: Int16(POLLIN | POLLOUT), revents: 0)] }
}

/// How the loop waits beside its links: quiet ones (a meeting alone's door, a joined
/// terminal's line to its host) are watched by the terminal, which waits in its own read;
/// a host with terminals joined polls its links beside the keys.
@MainActor
@Suite("Waiting beside the links")
struct LinkWaitTests {
    /// Waits as the loop does, servicing the link when it stirs, `count` times.
    private func wait(_ loop: MeetingLoop, times count: Int) {
        for _ in 0..<count {
            if case .link = loop.waitForInputOrLink() { loop.serviceLink() }
        }
    }

    @Test func aJoinedTerminalWatchesItsLinkToTheHostAndWaitsInItsOwnRead() throws {
        let thread = try LiveLoopTests.HostThread()
        defer { thread.stop() }
        let client = try LiveClient.connect(socket: thread.host.socketPath, name: "sam")
        let meeting = MeetingState.fold(agenda: client.header!.agenda, events: client.history)
        let terminal = WaitWatchingTerminal()
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(start: 5_000), wall: TestClock(),
                               recorder: RemoteWriter(client: client, name: "sam"),
                               model: AppModel(meeting: meeting, info: client.header!.meeting))
        loop.start()
        wait(loop, times: 3)
        #expect(terminal.watched.first == [client.descriptor])
        #expect(!terminal.readTimeouts.isEmpty && terminal.readTimeouts.allSatisfy { $0 > 0 },
                "the wait for a key is the terminal's read, not a poll: \(terminal.readTimeouts)")
    }

    @Test func aHostWithATerminalJoinedPollsItsLinksBesideTheKeys() throws {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let folder = LiveFolder(path: "/tmp/dlw-\(UUID().uuidString.prefix(8))")
        let host = try LiveHost(recorder: recorder, folder: folder)
        defer {
            host.close(reason: nil)
            try? FileManager.default.removeItem(atPath: folder.path)
        }
        let terminal = WaitWatchingTerminal()
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), wall: TestClock(),
                               recorder: HostWriter(recorder: recorder, host: host), model: model)
        loop.start()
        // Alone: the door is watched, and the wait is the terminal's.
        wait(loop, times: 1)
        #expect(terminal.watched.count == 1)
        #expect(terminal.readTimeouts.last.map { $0 > 0 } == true)
        // Someone joins: the host hears each joined terminal's pauses and polls them.
        guard case .success(let joiner) = UnixSocket.connect(to: host.socketPath) else { throw LiveError("no connect") }
        defer { close(joiner) }
        let channel = LineChannel(descriptor: joiner, maximumLine: LiveMessage.hostLineBytes, maximumOutbox: 1 << 20)
        channel.send(LiveMessage.hello(.init(name: "sam")).line())
        for _ in 0..<200 where host.isAlone {
            wait(loop, times: 1)
            usleep(5_000)
        }
        #expect(!host.isAlone, "the joiner was let in")
        let watchedBefore = terminal.watched.count
        let readsBefore = terminal.readTimeouts.count
        wait(loop, times: 3)
        #expect(terminal.watched.count == watchedBefore, "a busy host's links are not watched")
        #expect(terminal.readTimeouts.dropFirst(readsBefore).allSatisfy { $0 == 0 },
                "the key is read after the poll saw it, without waiting: \(terminal.readTimeouts)")
    }

    @Test func aQuietLinkWithBytesStillToSendIsPolledNotWatched() throws {
        var ends: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0)
        defer { ends.forEach { close($0) } }
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let terminal = WaitWatchingTerminal()
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), wall: TestClock(),
                               recorder: SendingLinkWriter(recorder: recorder, link: ends[0]), model: model)
        loop.start()
        wait(loop, times: 3)
        #expect(terminal.watched.isEmpty, "a signal says little of room to write: the loop polls for it")
    }
}
