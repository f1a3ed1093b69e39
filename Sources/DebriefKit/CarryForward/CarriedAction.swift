/// An action item of an earlier meeting for the same client, still open when this meeting
/// started: copied into this session (`action_carried`) so that the session file stands
/// alone, and followed up here (`action_followed_up`).
public struct CarriedAction: Equatable, Sendable, Codable {
    /// Which earlier action: its session's base name and its note id there.
    public var key: ActionKey
    public var text: String
    public var owner: String?
    public var due: String?
    /// When the earlier meeting started (its header's `started_at`), for "the 23 Nov meeting".
    public var startedAt: String?

    public init(key: ActionKey, text: String, owner: String? = nil, due: String? = nil, startedAt: String? = nil) {
        self.key = key
        self.text = text
        self.owner = owner
        self.due = due
        self.startedAt = startedAt
    }
}

/// An action anywhere in the sessions folder: the base name of its session file (as
/// `debrief sessions` names it) and the note's id in that session.
public struct ActionKey: Hashable, Sendable, Codable {
    public var session: String
    public var id: Int

    public init(session: String, id: Int) {
        self.session = session
        self.id = id
    }
}

/// What became of a carried action. "Not done" carries it again to the next meeting.
public enum FollowUpStatus: String, Codable, CaseIterable, Sendable {
    case done
    case notDone = "not_done"
    case dropped

    /// Done and dropped close an action; not done leaves it open.
    public var closesAction: Bool { self != .notDone }
}
