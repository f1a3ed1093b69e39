#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A joined terminal's end of the live link: it says hello, receives the meeting so far,
/// then sends requests and reads the host's events as they come.
public final class LiveClient {
    public let channel: LineChannel
    public let welcome: LiveMessage.Welcome
    /// The meeting's header and every event before `ready` (empty for a probe).
    public private(set) var header: SessionHeader?
    public private(set) var history: [Event] = []
    /// Messages read and not yet taken.
    private var queue: [LiveMessage] = []
    /// Why the link ended, in words: the host's `bye`, or what was seen.
    public private(set) var closedReason: String?

    private init(channel: LineChannel, welcome: LiveMessage.Welcome) {
        self.channel = channel
        self.welcome = welcome
    }

    /// Connects to the meeting at `socket` as `name`. With `probe`, only the welcome is read
    /// (what meeting it is); else the whole meeting so far. Waits at most `timeout` ms for
    /// each message, so a host that accepts and never answers cannot hang the joiner.
    public static func connect(socket: String, name: String, probe: Bool = false, timeout: Int = 10_000) throws(LiveError) -> LiveClient {
        let fd: Int32
        switch UnixSocket.connect(to: socket) {
        case .success(let descriptor): fd = descriptor
        case .failure(let error): throw LiveError("cannot reach the meeting at \(socket): \(error.reason)")
        }
        let channel = LineChannel(descriptor: fd, maximumLine: LiveMessage.hostLineBytes, maximumOutbox: LiveMessage.requestLineBytes * 4)
        channel.send(LiveMessage.hello(.init(name: name, probe: probe)).line())
        var pending: [LiveMessage] = []
        func next() throws(LiveError) -> LiveMessage {
            while pending.isEmpty {
                guard Self.waitReadable(channel, milliseconds: timeout) else { throw LiveError("the meeting did not answer") }
                for line in channel.readLines() { pending.append(try LiveMessage.decode(line)) }
                if pending.isEmpty, let end = channel.end { throw LiveError(Self.describe(end)) }
            }
            return pending.removeFirst()
        }
        let first = try next()
        guard case .welcome(let welcome) = first else {
            if case .bye(let reason) = first { throw LiveError(reason) }
            throw LiveError("the meeting answered out of turn")
        }
        let client = LiveClient(channel: channel, welcome: welcome)
        if probe { return client }
        while true {
            switch try next() {
            case .header(let header): client.header = header
            case .event(let event, _, _): client.history.append(event)
            case .ready:
                client.queue = pending
                guard client.header != nil else { throw LiveError("the meeting sent no header") }
                return client
            case .bye(let reason): throw LiveError(reason)
            default: throw LiveError("the meeting answered out of turn")
            }
        }
    }

    public var descriptor: Int32 { channel.descriptor }
    public var isClosed: Bool { closedReason != nil }

    /// Sends a message; false once the link is gone.
    @discardableResult
    public func send(_ message: LiveMessage) -> Bool {
        guard closedReason == nil else { return false }
        if !channel.send(message.line()) { closedReason = Self.describe(channel.end ?? .closed) }
        return closedReason == nil
    }

    /// Everything that has arrived, in order, without waiting. A `bye` or the end of the
    /// link sets `closedReason`; a line that is not a message ends the link too.
    public func receive() -> [LiveMessage] {
        var messages = queue
        queue = []
        guard closedReason == nil else { return messages }
        channel.flush()
        for line in channel.readLines() {
            do {
                let message = try LiveMessage.decode(line)
                messages.append(message)
                if case .bye(let reason) = message { closedReason = reason }
            } catch {
                closedReason = "the host sent \(error.description)"
                break
            }
        }
        if closedReason == nil, let end = channel.end { closedReason = Self.describe(end) }
        return messages
    }

    /// Waits up to `milliseconds` for something to read (or for the link to end).
    public func wait(milliseconds: Int) -> Bool {
        queue.isEmpty ? Self.waitReadable(channel, milliseconds: milliseconds) : true
    }

    public func close() { channel.close() }

    /// Polls for input, writing what is queued whenever the socket takes it, until
    /// something can be read (or the link ends) or the time is up.
    static func waitReadable(_ channel: LineChannel, milliseconds: Int) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(max(0, milliseconds))
        while true {
            channel.flush()
            var descriptor = pollfd(fd: channel.descriptor, events: channel.pollEvents, revents: 0)
            let left = deadline - ContinuousClock.now
            let wait = max(0, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            let result = poll(&descriptor, 1, wait)
            if result > 0, descriptor.revents & ~Int16(POLLOUT) != 0 { return true }
            if result < 0, errno == EINTR { return false }  // a signal: let the caller look at it
            if ContinuousClock.now >= deadline { return false }
        }
    }

    private static func describe(_ end: LineChannel.End) -> String {
        switch end {
        case .closed: "the host stopped without a word (killed, crashed, or its terminal closed)"
        case .tooLong(let limit): "the host sent a line longer than \(limit) bytes"
        case .overflow: "the host does not read what this terminal sends"
        }
    }
}
