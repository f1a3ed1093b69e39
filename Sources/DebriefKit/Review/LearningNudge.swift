/// The playbook keeps 3–5 learnings a campaign for the client's log: fewer and the log
/// says little, more and nobody reads them. A nudge, never a block.
public enum LearningNudge {
    public static let wanted = 3...5

    /// "Learnings: 2 marked; the client's log wants 3–5.", or nil when the count is in range.
    public static func summary(count: Int) -> String? {
        wanted.contains(count) ? nil : "Learnings: \(count) marked; the client's log wants 3–5."
    }

    /// The same for the F10 checklist, with the key that fixes it.
    public static func line(count: Int) -> String? {
        summary(count: count).map { $0.dropLast() + " (Tab, then * \(count < wanted.lowerBound ? "marks" : "unmarks") one)." }
    }
}
