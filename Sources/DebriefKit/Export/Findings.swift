/// What a meeting found, read from its final state: problems, wins, actions and the links
/// between them. Every export and `debrief show` asks the same questions, so they live here.
public struct Findings: Sendable {
    public let state: MeetingState
    public let problems: [Note]
    public let wins: [Note]
    public let actions: [Note]
    public let questions: [Note]
    public let notes: [Note]

    public init(state: MeetingState) {
        self.state = state
        let visible = state.visibleNotes
        problems = visible.filter { $0.kind == .problem }
        wins = visible.filter { $0.kind == .win }
        actions = visible.filter { $0.kind == .action }
        questions = visible.filter { $0.kind == .question }
        notes = visible.filter { $0.kind == .note }
    }

    /// The problem an action answers, if it is still in the meeting (not removed).
    public func problem(for action: Note) -> Note? {
        guard let id = action.problem else { return nil }
        return problems.first { $0.id == id }
    }

    public func actions(for problem: Note) -> [Note] {
        actions.filter { $0.problem == problem.id }
    }

    /// Problems grouped by root cause in the agenda's order, untagged last; within a group
    /// the most severe first (the taxonomy lists severities from mild to severe).
    public var problemsByRootCause: [(rootCause: String?, problems: [Note])] {
        let causes = state.agenda.taxonomy.rootCauses
        var groups: [(String?, [Note])] = causes.map { cause in (cause, problems.filter { $0.rootCause == cause }) }
        groups.append((nil, problems.filter { $0.rootCause == nil }))
        return groups.filter { !$0.1.isEmpty }.map { ($0.0, $0.1.sorted(by: moreSevere)) }
    }

    public func severityRank(_ note: Note) -> Int {
        note.severity.flatMap { state.agenda.taxonomy.severities.firstIndex(of: $0) } ?? -1
    }

    private func moreSevere(_ a: Note, _ b: Note) -> Bool {
        let (ra, rb) = (severityRank(a), severityRank(b))
        return ra != rb ? ra > rb : a.id < b.id
    }

    /// The checklist a facilitator works through after the meeting (the same one F10 shows).
    public var openItems: [OpenItem] { state.openItems }
}
