import DebriefKit
#if canImport(Glibc)
import Glibc
#endif

/// What the meeting loop asks of the meeting's one writer, wherever it is: the local
/// `MeetingRecorder` (a meeting of one terminal), the host's recorder with its live link
/// (`HostWriter`), or the host seen from a joined terminal (`RemoteWriter`). The loop turns
/// input into requests and folds the events that come back; it never makes an event itself.
@MainActor
public protocol MeetingWriter: AnyObject {
    /// The joined terminal whose draft this loop journals; nil for the host's own input.
    var terminalName: String? { get }
    /// Nil while every event is on disk; otherwise what went wrong.
    var failure: StorageError? { get }
    /// Records a request and returns its event; nil when the writer cannot be reached (a
    /// joined terminal whose host is gone), or for a joined terminal's draft, whose event
    /// comes later with the others. Events from other terminals that arrive first
    /// go to `apply`, in order, before this returns.
    /// `syncing: false` (the draft while typing goes on) writes the event at once but leaves
    /// its fsync for the next pause (`sync()`), so it never delays the next key.
    func write(_ request: Request, at now: Int, syncing: Bool, applying apply: (Event) -> Void) -> Event?
    /// Whether an event written without its fsync waits for one.
    var hasUnsyncedEvents: Bool { get }
    /// Takes events written without their fsync to the disk.
    func sync()
    /// Tells the journal the meeting is still running at `t` (a joined terminal: nothing).
    func keepAlive(at t: Int)
    /// After a failed write: tries to write everything again.
    func retryStorage()
    /// The descriptors the loop waits on beside the keyboard (none for a lone terminal).
    var pollDescriptors: [pollfd] { get }
    /// Handles whatever the link has ready, without waiting; events from other terminals
    /// go to `apply`, in order.
    func service(now: () -> Int, wall: Int, apply: (Event) -> Void)
    /// Whether the link has something to decide though nothing arrives (a hello waiting for
    /// its name): the loop services it when its wait runs out too.
    var needsService: Bool { get }
    /// The links carry little while people type: the door of a meeting alone (someone may
    /// knock), or a joined terminal's line to its host (the meeting's events: notes, and
    /// drafts at most about once a second per typist). The terminal's wait for a key then
    /// watches them by signal, in its `read`, as an editor waits. A host with terminals
    /// joined hears each of them and polls its links beside the keys (watching them by
    /// signal was measured slower there: README, "Benchmarks").
    var linksAreQuiet: Bool { get }
    /// Why the link to the writer ended (a joined terminal only); nil while it holds.
    var disconnection: String? { get }
    /// One-line news for the message line ("sam@laptop left the meeting"), taken once.
    func takeNotices() -> [String]
    /// Events that answered this terminal's requests after `write` gave up waiting (a
    /// joined terminal whose host was suspended), already applied; taken once.
    func takeLateAnswers() -> [Event]
}

extension MeetingWriter {
    public func write(_ request: Request, at now: Int, applying apply: (Event) -> Void) -> Event? {
        write(request, at: now, syncing: true, applying: apply)
    }

    public var hasUnsyncedEvents: Bool { false }
    public func sync() {}
    public var terminalName: String? { nil }
    public var pollDescriptors: [pollfd] { [] }
    public func service(now: () -> Int, wall: Int, apply: (Event) -> Void) {}
    public var needsService: Bool { false }
    public var linksAreQuiet: Bool { true }
    public var disconnection: String? { nil }
    public func takeNotices() -> [String] { [] }
    public func takeLateAnswers() -> [Event] { [] }
}

/// A meeting of one terminal: the recorder is the writer.
extension MeetingRecorder: MeetingWriter {
    public func write(_ request: Request, at now: Int, syncing: Bool, applying apply: (Event) -> Void) -> Event? {
        record(request, at: now, syncing: syncing)
    }

    public func keepAlive(at t: Int) { markAlive(at: t) }
    public func retryStorage() { retry() }
}

/// The host of a live meeting: its recorder writes, and every event goes to the joined
/// terminals too, the host's own and theirs alike.
@MainActor
public final class HostWriter: MeetingWriter {
    public let recorder: MeetingRecorder
    public let host: LiveHost
    /// Events written without their fsync (a key's, until its frame is out), handed to the
    /// joined terminals once on disk (`sync()`): the host passes on only what it saved.
    /// A draft written while typing goes on goes at once, unless something waits before it.
    private var heldUntilSynced: [Event] = []

    public init(recorder: MeetingRecorder, host: LiveHost) {
        self.recorder = recorder
        self.host = host
    }

    public var failure: StorageError? { recorder.failure }

    public func write(_ request: Request, at now: Int, syncing: Bool, applying apply: (Event) -> Void) -> Event? {
        let event = recorder.record(request, at: now, syncing: syncing)
        let isDraft = if case .draftChanged = event.change { true } else { false }
        if syncing || !recorder.hasUnsyncedEvents {
            // On disk, or never to be by this write (a failed disk, rewritten from memory).
            handOnHeld()
            host.broadcast(event)
        } else if heldUntilSynced.isEmpty && isDraft {
            host.broadcast(event)
        } else {
            heldUntilSynced.append(event)
        }
        return event
    }

    public var hasUnsyncedEvents: Bool { recorder.hasUnsyncedEvents }

    public func sync() {
        recorder.sync()
        handOnHeld()
    }

    private func handOnHeld() {
        for event in heldUntilSynced { host.broadcast(event) }
        heldUntilSynced.removeAll()
    }

    public func keepAlive(at t: Int) { recorder.markAlive(at: t) }
    public func retryStorage() { recorder.retry() }
    public var pollDescriptors: [pollfd] { host.pollDescriptors }

    public func service(now: () -> Int, wall: Int, apply: (Event) -> Void) {
        for event in host.service(now: now, wall: wall) { apply(event) }
    }

    public var needsService: Bool { host.holdsHellos }
    /// Alone, the door is the only link; joined terminals speak at every pause.
    public var linksAreQuiet: Bool { host.isAlone }
    public func takeNotices() -> [String] { host.takeNotices() }
}
