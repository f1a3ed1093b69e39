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

    public static func build(sessions: [SessionDigest], directory: ClientDirectory, actions: [TrackedAction]) -> [ClientLog] {
        let status = Dictionary(actions.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a })
        var logs: [String: ClientLog] = [:]
        var order: [String] = []
        for session in sessions {  // newest first already
            let client = directory.name(of: session)
            if logs[client] == nil {
                logs[client] = ClientLog(client: client, rootCauses: [:], sessions: [])
                order.append(client)
            }
            for problem in session.problems { if let cause = problem.rootCause { logs[client]!.rootCauses[cause, default: 0] += 1 } }
            let actions = session.actions
            let learnings = Learnings.of(session, actions: actions).map {
                Learning(kind: $0.kind, text: $0.text, rootCause: $0.rootCause, severity: $0.severity)
            }
            let changed = actions.map {
                let id = session.actionID($0)
                return Action(id: id, text: $0.text, owner: $0.owner, due: $0.due, status: status[id] ?? .open)
            }
            logs[client]!.sessions.append(SessionLog(session: session.name, title: session.title, date: session.day,
                                                     learnings: learnings, actions: changed))
        }
        return order.sorted { $0.lowercased() < $1.lowercased() }.compactMap { logs[$0] }
    }

    public static func json(_ logs: [ClientLog]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["clients": logs])) ?? Data("{}".utf8)
        // Bidi overrides and C1 controls as \uXXXX, as every JSON export writes them.
        return JSONExporter.escapingInvisible(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// `MarkdownText.inline`, skipped for the plain sentences most notes are (a letter
    /// first, then only letters, digits, spaces and punctuation Markdown never reads as
    /// markup): the log of ten thousand sessions spent most of its time there.
    static func markdown(_ text: String) -> String { isPlain(text) ? text : MarkdownText.inline(text) }

    private static func isPlain(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        return utf8.withContiguousStorageIfAvailable { $0.allSatisfy { plain[Int($0)] } } ?? utf8.allSatisfy { plain[Int($0)] }
    }

    /// `markdown(_:)` remembering what it escaped: the same owners, due dates, clients and
    /// tags come back thousands of times in a log, and escaping was a fifth of writing one.
    private struct Escaper {
        var known: [String: String] = [:]

        mutating func callAsFunction(_ text: String) -> String {
            if LearningsLog.isPlain(text) { return text }
            if let done = known[text] { return done }
            let done = MarkdownText.inline(text)
            known[text] = done
            return done
        }
    }

    private static let plain: [Bool] = (0..<256).map { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || " ,.:;!?'\"()/%@+-=".utf8.contains(UInt8(byte))
    }

    /// A session name or action id inside backticks.
    private static func code(_ text: String) -> String {
        let visible = VisibleText.line(text)
        // Bytes, not Foundation's substring search: this runs for every session and action.
        return visible.utf8.contains(UInt8(ascii: "`")) ? visible.replacingAll("`", with: "'") : visible
    }

    public static func markdown(_ logs: [ClientLog]) -> String {
        var markdown = Escaper()
        var out = "# Learnings log\n"
        out.reserveCapacity(logs.reduce(0) { $0 + $1.sessions.count } * 1_500)
        if logs.isEmpty { out += "\nNo finished sessions yet.\n" }
        for log in logs {
            out += "\n## \(markdown(log.client))\n\n"
            let causes = log.rootCauses.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            out += causes.isEmpty ? "Root causes seen: none tagged.\n"
                : "Root causes seen: " + causes.map { "\(markdown($0.key)) \($0.value)" }.joined(separator: ", ") + ".\n"
            for session in log.sessions {
                out += "\n### \(session.date) · \(markdown(session.title))\n\n"
                out += "Session: `\(code(session.session))`\n\n"
                out += "Learnings:\n\n"
                if session.learnings.isEmpty { out += "- none recorded\n" }
                for learning in session.learnings {
                    var tags = [learning.kind.rawValue]
                    tags += [learning.rootCause, learning.severity].compactMap { $0 }
                    out += "- \(markdown(learning.text)) (\(tags.map { markdown($0) }.joined(separator: ", ")))\n"
                }
                out += "\nWhat changed as a result:\n\n"
                if session.actions.isEmpty { out += "- no actions were agreed\n" }
                for action in session.actions {
                    var line = "- [\(action.status.rawValue)] \(markdown(action.text))"
                    if let owner = action.owner { line += " — \(markdown(owner))" }
                    if let due = action.due { line += ", due \(markdown(due))" }
                    out += line + " (`\(code(action.id))`)\n"
                }
            }
        }
        return out
    }
}
