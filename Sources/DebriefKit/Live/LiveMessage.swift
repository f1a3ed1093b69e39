#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One line of the live link between a meeting's host and its joined terminals
/// (`debrief join`): newline-delimited JSON, events in the session file's own encoding.
///
/// A joiner says `hello` (with the protocol version); the host answers `welcome`, then the
/// `header`, every event so far and `ready`; from then on each new `event`. A joiner sends
/// `request`s, never events: the host is the one writer, it stamps time and picks ids.
/// Either side may say `bye` with a one-line reason before it closes.
public enum LiveMessage: Equatable, Sendable {
    case hello(Hello)
    case welcome(Welcome)
    case header(SessionHeader)
    /// An event as the host recorded it; `by` and `request` name the terminal and request
    /// it answers (nil for the host's own), so a joiner knows when its request is done.
    case event(Event, by: Int?, request: Int?)
    /// Every event so far has been sent: what follows is live.
    case ready
    /// A terminal's request, numbered by it so the answering event can be found.
    case request(id: Int, Request)
    /// The host wrote the session file and brief: where they are.
    case ended(session: String, brief: String)
    case bye(reason: String)

    /// The protocol's version; a host refuses a joiner that speaks another one.
    public static let version = 1
    /// The longest line a joiner may send: a note at its limit fits with room to spare.
    public static let requestLineBytes = Limits.lineBytes
    /// The longest line a host may send: the header carries the whole agenda, and a header
    /// from before the limits may be larger than a line (see `Limits.olderHeaderBytes`).
    public static let hostLineBytes = Limits.olderHeaderBytes + 1024

    public struct Hello: Equatable, Sendable {
        public var version: Int
        /// The terminal's name: its draft is kept under it, so rejoining gets it back.
        public var name: String
        /// Only asking what meeting this is (for `debrief join`'s menu), then leaving.
        public var probe: Bool

        public init(version: Int = LiveMessage.version, name: String, probe: Bool = false) {
            self.version = version
            self.name = name
            self.probe = probe
        }
    }

    public struct Welcome: Equatable, Sendable {
        public var version: Int
        /// The meeting's base name (`debrief resume` takes it) and sessions folder.
        public var session: String
        public var folder: String
        public var title: String
        /// The number the host gave this connection (events say `by` it).
        public var terminal: Int
        /// The host's meeting time when it answered: a joiner's clock runs on from it.
        public var now: Int

        public init(version: Int = LiveMessage.version, session: String, folder: String, title: String, terminal: Int, now: Int) {
            self.version = version
            self.session = session
            self.folder = folder
            self.title = title
            self.terminal = terminal
            self.now = now
        }
    }
}

/// Why a line could not be read as a message, in words for the `bye` that follows.
public struct LiveError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension LiveMessage {
    /// The message as one line, newline included.
    public func line() -> Data {
        SessionCoding.line(Envelope(self))
    }

    /// The same line, through an encoder kept by the caller.
    func line(encoder: JSONEncoder) -> Data {
        SessionCoding.line(Envelope(self), encoder: encoder)
    }

    /// Reads one line (without its newline). Anything that is not a message we know is an
    /// error with a reason fit to tell the peer; never a crash.
    public static func decode(_ line: Data) throws(LiveError) -> LiveMessage {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: line)
        } catch {
            throw LiveError("not a message of the live protocol (\(Self.shortReason(error)))")
        }
        return try envelope.message()
    }

    private static func shortReason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted = error { return "not JSON" }
        if case DecodingError.keyNotFound(let key, _) = error { return "no \(key.stringValue)" }
        if case DecodingError.typeMismatch(_, let context) = error { return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
        if case DecodingError.valueNotFound(_, let context) = error { return "missing \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
        return "unreadable"
    }
}

/// The JSON object of a message: `type` says which, the other fields are its parts.
private struct Envelope: Codable {
    var type: String
    var version: Int?
    var name: String?
    var probe: Bool?
    var session: String?
    var folder: String?
    var title: String?
    var terminal: Int?
    var now: Int?
    var header: SessionHeader?
    var event: Event?
    var by: Int?
    var id: Int?
    /// For a request: `add_note` and `add_record` (the host picks the id; the event's own
    /// is ignored) or `change` (recorded as it is).
    var request: String?
    var brief: String?
    var reason: String?

    init(type: String) { self.type = type }

    init(_ message: LiveMessage) {
        switch message {
        case .hello(let hello):
            self.init(type: "hello")
            version = hello.version
            name = hello.name
            probe = hello.probe ? true : nil
        case .welcome(let welcome):
            self.init(type: "welcome")
            version = welcome.version
            session = welcome.session
            folder = welcome.folder
            title = welcome.title
            terminal = welcome.terminal
            now = welcome.now
        case .header(let header):
            self.init(type: "header")
            self.header = header
        case .event(let event, let by, let request):
            self.init(type: "event")
            self.event = event
            self.by = by
            id = request
        case .ready:
            self.init(type: "ready")
        case .request(let number, let request):
            self.init(type: "request")
            id = number
            switch request {
            case .addNote(let section, let content):
                self.request = "add_note"
                event = Event(t: 0, .noteAdded(id: 0, section: section, content: content))
            case .addRecord(let table, let fields):
                self.request = "add_record"
                event = Event(t: 0, .recordAdded(id: 0, table: table, fields: fields))
            case .change(let change):
                self.request = "change"
                event = Event(t: 0, change)
            }
        case .ended(let session, let brief):
            self.init(type: "ended")
            self.session = session
            self.brief = brief
        case .bye(let reason):
            self.init(type: "bye")
            self.reason = reason
        }
    }

    func message() throws(LiveError) -> LiveMessage {
        func need<T>(_ value: T?, _ field: String) throws(LiveError) -> T {
            guard let value else { throw LiveError("a \(type) message without \(field)") }
            return value
        }
        switch type {
        case "hello":
            return .hello(.init(version: try need(version, "version"), name: try need(name, "name"), probe: probe ?? false))
        case "welcome":
            return .welcome(.init(version: try need(version, "version"), session: try need(session, "session"),
                                  folder: try need(folder, "folder"), title: title ?? "", terminal: try need(terminal, "terminal"),
                                  now: max(0, min(now ?? 0, Limits.maximumTime))))
        case "header":
            return .header(try need(header, "header"))
        case "event":
            return .event(try need(event, "event"), by: by, request: id)
        case "ready":
            return .ready
        case "request":
            let number = try need(id, "id")
            let event = try need(event, "event")
            switch (try need(request, "request"), event.change) {
            case ("add_note", .noteAdded(_, let section, let content)):
                return .request(id: number, .addNote(section: section, content: content))
            case ("add_record", .recordAdded(_, let table, let fields)):
                return .request(id: number, .addRecord(table: table, fields: fields))
            case ("change", .noteAdded), ("change", .recordAdded):
                throw LiveError("a change may not pick an id: ask with add_note or add_record")
            case ("change", let change):
                return .request(id: number, .change(change))
            case (let kind, _):
                throw LiveError("an unknown request '\(VisibleText.line(String(kind.prefix(40))))'")
            }
        case "ended":
            return .ended(session: try need(session, "session"), brief: try need(brief, "brief"))
        case "bye":
            return .bye(reason: reason ?? "")
        default:
            throw LiveError("an unknown message type '\(VisibleText.line(String(type.prefix(40))))'")
        }
    }
}
