import DebriefKit

/// Replay seeking: the meeting as it stood at time t, folded from the nearest earlier
/// snapshot instead of from the first event. A stand-in until DebriefTUI's ReplayModel
/// (which keeps its own snapshots) is merged; then the benchmark should seek through it.
struct SnapshotSeeker {
    let agenda: Agenda
    let events: [Event]
    let interval: Int
    /// snapshots[k] is the state after the first k × interval events.
    private(set) var snapshots: [MeetingState] = []

    init(agenda: Agenda, events: [Event], interval: Int) {
        self.agenda = agenda
        self.events = events
        self.interval = max(1, interval)
        var state = MeetingState(agenda: agenda)
        snapshots.append(state)
        for (index, event) in events.enumerated() {
            state.apply(event)
            if (index + 1) % self.interval == 0 { snapshots.append(state) }
        }
    }

    /// The state after every event at or before meeting time `t`.
    func state(at t: Int) -> MeetingState {
        let count = eventCount(upTo: t)
        let snapshot = min(count / interval, snapshots.count - 1)
        var state = snapshots[snapshot]
        for event in events[(snapshot * interval)..<count] { state.apply(event) }
        return state
    }

    /// How many events have `t` at or before the given time (events are in time order).
    private func eventCount(upTo t: Int) -> Int {
        var low = 0, high = events.count
        while low < high {
            let middle = (low + high) / 2
            if events[middle].t <= t { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
