/// Everything known about a meeting at a moment, derived only by folding its events.
public struct MeetingState: Equatable, Sendable {
    public let agenda: Agenda
    public internal(set) var sections: [SectionTiming]
    /// The section the clock is on; nil until the first `sectionStarted`.
    public internal(set) var current: Int?
    /// While the clock runs: the meeting time at which the current run began.
    public internal(set) var runningSince: Int?
    public internal(set) var isPaused = false
    /// Every note ever added, in capture order (removed ones are flagged, not dropped).
    public internal(set) var notes: [Note] = []
    /// Where each note id sits in `notes`: the reducer looks notes up on every add, edit and
    /// tag, and a scan made folding a long session quadratic (see `debrief-bench`).
    var noteIndex: [Int: Int] = [:]
    public internal(set) var draft = ""
    public internal(set) var endedAt: Int?
    public internal(set) var lastEventTime = 0

    public init(agenda: Agenda) {
        self.agenda = agenda
        self.sections = agenda.sections.map { SectionTiming(plannedMinutes: $0.minutes) }
    }

    public static func fold(agenda: Agenda, events: some Sequence<Event>) -> MeetingState {
        var state = MeetingState(agenda: agenda)
        for event in events { state.apply(event) }
        return state
    }

    public var hasEnded: Bool { endedAt != nil }
    public var nextNoteID: Int { (notes.last?.id ?? 0) + 1 }

    public func note(id: Int) -> Note? {
        noteIndex[id].map { notes[$0] }
    }

    public func visibleNotes(inSection index: Int) -> [Note] {
        notes.filter { $0.section == index && !$0.isRemoved }
    }

    public var visibleNotes: [Note] { notes.filter { !$0.isRemoved } }

    /// How long a section's clock has run at meeting time `now` (pauses excluded).
    public func elapsed(section index: Int, at now: Int) -> Int {
        var total = sections[index].elapsed
        if index == current, let runningSince { total += max(0, now - runningSince) }
        return total
    }
}

/// A section's clock: its time used so far and the minutes it was given.
public struct SectionTiming: Equatable, Sendable {
    public var plannedMinutes: Int
    public var extraMinutes = 0
    /// Milliseconds accumulated by finished runs of this section's clock.
    public var elapsed = 0
    public var wasVisited = false

    public var allottedMilliseconds: Int { (plannedMinutes + extraMinutes) * 60_000 }
}
