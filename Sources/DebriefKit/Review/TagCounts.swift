/// How the problems captured so far spread over the agenda's root causes and severities,
/// for the live chart in the What-went-wrong pane and the brief.
public struct TagCounts: Equatable, Sendable {
    /// Every category of the taxonomy, in the agenda's order, with its count (zeros kept).
    public var byRootCause: [(name: String, count: Int)]
    public var bySeverity: [(name: String, count: Int)]
    public var untagged: Int

    public init(_ state: MeetingState) {
        let problems = state.visibleNotes.filter { $0.kind == .problem }
        let taxonomy = state.agenda.taxonomy
        byRootCause = taxonomy.rootCauses.map { cause in (cause, problems.count { $0.rootCause == cause }) }
        bySeverity = taxonomy.severities.map { severity in (severity, problems.count { $0.severity == severity }) }
        untagged = problems.count { !$0.isTagged }
    }

    public static func == (lhs: TagCounts, rhs: TagCounts) -> Bool {
        lhs.byRootCause.elementsEqual(rhs.byRootCause, by: ==) && lhs.bySeverity.elementsEqual(rhs.bySeverity, by: ==)
            && lhs.untagged == rhs.untagged
    }
}
