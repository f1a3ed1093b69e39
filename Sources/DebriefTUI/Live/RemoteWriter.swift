import DebriefKit
#if canImport(Glibc)
import Glibc
#endif

/// A joined terminal's writer: the host, over the live link. Each request goes out with a
/// number; the event that answers it comes back like every other event, and `write` waits
/// for it (applying the others meanwhile, in the host's order) so the loop works as it
/// does beside a local recorder.
@MainActor
public final class RemoteWriter: MeetingWriter {
    public let client: LiveClient
    public let terminalName: String?
    /// How long a request may wait for the host's answer before the loop is told it failed.
    public var answerTimeout = 10_000
    /// Measures `answerTimeout` (injected, so tests drive it).
    private let clock: MonotonicClock
    private var nextRequest = 1
    /// Requests sent but not answered in time. The link is a stream: the host (suspended,
    /// or slow) reads them later and answers, so they are never sent again.
    private var unanswered: [Int: Request] = [:]
    /// Events that answered a request after its time ran out, for the loop to settle.
    private var late: [Event] = []
    /// The host said where the session and brief are (it ended the meeting and saved).
    public private(set) var savedFiles: (session: String, brief: String)?

    public init(client: LiveClient, name: String, clock: MonotonicClock = SystemMonotonicClock()) {
        self.client = client
        terminalName = name
        self.clock = clock
    }

    public var failure: StorageError? { nil }
    public func keepAlive(at t: Int) {}
    public func retryStorage() {}

    public var disconnection: String? { client.closedReason }

    /// One link, to the host, which relays the meeting's events: little while people type.
    public var linksAreQuiet: Bool { true }

    public var pollDescriptors: [pollfd] {
        client.isClosed ? [] : [pollfd(fd: client.descriptor, events: client.channel.pollEvents, revents: 0)]
    }

    /// `syncing` is the host's business: it journals every request it takes.
    public func write(_ request: Request, at now: Int, syncing: Bool, applying apply: (Event) -> Void) -> Event? {
        // The same request again after a timeout (Enter pressed twice on a note the host has
        // not answered): the first is still on its way, so wait for its answer instead of
        // sending a second one the host would record too.
        let number: Int
        if let waiting = unanswered.first(where: { $0.value == request })?.key {
            number = waiting
        } else {
            number = nextRequest
            nextRequest += 1
            guard client.send(.request(id: number, request)) else { return nil }
        }
        // A draft needs no answer to go on typing: its event comes back with the others, so
        // a host that is slow (or suspended) never freezes this terminal at every pause.
        if case .change(.draftChanged) = request { return nil }
        let me = client.welcome.terminal
        let deadline = clock.milliseconds() + answerTimeout
        repeat {
            for message in client.receive() {
                if case .event(let event, me?, number?) = message {
                    unanswered[number] = nil
                    return event
                }
                take(message, apply: apply)
            }
            if client.isClosed { return nil }
            let left = deadline - clock.milliseconds()
            if left > 0 { _ = client.wait(milliseconds: left + 1) }
        } while clock.milliseconds() < deadline
        unanswered[number] = request
        return nil
    }

    public func takeLateAnswers() -> [Event] {
        defer { late.removeAll() }
        return late
    }

    public func service(now: () -> Int, wall: Int, apply: (Event) -> Void) {
        for message in client.receive() { take(message, apply: apply) }
    }

    /// Waits up to `milliseconds` for the host to say where it saved the meeting.
    public func awaitFiles(milliseconds: Int) -> (session: String, brief: String)? {
        let deadline = ContinuousClock.now + .milliseconds(milliseconds)
        while savedFiles == nil, !client.isClosed, ContinuousClock.now < deadline {
            _ = client.wait(milliseconds: 200)
            for message in client.receive() { take(message, apply: { _ in }) }
        }
        return savedFiles
    }

    private func take(_ message: LiveMessage, apply: (Event) -> Void) {
        switch message {
        case .event(let event, let terminal, let request):
            apply(event)
            if let request, terminal == client.welcome.terminal, unanswered.removeValue(forKey: request) != nil {
                late.append(event)
            }
        case .ended(let session, let brief): savedFiles = (session, brief)
        default: break  // a bye is seen as `closedReason`; nothing else comes after `ready`
        }
    }
}
