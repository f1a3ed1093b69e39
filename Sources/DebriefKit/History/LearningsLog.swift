#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `debrief learnings`: what a campaign team reads before planning. Per client, newest
/// post-mortem first: its learnings, what changed as a result (its actions and their latest
/// status), and the root causes seen across that client's sessions.
public enum LearningsLog {
    public struct ClientLog: Codable, Sendable {
        public var client: String
        /// Root cause → how many problems carried it, across this client's sessions.
        public var rootCauses: [String: Int]
        public var sessions: [SessionLog]
    }

    public struct SessionLog: Codable, Sendable {
        public var session: String
        public var title: String
        public var date: String
        public var learnings: [Learning]
        public var actions: [Action]
    }

    public struct Learning: Codable, Sendable {
        public var kind: NoteKind
        public var text: String
        public var rootCause: String?
        public var severity: String?

        enum CodingKeys: String, CodingKey {
            case kind, text, severity
            case rootCause = "root_cause"
        }
    }

    public struct Action: Codable, Sendable {
        public var id: String
        public var text: String
        public var owner: String?
        public var due: String?
        public var status: ActionStatus
    }

    /// The logs, with each action's status from the ledger's latest line for it (open when
    /// it has none).
    public static func build(sessions: [SessionDigest], directory: ClientDirectory, ledger: [ActionLedger.Entry]) -> [ClientLog] {
        build(sessions: sessions, directory: directory, statuses: ActionLedger.latest(ledger).mapValues(\.status))
    }

    public static func build(sessions: [SessionDigest], directory: ClientDirectory, actions: [TrackedAction]) -> [ClientLog] {
        build(sessions: sessions, directory: directory,
              statuses: Dictionary(actions.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a }))
    }

    /// One walk over each session's items: its problems' root causes and its actions, then
    /// its learnings. Ten thousand sessions made this a fifth of `learnings`, when every
    /// session's items were filtered three times and every action was tracked with a copy
    /// of its session only for its status.
    static func build(sessions: [SessionDigest], directory: ClientDirectory, statuses: [String: ActionStatus]) -> [ClientLog] {
        var logs: [ClientLog] = []
        var place: [String: Int] = [:]
        for session in sessions {  // newest first already
            let client = directory.name(of: session)
            let index: Int
            if let known = place[client] {
                index = known
            } else {
                index = logs.count
                place[client] = index
                logs.append(ClientLog(client: client, rootCauses: [:], sessions: []))
            }
            var actions: [SessionDigest.Item] = []
            for item in session.items {
                if item.kind == .action {
                    actions.append(item)
                } else if item.kind == .problem, let cause = item.rootCause {
                    logs[index].rootCauses[cause, default: 0] += 1
                }
            }
            let learnings = Learnings.of(session, actions: actions).map {
                Learning(kind: $0.kind, text: $0.text, rootCause: $0.rootCause, severity: $0.severity)
            }
            let changed = actions.map {
                let id = session.actionID($0)
                return Action(id: id, text: $0.text, owner: $0.owner, due: $0.due, status: statuses.isEmpty ? .open : statuses[id] ?? .open)
            }
            logs[index].sessions.append(SessionLog(session: session.name, title: session.title, date: session.day,
                                                   learnings: learnings, actions: changed))
        }
        // Clients by name, ignoring case; the first seen first among equals.
        return logs.indices.sorted { (logs[$0].client.lowercased(), $0) < (logs[$1].client.lowercased(), $1) }.map { logs[$0] }
    }

    public static func json(_ logs: [ClientLog]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["clients": logs])) ?? Data("{}".utf8)
        // Bidi overrides and C1 controls as \uXXXX, as every JSON export writes them.
        return JSONExporter.escapingInvisible(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// The log as Markdown, written from the sessions straight into one buffer of bytes:
    /// ten thousand sessions make about 9 MB, and building the logs first (`build`, what
    /// the JSON is made of), then the text from interpolated strings, joined tag lists and
    /// one escaping call per field, was most of what `learnings` cost. The same log as
    /// `build` gives, line for line (a test holds the two to it).
    public static func markdown(sessions: [SessionDigest], directory: ClientDirectory, ledger: [ActionLedger.Entry]) -> String {
        // Read in place: copying each session, and its items into new lists, cost more than
        // writing them.
        sessions.withUnsafeBufferPointer { markdown(sessions: $0, directory: directory, ledger: ledger) }
    }

    private static func markdown(sessions: UnsafeBufferPointer<SessionDigest>, directory: ClientDirectory,
                                 ledger: [ActionLedger.Entry]) -> String {
        let statuses = ActionLedger.latest(ledger).mapValues(\.status)
        // Each client's sessions (newest first, as given) and root causes, clients by name.
        var clients: [(name: String, sessions: [Int], causes: [String: Int])] = []
        var place: [String: Int] = [:]
        for position in sessions.indices {
            let client = directory.name(of: sessions[position])
            let index: Int
            if let known = place[client] {
                index = known
            } else {
                index = clients.count
                place[client] = index
                clients.append((client, [], [:]))
            }
            clients[index].sessions.append(position)
            sessions[position].items.withUnsafeBufferPointer { items in
                for item in items.indices where items[item].kind == .problem {
                    if let cause = items[item].rootCause { clients[index].causes[cause, default: 0] += 1 }
                }
            }
        }
        let order = clients.indices.sorted { (clients[$0].name.lowercased(), $0) < (clients[$1].name.lowercased(), $1) }
        var out = MarkdownBytes(capacity: sessions.count * 1_000)
        out.raw("# Learnings log\n")
        if clients.isEmpty { out.raw("\nNo finished sessions yet.\n") }
        for client in order.map({ clients[$0] }) {
            out.client(client.name, causes: client.causes)
            for position in client.sessions {
                let name = sessions[position].name
                out.session(date: sessions[position].day, title: sessions[position].title, name: name)
                sessions[position].items.withUnsafeBufferPointer { items in
                let rule = Learnings.Rule(items)
                var none = true
                for index in items.indices where rule.includes(items[index]) {
                    out.learning(items[index].text, kind: items[index].kind, cause: items[index].rootCause,
                                 severity: items[index].severity)
                    none = false
                }
                if none { out.raw("- none recorded\n") }
                out.raw("\nWhat changed as a result:\n\n")
                none = true
                for index in items.indices where items[index].kind == .action {
                    let id = items[index].id
                    let status = statuses.isEmpty ? .open : statuses[SessionDigest.actionID(session: name, id: id)] ?? .open
                    out.action(items[index].text, status: status, owner: items[index].owner, due: items[index].due, session: name, id: id)
                    none = false
                }
                if none { out.raw("- no actions were agreed\n") }
                }
            }
        }
        return out.string
    }
}

/// The bytes of a Markdown log being written, and the user texts escaped so far.
private struct MarkdownBytes {
    private var bytes: [UInt8] = []
    /// The same owners, due dates, clients and tags come back thousands of times in a log.
    private var escapes: [String: String] = [:]
    /// Which bytes a plain sentence is made of (see `isPlain`), kept here: a static table
    /// read per byte cost a lazy-initialisation check per byte.
    private let plain: [Bool] = (0..<256).map { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || " ,.:;!?'\"()/%@+-=".utf8.contains(UInt8(byte))
    }

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Text of our own: headings, labels, numbers.
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// User text as `MarkdownText.inline` writes it, skipped for the plain sentences most
    /// notes are (a letter first, then only letters, digits, spaces and punctuation
    /// Markdown never reads as markup).
    mutating func escaped(_ text: String) {
        if isPlain(text) { return raw(text) }
        if let done = escapes[text] { return raw(done) }
        let done = MarkdownText.inline(text)
        escapes[text] = done
        raw(done)
    }

    private func isPlain(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        return plain.withUnsafeBufferPointer { table in
            utf8.withContiguousStorageIfAvailable { $0.allSatisfy { table[Int($0)] } } ?? utf8.allSatisfy { table[Int($0)] }
        }
    }

    // The lines of the log, one function each.

    mutating func client(_ name: String, causes: [String: Int]) {
        raw("\n## ")
        escaped(name)
        raw("\n\n")
        let sorted = causes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if sorted.isEmpty { return raw("Root causes seen: none tagged.\n") }
        for (index, cause) in sorted.enumerated() {
            raw(index == 0 ? "Root causes seen: " : ", ")
            escaped(cause.key)
            raw(" ")
            raw(String(cause.value))
        }
        raw(".\n")
    }

    mutating func session(date: String, title: String, name: String) {
        raw("\n### ")
        raw(date)
        raw(" · ")
        escaped(title)
        raw("\n\nSession: `")
        code(name)
        raw("`\n\nLearnings:\n\n")
    }

    mutating func learning(_ text: String, kind: NoteKind, cause: String?, severity: String?) {
        raw("- ")
        escaped(text)
        raw(" (")
        escaped(kind.rawValue)
        if let cause {
            raw(", ")
            escaped(cause)
        }
        if let severity {
            raw(", ")
            escaped(severity)
        }
        raw(")\n")
    }

    /// An action and its id (`session#id`, as `SessionDigest.actionID` makes it; shown
    /// visibly a character at a time, so the name's part is the name shown visibly).
    mutating func action(_ text: String, status: ActionStatus, owner: String?, due: String?, session: String, id: Int) {
        raw("- [")
        raw(status.rawValue)
        raw("] ")
        escaped(text)
        if let owner {
            raw(" — ")
            escaped(owner)
        }
        if let due {
            raw(", due ")
            escaped(due)
        }
        raw(" (`")
        code(session)
        raw("#")
        raw(String(id))
        raw("`)\n")
    }

    /// A session name or action id inside backticks: shown visibly, a backtick as `'`.
    mutating func code(_ text: String) {
        let visible = VisibleText.line(text)
        let start = bytes.count
        raw(visible)
        for index in start..<bytes.count where bytes[index] == UInt8(ascii: "`") { bytes[index] = UInt8(ascii: "'") }
    }
}
