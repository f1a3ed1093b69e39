/// What a meeting leaves open, checked before it ends and listed in the brief: every
/// problem answered by an action, every problem tagged, every action owned, dated and
/// specific.
public struct OpenItem: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case problemWithoutAction
        case untaggedProblem
        case vagueAction([ActionReview.Concern])
    }

    public var note: Note
    public var reason: Reason

    /// What is missing, in words ("no action item yet").
    public var missing: String {
        switch reason {
        case .problemWithoutAction: return "no action item yet"
        case .untaggedProblem:
            if note.rootCause == nil && note.severity == nil { return "no root cause and no severity" }
            return note.rootCause == nil ? "no root cause" : "no severity"
        case .vagueAction(let concerns): return concerns.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// One line for the checklist, naming the note so it can be found.
    public var description: String { description(numbers: nil) }

    /// The same line with the problem's number (`Problem #3 with no action: …`), which is
    /// what an action types to answer it.
    public func description(numbers: ProblemNumbers?) -> String {
        let problem = numbers.map { "Problem \($0.label(of: note.id))" } ?? "Problem"
        switch reason {
        case .problemWithoutAction: return "\(problem) with no action: \(note.text)"
        case .untaggedProblem: return "\(problem) not tagged: \(note.text)"
        case .vagueAction(let concerns):
            return "Action with \(concerns.map(\.rawValue).joined(separator: ", ")): \(note.text)"
        }
    }
}

extension MeetingState {
    /// In the order a facilitator would fix them: problems first, in capture order, then actions.
    public var openItems: [OpenItem] {
        let notes = visibleNotes
        let answered = Set(notes.filter { $0.kind == .action }.compactMap(\.problem))
        var items: [OpenItem] = []
        for note in notes where note.kind == .problem {
            if !note.isTagged { items.append(OpenItem(note: note, reason: .untaggedProblem)) }
            if !answered.contains(note.id) { items.append(OpenItem(note: note, reason: .problemWithoutAction)) }
        }
        for note in notes where note.kind == .action {
            let concerns = ActionReview.concerns(note.content)
            if !concerns.isEmpty { items.append(OpenItem(note: note, reason: .vagueAction(concerns))) }
        }
        return items
    }
}
