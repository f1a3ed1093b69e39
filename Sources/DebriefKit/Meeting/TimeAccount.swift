/// Where a meeting's time went, up to a moment: each section's time, paused time, and
/// any time before the first section opened. The parts add up exactly to the duration,
/// in milliseconds and in the whole seconds the brief, `show` and the summary print.
public struct TimeAccount: Equatable, Sendable {
    /// Meeting time from the start to the moment accounted for.
    public var duration: Int
    public var sections: [Int]
    public var paused: Int
    /// Neither in a section nor paused: only before the first section starts.
    public var outside: Int

    /// The meeting's account at its end (or its last event, if it never ended).
    public init(state: MeetingState) {
        self.init(state: state, at: state.endedAt ?? state.lastEventTime)
    }

    public init(state: MeetingState, at now: Int) {
        duration = now
        sections = state.sections.indices.map { state.elapsed(section: $0, at: now) }
        paused = state.paused(at: now)
        outside = max(0, now - paused - sections.reduce(0, +))
    }

    /// Whole seconds for each part, chosen so that they add up to the duration's whole
    /// seconds: each part is the difference of the running total's whole seconds, so no
    /// part is off by a second or more, and rounding never makes the sum disagree.
    public var seconds: (duration: Int, paused: Int, outside: Int, sections: [Int]) {
        var total = 0
        func take(_ part: Int) -> Int {
            let before = total / 1000
            total += part
            return total / 1000 - before
        }
        let paused = take(paused), outside = take(outside)
        let sections = sections.map(take)
        return (total / 1000, paused, outside, sections)
    }
}
