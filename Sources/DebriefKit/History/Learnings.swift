/// Which items of a session go into the client's learnings log.
///
/// The one place that decides it, so that when notes can be marked as learnings in the
/// meeting (a `learning` flag on the digest's items) nothing else changes: marked items
/// win; a session with none marked (every session before marking existed) offers its wins
/// and the problems that got an action, which is what its brief already presents as learned.
public enum Learnings {
    public static func of(_ session: SessionDigest) -> [SessionDigest.Item] { of(session, actions: session.actions) }

    /// The same, with the session's actions already at hand (the log of thousands of
    /// sessions needs them anyway).
    static func of(_ session: SessionDigest, actions: [SessionDigest.Item]) -> [SessionDigest.Item] {
        let marked = session.items.filter { $0.learning == true }
        if !marked.isEmpty { return marked }
        let answered = Set(actions.compactMap(\.problem))
        return session.items.filter { $0.kind == .win || ($0.kind == .problem && answered.contains($0.id)) }
    }

    /// What changed as a result of a learning: the actions that answer it (for a problem),
    /// else, for a win or a marked note, none of its own.
    public static func actions(for learning: SessionDigest.Item, in session: SessionDigest) -> [SessionDigest.Item] {
        session.actions.filter { $0.problem == learning.id }
    }
}
