import DebriefKit

extension AppModel {
    /// F7: this terminal shows the other view (the console or the projector).
    mutating func switchView() {
        view = view == .notes ? .projector : .notes
    }

    /// The projector has no input: only the meeting's keys (and the open box's) work there.
    /// Anything else says where typing goes instead of filling an input nobody sees.
    /// Returns true when the key was refused.
    mutating func refusedOnProjector(_ key: Key) -> Bool {
        guard view == .projector, overlay == nil, sinceLastTime == nil,
              KeyMap.table.action(for: key, in: .meeting) == nil else { return false }
        message = Self.projectorTypingHint
        return true
    }

    static let projectorTypingHint = "The projector takes no typing: F7 switches to the notes"

    /// F8: accept the agenda's proposal (the meeting ends on time), recorded as an event.
    mutating func rebalanceAgenda() -> [AppEffect] {
        guard let plan = Rebalance.proposal(meeting, now: now) else {
            message = meeting.hasEnded ? nil : "The meeting is not behind: nothing to rebalance"
            return []
        }
        return [.record(.agendaRebalanced(plan))]
    }
}
