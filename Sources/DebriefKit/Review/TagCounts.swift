/// How the problems captured so far spread over the agenda's root causes and severities,
/// for the live chart in the What-went-wrong pane and the brief.
public struct TagCounts: Equatable, Sendable {
    /// Every category of the taxonomy, in the agenda's order, with its count (zeros kept).
    public var byRootCause: [(name: String, count: Int)]
    public var bySeverity: [(name: String, count: Int)]
    public var untagged: Int

    public init(_ state: MeetingState) {
        // Counted by the reducer as problems change: the chart is drawn on every frame.
        let tally = state.problemTally
        let taxonomy = state.agenda.taxonomy
        byRootCause = taxonomy.rootCauses.map { cause in (cause, tally.byRootCause[cause] ?? 0) }
        bySeverity = taxonomy.severities.map { severity in (severity, tally.bySeverity[severity] ?? 0) }
        untagged = tally.untagged
    }

    public static func == (lhs: TagCounts, rhs: TagCounts) -> Bool {
        lhs.byRootCause.elementsEqual(rhs.byRootCause, by: ==) && lhs.bySeverity.elementsEqual(rhs.bySeverity, by: ==)
            && lhs.untagged == rhs.untagged
    }
}
