/// A recorded meeting that can be looked at at any moment: the state at meeting time `t`
/// is the fold of every event up to and including `t`. Snapshots of the folded state
/// every `snapshotInterval` events make any jump cost at most that many reducer steps,
/// however long the session: a 100,000-event session seeks in milliseconds.
public struct ReplayTimeline: Sendable {
    /// At most about 16 snapshots, never closer than 1,000 events. Each snapshot is a whole
    /// meeting state, so their memory grows with their number times the notes; a reducer
    /// step costs well under a microsecond, so a few thousand of them per seek are cheap
    /// (debrief-bench, 100k events: every 1,000 took 640 MB and 1.4 s to build, every
    /// 6,250 takes 170 MB and 0.15 s, and seeks are as fast). Past 50,000 events there are
    /// fewer: their memory grows with the square of the session's size (more snapshots, each
    /// of more notes), so the interval grows with that square too and their total stays
    /// bounded (100k events: 8 snapshots, each 12,500 events apart; seeks still < 50 ms).
    public static func defaultSnapshotInterval(events: Int) -> Int {
        max(1_000, events / 16, events * events / 800_000)
    }

    public let agenda: Agenda
    /// The events in file order, times made non-decreasing the way the reducer reads them.
    public let events: [Event]
    public let snapshotInterval: Int
    /// `snapshots[k]` is the state after the first `k * snapshotInterval` events.
    private let snapshots: [MeetingState]
    /// When each section was started, in order: the marks on the timeline.
    public let sectionStarts: [(time: Int, section: Int)]
    /// Meeting time of the end of the recording: the end event, else the last event.
    public let duration: Int

    public init(agenda: Agenda, events: [Event], snapshotInterval: Int? = nil) {
        self.agenda = agenda
        self.snapshotInterval = max(1, snapshotInterval ?? Self.defaultSnapshotInterval(events: events.count))
        var ordered: [Event] = []
        ordered.reserveCapacity(events.count)
        var latest = 0
        for var event in events {
            latest = max(latest, event.t)
            event.t = latest
            ordered.append(event)
        }
        self.events = ordered
        var snapshots: [MeetingState] = []
        var state = MeetingState(agenda: agenda)
        var starts: [(Int, Int)] = []
        for (index, event) in ordered.enumerated() {
            if index % self.snapshotInterval == 0 { snapshots.append(state) }
            let wasEnded = state.hasEnded
            state.apply(event)
            if case .sectionStarted(let id) = event.change, !wasEnded, let index = agenda.sectionIndex(id: id) {
                starts.append((event.t, index))
            }
        }
        if ordered.count % self.snapshotInterval == 0 { snapshots.append(state) }
        self.snapshots = snapshots
        sectionStarts = starts
        duration = state.endedAt ?? ordered.last?.t ?? 0
    }

    /// How many events have happened by meeting time `t` (binary search).
    public func eventCount(at t: Int) -> Int {
        events.partitioningIndex { $0.t > t }
    }

    /// The state after the first `count` events: nearest snapshot, then the rest.
    public func state(afterEvents count: Int) -> MeetingState {
        let count = min(max(0, count), events.count)
        let snapshot = count / snapshotInterval
        var state = snapshots[snapshot]
        for event in events[(snapshot * snapshotInterval)..<count] { state.apply(event) }
        return state
    }

    public func state(at t: Int) -> MeetingState { state(afterEvents: eventCount(at: t)) }

    /// Moves `state` (which has seen `from` events) forward to `to` events, or seeks when
    /// going back or far ahead: playback applies only the new events.
    public func advance(_ state: MeetingState, from: Int, to: Int) -> MeetingState {
        guard to >= from, to - from < snapshotInterval else { return self.state(afterEvents: to) }
        var state = state
        for event in events[from..<min(to, events.count)] { state.apply(event) }
        return state
    }

    /// Meeting time of the first event: a live meeting's clock has run a few milliseconds
    /// before its first section starts, and nothing before that is worth showing.
    public var start: Int { events.first?.t ?? 0 }

    /// The time of the next event after `t`, if any.
    public func nextEventTime(after t: Int) -> Int? {
        let index = eventCount(at: t)
        return index < events.count ? events[index].t : nil
    }

    /// The time of the latest event before `t` (strictly), if any.
    public func previousEventTime(before t: Int) -> Int? {
        let index = eventCount(at: t - 1)
        return index > 0 ? events[index - 1].t : nil
    }
}
