#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// One end of a live connection, non-blocking both ways: bytes read are cut into lines
/// (none longer than `maximumLine`), bytes to send wait in a bounded outbox that is
/// written whenever the socket takes more. Nothing here ever waits on the peer.
public final class LineChannel {
    public enum End: Equatable, Sendable {
        /// The peer closed its end (or vanished: a reset counts the same).
        case closed
        /// A line longer than allowed: the reason names the limit.
        case tooLong(Int)
        /// More waits to be sent than the outbox holds: the peer does not read.
        case overflow
    }

    public private(set) var descriptor: Int32
    public let maximumLine: Int
    /// How many unsent bytes may wait before the peer is given up on.
    public var maximumOutbox: Int
    private var inbox: [UInt8] = []
    private var outbox: [UInt8] = []
    private var sent = 0
    /// Set once the connection is over; nothing more is read or sent.
    public private(set) var end: End?

    public init(descriptor: Int32, maximumLine: Int, maximumOutbox: Int) {
        self.descriptor = descriptor
        self.maximumLine = maximumLine
        self.maximumOutbox = maximumOutbox
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit { close() }

    /// Bytes queued and not yet taken by the socket.
    public var pendingBytes: Int { outbox.count - sent }
    public var wantsToWrite: Bool { pendingBytes > 0 && end == nil }

    /// What poll should wait for on this channel.
    public var pollEvents: Int16 { Int16(POLLIN) | (wantsToWrite ? Int16(POLLOUT) : 0) }

    /// Reads whatever has arrived and returns the complete lines in it. A line over the
    /// limit ends the channel (`end`), as does the peer closing; lines before it are kept.
    public func readLines() -> [Data] {
        guard end == nil else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var lines: [Data] = []
        while end == nil {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                inbox.append(contentsOf: buffer[0..<count])
                cutLines(into: &lines)
                continue
            }
            if count == 0 { end = .closed }
            else if errno == EINTR { continue }
            else if errno != EAGAIN && errno != EWOULDBLOCK { end = .closed }
            break
        }
        return lines
    }

    private func cutLines(into lines: inout [Data]) {
        var start = 0
        while let newline = inbox[start...].firstIndex(of: UInt8(ascii: "\n")) {
            guard newline - start <= maximumLine else {
                end = .tooLong(maximumLine)
                return
            }
            lines.append(Data(inbox[start..<newline]))
            start = newline + 1
        }
        inbox.removeFirst(start)
        if inbox.count > maximumLine { end = .tooLong(maximumLine) }
    }

    /// Queues a line and writes what the socket takes now. False (and `end` set) when the
    /// outbox would exceed its bound: the peer has fallen too far behind.
    @discardableResult
    public func send(_ data: Data) -> Bool {
        guard end == nil else { return false }
        guard pendingBytes + data.count <= maximumOutbox else {
            end = .overflow
            return false
        }
        outbox.append(contentsOf: data)
        flush()
        return end == nil
    }

    /// Writes as much of the outbox as the socket takes without waiting.
    public func flush() {
        while end == nil, sent < outbox.count {
            let count = outbox.withUnsafeBytes { raw in
                // MSG_NOSIGNAL: a peer that went away is an error here, not a SIGPIPE that kills the host.
                Glibc.send(descriptor, raw.baseAddress! + sent, outbox.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
            } else if count < 0, errno == EINTR {
                continue
            } else if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                break
            } else {
                end = .closed
            }
        }
        if sent == outbox.count {
            outbox.removeAll(keepingCapacity: outbox.count < 1 << 20)
            sent = 0
        } else if sent > 1 << 20 {
            outbox.removeFirst(sent)
            sent = 0
        }
    }

    /// Says `bye` (best effort: never waits) and closes.
    public func close(saying reason: String? = nil) {
        guard descriptor >= 0 else { return }
        if let reason, end == nil || end == .tooLong(maximumLine) {
            let wasEnd = end
            end = nil
            outbox.append(contentsOf: LiveMessage.bye(reason: reason).line())
            flush()
            end = wasEnd
        }
        Glibc.close(descriptor)
        descriptor = -1
        if end == nil { end = .closed }
    }
}
