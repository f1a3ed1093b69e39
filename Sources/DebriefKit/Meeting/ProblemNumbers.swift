/// Problems are numbered 1, 2, 3… per meeting, for people: the list shows `#3`, an action
/// types `#3` to answer it, the pickers and the end checklist say `#3`. Note ids (which
/// count every note) stay internal.
///
/// The rule, derived from the events alone (never stored): a note gets the next number the
/// first time it becomes a problem, added as one or re-kinded into one. A number is never
/// reused or shifted: the n-th problem keeps `#n` when an earlier one is removed or
/// re-kinded, and a note re-kinded away and back gets its first number again. So a `#3`
/// written into an action, a brief or a replay means the same problem at every moment.
public struct ProblemNumbers: Equatable, Sendable {
    /// Note ids in the order they were numbered: `ids[n - 1]` is problem `#n`.
    private var ids: [Int] = []
    private var numbers: [Int: Int] = [:]

    public init() {}

    /// The problem's number; nil for a note that was never a problem.
    public func number(of noteID: Int) -> Int? { numbers[noteID] }

    /// The id of the note numbered `number`; nil when no note ever had that number.
    public func noteID(numbered number: Int) -> Int? {
        ids.indices.contains(number - 1) ? ids[number - 1] : nil
    }

    /// How a person reads the problem: `#3` (a note without a number, which should not
    /// happen for a problem, falls back to its id so it is still findable).
    public func label(of noteID: Int) -> String { "#\(number(of: noteID) ?? noteID)" }

    /// Called by the reducer whenever a note is or becomes a problem.
    mutating func assign(_ noteID: Int) {
        guard numbers[noteID] == nil else { return }
        ids.append(noteID)
        numbers[noteID] = ids.count
    }
}

extension MeetingState {
    /// The visible problem numbered `number`, if there is one (removed or re-kinded
    /// problems keep their number but cannot be answered).
    public func problem(numbered number: Int) -> Note? {
        guard let id = problemNumbers.noteID(numbered: number), let note = note(id: id),
              note.kind == .problem, !note.isRemoved else { return nil }
        return note
    }
}
