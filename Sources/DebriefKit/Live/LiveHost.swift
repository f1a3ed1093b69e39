#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The host's end of the live link: it listens for joined terminals, sends each the
/// meeting so far, records their requests through the meeting's one `MeetingRecorder`
/// and sends every recorded event to every terminal. It never waits on a terminal: a
/// slow one is dropped when its outbox fills, a hostile one at its first bad line.
public final class LiveHost {
    public let socketPath: String
    private var listener: Int32
    /// What poll waits for on the listener: new connections.
    private var listening: [pollfd] = []
    private let recorder: MeetingRecorder
    private var terminals: [Int: Peer] = [:]
    private var nextNumber = 1
    /// Why terminals were dropped, for the host's message line; taken by `takeNotices`.
    private var notices: [String] = []
    /// One encoder for every event relayed: making one costs more than encoding a note.
    private let encoder = SessionCoding.makeEncoder()

    /// A joined terminal's connection and what the host knows of it.
    private final class Peer {
        let channel: LineChannel
        var name: String?
        /// Sent the history: from now on it gets every event.
        var isJoined = false
        /// Requests in the current second, against `requestsPerSecond`.
        var windowStart = 0
        var requestsInWindow = 0
        /// A hello whose name a joined terminal still holds, and when it came (see `nameRelease`).
        var heldHello: (hello: LiveMessage.Hello, since: Int)?
        init(channel: LineChannel) { self.channel = channel }
    }

    /// How far a terminal may fall behind, beyond the history it was sent on joining.
    public static let outboxBytes = 8 << 20
    /// Terminals at once (connections waiting for their hello included).
    public static let maximumTerminals = 64
    /// More requests than this in a second is a flood, not people typing.
    public static let requestsPerSecond = 200
    /// How long a hello waits for the name it asks for, in wall milliseconds. A terminal
    /// killed and joined again at once may say hello before its old connection's end is
    /// seen (another process can hold the old socket a moment); a name still held after
    /// this is taken, and the hello refused.
    public static let nameRelease = 1000

    /// Listens at the meeting's socket in `folder`. A socket left there by a host that died
    /// is replaced; one that answers means the meeting is live elsewhere.
    public init(recorder: MeetingRecorder, folder: LiveFolder) throws(LiveError) {
        try folder.prepare()
        let path = folder.socketPath(session: recorder.baseName, sessions: recorder.store.folder.standardizedFileURL.path)
        if LiveFolder.isLive(path) { throw LiveError("this meeting is already live at \(path)") }
        _ = folder.liveSockets()  // sockets of hosts that were killed go, so `debrief join` lists none
        unlink(path)
        listener = try UnixSocket.listen(at: path)
        listening = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
        socketPath = path
        self.recorder = recorder
    }

    deinit { close(reason: "the host closed the meeting") }

    /// The joined terminals' names, in the order they joined.
    public var joinedNames: [String] { terminals.keys.sorted().compactMap { terminals[$0]?.isJoined == true ? terminals[$0]?.name : nil } }

    /// What poll should wait for: new connections, and each terminal's lines (and room to write).
    public var pollDescriptors: [pollfd] {
        guard listener >= 0 else { return [] }
        // Alone (most meetings), the list is the same every wait: kept, not made afresh.
        if terminals.isEmpty { return listening }
        return listening
            + terminals.keys.sorted().map { pollfd(fd: terminals[$0]!.channel.descriptor, events: terminals[$0]!.channel.pollEvents, revents: 0) }
    }

    /// Accepts, reads and writes whatever is ready, without waiting. Each request becomes
    /// an event through the recorder (stamped `now()`), sent to every terminal; the events
    /// are returned for the host's own screen, in order.
    public func service(now: () -> Int, wall: Int) -> [Event] {
        guard listener >= 0 else { return [] }
        while let fd = UnixSocket.accept(from: listener) { admit(fd) }
        var recorded: [Event] = []
        for number in terminals.keys.sorted() {
            guard let peer = terminals[number] else { continue }
            peer.channel.flush()
            for line in peer.channel.readLines() {
                guard terminals[number] != nil else { break }
                handle(line, from: number, peer, now: now, wall: wall, into: &recorded)
            }
            if let peer = terminals[number], let end = peer.channel.end { drop(number, because: end) }
        }
        decideHeldHellos(now: now, wall: wall)
        return recorded
    }

    /// No terminal is connected, joined or saying hello: the listener is the only link.
    public var isAlone: Bool { terminals.isEmpty }

    /// Whether a hello waits for its name: the host's loop services the link when its wait
    /// runs out too, so the hello is answered within `nameRelease` even if nothing else stirs.
    public var holdsHellos: Bool { terminals.values.contains { $0.heldHello != nil } }

    /// Sends an event the host recorded itself to every joined terminal.
    public func broadcast(_ event: Event, by terminal: Int? = nil, request: Int? = nil) {
        // Alone in the meeting (nearly always): no line to encode, a JSON encoding less
        // for each note and draft.
        guard terminals.values.contains(where: \.isJoined) else { return }
        let line = LiveMessage.event(event, by: terminal, request: request).line(encoder: encoder)
        for number in terminals.keys.sorted() {
            guard let peer = terminals[number], peer.isJoined else { continue }
            if !peer.channel.send(line) { drop(number, because: peer.channel.end ?? .closed) }
        }
    }

    /// Drops notices of terminals that left or were dropped, for the host's message line.
    public func takeNotices() -> [String] {
        defer { notices = [] }
        return notices
    }

    /// The meeting is saved: every terminal is told where, then the socket goes.
    public func finish(session: String, brief: String) {
        for peer in terminals.values where peer.isJoined { peer.channel.send(LiveMessage.ended(session: session, brief: brief).line()) }
        close(reason: nil)
    }

    /// Closes every connection (each told why) and removes the socket.
    public func close(reason: String?) {
        guard listener >= 0 else { return }
        for peer in terminals.values {
            // A last chance for what is queued (the end, the bye) to leave, never a wait.
            peer.channel.flush()
            peer.channel.close(saying: reason)
        }
        terminals = [:]
        Glibc.close(listener)
        listener = -1
        unlink(socketPath)
    }

    // MARK: One terminal

    private func admit(_ fd: Int32) {
        let channel = LineChannel(descriptor: fd, maximumLine: LiveMessage.requestLineBytes, maximumOutbox: Self.outboxBytes)
        // The folder is private already; the peer's uid is checked too, as ssh-agent does.
        guard UnixSocket.peerUser(of: fd) == getuid() else {
            channel.close(saying: "only the user who runs this meeting can join it")
            return
        }
        // Connections that never say hello must not use up the host's descriptors.
        guard terminals.count < Self.maximumTerminals else {
            channel.close(saying: "the meeting already has \(Self.maximumTerminals) terminals")
            return
        }
        terminals[nextNumber] = Peer(channel: channel)
        nextNumber += 1
    }

    private func handle(_ line: Data, from number: Int, _ peer: Peer, now: () -> Int, wall: Int, into recorded: inout [Event]) {
        let message: LiveMessage
        do {
            message = try LiveMessage.decode(line)
        } catch {
            return refuse(number, "It sent \(error.description).")
        }
        switch message {
        case .hello(let hello) where peer.name == nil && peer.heldHello == nil:
            guard hello.version == LiveMessage.version else {
                return refuse(number, "It speaks live version \(hello.version); this host speaks \(LiveMessage.version). Use the same Debrief on both sides.")
            }
            guard !name(of: hello).isEmpty else { return refuse(number, "A terminal needs a name (--name).") }
            if !hello.probe, isTaken(name(of: hello)) {
                peer.heldHello = (hello, wall)
                return
            }
            greet(number, peer, hello, now: now)
        case .request(let id, let request) where peer.isJoined:
            if wall - peer.windowStart >= 1000 {
                peer.windowStart = wall
                peer.requestsInWindow = 0
            }
            peer.requestsInWindow += 1
            guard peer.requestsInWindow <= Self.requestsPerSecond else {
                return refuse(number, "It sent more than \(Self.requestsPerSecond) requests in a second.")
            }
            guard let request = admissible(request, from: peer.name ?? "") else {
                return refuse(number, "It sent a note longer than \(Limits.noteBytes) bytes.")
            }
            // A draft is written at once and fsynced when the host's own typing pauses (the
            // loop's timers): a slow disk never holds up the host's typist for another's draft.
            let isDraft = if case .change(.draftChanged) = request { true } else { false }
            let event = recorder.record(request, at: now(), syncing: !isDraft)
            recorded.append(event)
            broadcast(event, by: number, request: id)
        case .bye:
            drop(number, because: .closed)
        default:
            refuse(number, "It sent a message out of turn.")
        }
    }

    private func name(of hello: LiveMessage.Hello) -> String { String(VisibleText.line(hello.name).prefix(100)) }

    private func isTaken(_ name: String) -> Bool { terminals.values.contains { $0.isJoined && $0.name == name } }

    private func greet(_ number: Int, _ peer: Peer, _ hello: LiveMessage.Hello, now: () -> Int) {
        peer.name = name(of: hello)
        let meeting = recorder.header.meeting
        peer.channel.send(LiveMessage.welcome(.init(session: recorder.baseName, folder: recorder.store.folder.path,
                                                    title: meeting.title, terminal: number, now: now())).line())
        if hello.probe {
            peer.channel.close()
            terminals[number] = nil
            return
        }
        sendHistory(to: peer)
    }

    /// A held hello is answered once its name is free, refused once `nameRelease` is over.
    private func decideHeldHellos(now: () -> Int, wall: Int) {
        guard holdsHellos else { return }  // nearly always: no sorted copy of the terminals
        for number in terminals.keys.sorted() {
            guard let peer = terminals[number], let (hello, since) = peer.heldHello else { continue }
            if !isTaken(name(of: hello)) {
                peer.heldHello = nil
                greet(number, peer, hello, now: now)
            } else if wall - since >= Self.nameRelease {
                refuse(number, "A terminal named \(name(of: hello)) is already in this meeting: join with another --name.")
            }
        }
    }

    /// The request as the writer records it: a draft is filed under the terminal's own name
    /// (whatever it claimed), and text no note may hold is refused.
    private func admissible(_ request: Request, from name: String) -> Request? {
        func fits(_ text: String) -> Bool { text.utf8.count <= Limits.noteBytes }
        switch request {
        case .addNote(_, let content): return fits(content.text) ? request : nil
        case .change(.noteEdited(_, let content)): return fits(content.text) ? request : nil
        case .change(.learningRewritten(_, let text)): return fits(text) ? request : nil
        case .change(.draftChanged(let text, let section, _)):
            return .change(.draftChanged(text: text, section: section, terminal: name))
        default: return request
        }
    }

    private func sendHistory(to peer: Peer) {
        var history = Data(LiveMessage.header(recorder.header).line())
        for event in recorder.events { history.append(LiveMessage.event(event, by: nil, request: nil).line()) }
        history.append(LiveMessage.ready.line())
        // The history may be large; what is live is bounded on top of it.
        peer.channel.maximumOutbox = history.count + Self.outboxBytes
        peer.channel.send(history)
        peer.isJoined = true
        notices.append("\(peer.name ?? "A terminal") joined the meeting")
    }

    private func refuse(_ number: Int, _ reason: String) {
        guard let peer = terminals[number] else { return }
        notices.append("\(peer.name ?? "A terminal") was disconnected: \(reason)")
        peer.channel.close(saying: "the host disconnected this terminal. \(reason)")
        terminals[number] = nil
    }

    private func drop(_ number: Int, because end: LineChannel.End) {
        guard let peer = terminals[number] else { return }
        switch end {
        case .closed:
            if peer.isJoined { notices.append("\(peer.name ?? "A terminal") left the meeting") }
            peer.channel.close()
            terminals[number] = nil
        case .tooLong(let limit):
            refuse(number, "It sent a line longer than \(limit) bytes.")
        case .overflow:
            refuse(number, "It fell too far behind (more than \(Self.outboxBytes >> 20) MB unread); join again.")
        }
    }
}
