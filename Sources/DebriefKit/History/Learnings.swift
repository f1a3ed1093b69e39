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
        session.items.filter(Rule(session).includes)
    }

    /// The same choice as a test on each item, for a writer that walks the items without
    /// copying them out (the log of ten thousand sessions).
    struct Rule {
        /// Some items are marked: only those are learnings.
        let marked: Bool
        /// Otherwise the problems some action answers (an action or two a session: a list).
        let answered: [Int]

        init(_ session: SessionDigest) {
            self = session.items.withUnsafeBufferPointer(Rule.init)
        }

        init(_ items: UnsafeBufferPointer<SessionDigest.Item>) {
            marked = items.contains { $0.learning == true }
            answered = marked ? [] : items.compactMap { $0.kind == .action ? $0.problem : nil }
        }

        func includes(_ item: SessionDigest.Item) -> Bool {
            marked ? item.learning == true : item.kind == .win || (item.kind == .problem && answered.contains(item.id))
        }
    }

    /// What changed as a result of a learning: the actions that answer it (for a problem),
    /// else, for a win or a marked note, none of its own.
    public static func actions(for learning: SessionDigest.Item, in session: SessionDigest) -> [SessionDigest.Item] {
        session.actions.filter { $0.problem == learning.id }
    }
}
