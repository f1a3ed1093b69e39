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

    /// The checklist a facilitator works through after the meeting.
    public var openItems: [OpenItem] {
        var items: [OpenItem] = []
        for problem in problems {
            if actions(for: problem).isEmpty { items.append(.problemWithoutAction(problem)) }
            if !problem.isTagged { items.append(.untaggedProblem(problem)) }
        }
        for action in actions {
            if action.content.owner?.isEmpty ?? true { items.append(.actionWithoutOwner(action)) }
            if action.content.due?.isEmpty ?? true { items.append(.actionWithoutDue(action)) }
        }
        return items
    }
}

/// One thing still to do after the meeting.
public enum OpenItem: Equatable, Sendable {
    case problemWithoutAction(Note)
    /// Missing a root cause or a severity: it cannot be weighed or counted.
    case untaggedProblem(Note)
    case actionWithoutOwner(Note)
    case actionWithoutDue(Note)

    public var note: Note {
        switch self {
        case .problemWithoutAction(let n), .untaggedProblem(let n), .actionWithoutOwner(let n), .actionWithoutDue(let n): n
        }
    }

    /// What is missing, in words ("no action item yet").
    public var missing: String {
        switch self {
        case .problemWithoutAction: "no action item yet"
        case .untaggedProblem(let note):
            note.rootCause == nil && note.severity == nil ? "no root cause and no severity"
                : note.rootCause == nil ? "no root cause" : "no severity"
        case .actionWithoutOwner: "no owner"
        case .actionWithoutDue: "no due date"
        }
    }
}
