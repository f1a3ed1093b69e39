/// The clients of a history: which sessions belong to whom, and the name each is shown
/// under (its alias group's, else the spelling typed most often).
public struct ClientDirectory: Sendable {
    public struct Client: Sendable {
        public var key: ClientName
        public var name: String
        /// Every spelling typed, with how many sessions used it, most used first.
        public var spellings: [(spelling: String, sessions: Int)]
        public var sessions: Int { spellings.reduce(0) { $0 + $1.sessions } }
    }

    public let aliases: ClientAliases
    public let clients: [Client]
    /// Each spelling's key and shown name, folded once: ten thousand sessions share a few
    /// dozen spellings.
    private let keys: [String: ClientName]
    private let names: [ClientName: String]

    public init(sessions: [SessionDigest], aliases: ClientAliases) {
        self.aliases = aliases
        var spellings: [String: Int] = [:]
        for session in sessions { if let client = session.client { spellings[client, default: 0] += 1 } }
        var keys: [String: ClientName] = [:]
        var counts: [ClientName: [String: Int]] = [:]
        for (client, sessions) in spellings {
            let key = aliases.key(for: client)
            keys[client] = key
            if !key.isEmpty { counts[key, default: [:]][client] = sessions }
        }
        let clients = counts.map { key, spellings in
            let sorted = spellings.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let name = aliases.name(for: sorted[0].key) ?? sorted[0].key
            return Client(key: key, name: name, spellings: sorted.map { ($0.key, $0.value) })
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        self.clients = clients
        self.keys = keys
        names = Dictionary(clients.map { ($0.key, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public func key(of session: SessionDigest) -> ClientName? {
        guard let client = session.client else { return nil }
        let key = keys[client] ?? aliases.key(for: client)
        return key.isEmpty ? nil : key
    }

    public func name(of session: SessionDigest) -> String {
        guard let key = key(of: session) else { return "(no client)" }
        return names[key] ?? session.client ?? ""
    }

    /// The sessions of `client` (any spelling of it), or all of them for nil. Asking for a
    /// client no session names is a user error that lists near spellings.
    public func sessions(_ sessions: [SessionDigest], client: String?) throws(HistoryError) -> [SessionDigest] {
        guard let client else { return sessions }
        let key = aliases.key(for: client)
        guard clients.contains(where: { $0.key == key }) else {
            let near = clients.filter { $0.key.key.contains(key.key) || key.key.contains($0.key.key) }.map(\.name)
            let hint = near.isEmpty ? "run 'debrief clients' to list them" : "did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?"
            throw HistoryError("no session for client '\(VisibleText.line(client))'; \(VisibleText.line(hint))")
        }
        return sessions.filter { self.key(of: $0) == key }
    }
}
