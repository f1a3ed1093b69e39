/// Where the meeting stands against its agenda at meeting time `now`: the current
/// section's countdown, overrun, and how far the whole meeting is ahead or behind.
///
/// One model of time: meeting time (`now`) is wall time since the start; paused time
/// belongs to no section and is not work, so `worked` (= `now` − `paused`) is what the
/// header calls Elapsed and what the slip compares with the plan. While paused, Elapsed
/// and the slip stand still; only the expected end moves later. A skipped section (see
/// `MeetingState.status`) still owes its planned time until the meeting ends or the
/// facilitator goes back to it: passing over a section is not time saved.
public struct Schedule: Equatable, Sendable {
    public var now: Int
    public var current: Int?
    /// Current section: time used and time given (planned + extensions), in milliseconds.
    public var sectionElapsed = 0
    public var sectionAllotted = 0
    /// Meeting time spent paused so far, the pause under way included.
    public var paused: Int
    public var isPaused: Bool
    /// Sections passed over without being covered, their planned time still owed.
    public var skipped = 0
    /// Meeting time at which the meeting is now expected to end, if the remaining
    /// sections (skipped ones included) take exactly their planned time.
    public var projectedEnd: Int
    public var plannedEnd: Int

    public init(state: MeetingState, now: Int) {
        let now = state.endedAt.map { min($0, now) } ?? now
        self.now = now
        current = state.current
        plannedEnd = state.agenda.plannedMinutes * 60_000
        paused = state.paused(at: now)
        isPaused = state.isPaused && !state.hasEnded
        var remainingWork = 0
        for (index, timing) in state.sections.enumerated() {
            if index == state.current {
                sectionElapsed = state.elapsed(section: index, at: now)
                sectionAllotted = timing.allottedMilliseconds
                remainingWork += max(0, sectionAllotted - sectionElapsed)
                continue
            }
            switch state.status(section: index, at: now) {
            case .notReached:
                remainingWork += timing.allottedMilliseconds
            case .skipped:
                skipped += 1
                remainingWork += max(0, timing.allottedMilliseconds - state.elapsed(section: index, at: now))
            case .covered, .current:
                break
            }
        }
        projectedEnd = state.hasEnded ? (state.endedAt ?? now) : now + remainingWork
        worked = max(0, now - paused)
        projectedWork = state.hasEnded ? worked : worked + remainingWork
    }

    /// Meeting time that was not paused: the header's Elapsed.
    public var worked: Int
    /// Working time the whole meeting is now expected to take (pauses left out).
    public var projectedWork: Int

    /// Positive while there is time left in the section; negative once it runs over.
    public var sectionRemaining: Int { sectionAllotted - sectionElapsed }
    public var isOverrun: Bool { current != nil && sectionRemaining < 0 }
    /// Positive: the meeting's work will take this much longer than planned; negative:
    /// this much less. Pauses do not count: they stop the whole clock.
    public var slip: Int { projectedWork - plannedEnd }
}

/// `mm:ss` (or `h:mm:ss`) for a duration in milliseconds, rounded the way a countdown
/// reads: remaining time rounds up, so 0:00 means the time is really up.
public enum DurationText {
    public static func clock(_ milliseconds: Int, roundingUp: Bool = false) -> String {
        let magnitude = abs(milliseconds)
        let seconds = roundingUp ? (magnitude + 999) / 1000 : magnitude / 1000
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        let body = h > 0 ? "\(h):\(pad(m)):\(pad(s))" : "\(pad(m)):\(pad(s))"
        return milliseconds < 0 ? "-" + body : body
    }

    /// "5 min", "1 h 5 min" for slips and plans.
    public static func minutes(_ milliseconds: Int) -> String {
        let minutes = (abs(milliseconds) + 30_000) / 60_000
        if minutes >= 60 { return "\(minutes / 60) h \(minutes % 60) min" }
        return "\(minutes) min"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
