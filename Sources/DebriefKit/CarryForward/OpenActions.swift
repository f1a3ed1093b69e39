#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The open actions of a client's earlier meetings, as the next meeting lists them in
/// "Since last time": every action of the client's finished sessions, minus those a later
/// meeting (or the ledger, between meetings) marked done or dropped. One marked "not done"
/// stays open and comes back every time until it is closed.
public struct OpenActions: Sendable {
    public var actions: [CarriedAction] = []
    /// Files of the folder that could not be read, each "name: why" (never a silent gap).
    public var skipped: [String] = []

    public init(actions: [CarriedAction] = [], skipped: [String] = []) {
        self.actions = actions
        self.skipped = skipped
    }

    public static func find(client: String, in folder: URL) -> OpenActions {
        var result = OpenActions()
        let names = (DirectoryListing.names(in: folder.path) ?? [])
            .filter { $0.hasSuffix(SessionStore.sessionSuffix) }
        var sessions: [(base: String, header: SessionHeader, state: MeetingState)] = []
        for name in names {
            let url = folder.appending(path: name)
            do {
                // Read once; the client's own files are decoded whole, others only as far as
                // the client's name (see `ClientProbe`).
                guard let data = FileManager.default.contents(atPath: url.path), data.count <= Limits.sessionFileBytes else {
                    throw SessionReadError(path: url.path, message: "cannot read, or too large to be a session file")
                }
                if let other = ClientProbe.client(in: data), !ClientMatch.isSame(client, other) { continue }
                let record = try SessionReader.parse(data, path: url.path)
                guard let other = record.header.meeting.client, ClientMatch.isSame(client, other) else { continue }
                sessions.append((SessionCatalog.name(of: url), record.header, record.state))
            } catch let error as SessionReadError {
                result.skipped.append(VisibleText.line("\(name): \(error.message)"))
            } catch {
                result.skipped.append(VisibleText.line("\(name): \(PlainError.message(error))"))
            }
        }
        // Oldest first, so that a later meeting's word on an action is the one kept.
        sessions.sort { ($0.header.meeting.startedAt, $0.base) < ($1.header.meeting.startedAt, $1.base) }
        var statuses: [ActionKey: FollowUpStatus] = [:]
        var all: [CarriedAction] = []
        var seen: Set<ActionKey> = []
        for session in sessions {
            statuses.merge(session.state.followUps) { _, later in later }
            // A copy carried here stands in for an action whose own session is gone.
            for carried in session.state.carriedActions where seen.insert(carried.key).inserted { all.append(carried) }
            for note in session.state.visibleNotes where note.kind == .action {
                let key = ActionKey(session: session.base, id: note.id)
                guard seen.insert(key).inserted else { continue }
                all.append(CarriedAction(key: key, text: note.text, owner: note.content.owner, due: note.content.due,
                                         startedAt: session.header.meeting.startedAt))
            }
        }
        for (key, status) in LedgerStatuses.read(in: folder) { statuses[key] = status }
        result.actions = all.filter { !(statuses[$0.key]?.closesAction ?? false) }
        result.skipped.sort()
        return result
    }
}

/// The client named in a session file's first line, without building its agenda: most
/// files of a shared folder belong to other clients, and decoding each one's agenda made
/// the start of a meeting wait. Nil when the line does not say (then the file is read whole,
/// and a damaged one is named).
enum ClientProbe {
    private struct Header: Decodable {
        struct Meeting: Decodable { var client: String? }
        var type: String
        var meeting: Meeting
    }

    static func client(in data: Data) -> String? {
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")), newline - data.startIndex <= Limits.olderHeaderBytes,
              let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline]),
              header.type == "header" else { return nil }
        return header.meeting.client ?? ""
    }
}
