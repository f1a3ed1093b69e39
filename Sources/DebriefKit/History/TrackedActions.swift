/// Actions across sessions with their latest status: the meeting's own word (open), or
/// the ledger's latest line for it.
public struct TrackedAction: Sendable {
    public var id: String
    public var session: SessionDigest
    public var item: SessionDigest.Item
    public var status: ActionStatus
    /// When the status was last recorded in the ledger (nil: as the meeting left it).
    public var statusAt: String?

    /// The problem this action answers, if still in its session.
    public var problem: SessionDigest.Item? { item.problem.flatMap(session.item(id:)) }
}

public enum TrackedActions {
    public static func all(in sessions: [SessionDigest], ledger: [ActionLedger.Entry]) -> [TrackedAction] {
        let latest = ActionLedger.latest(ledger)
        return sessions.flatMap { session in
            session.actions.map { item in
                let id = session.actionID(item)
                let entry = latest[id]
                return TrackedAction(id: id, session: session, item: item, status: entry?.status ?? .open, statusAt: entry?.at)
            }
        }
    }

    /// Owner matched like client names: case and accents ignored, a leading @ too.
    public static func owned(by owner: String, _ actions: [TrackedAction]) -> [TrackedAction] {
        let key = ClientName(owner)
        return actions.filter { $0.item.owner.map { ClientName($0) == key } ?? false }
    }
}
