/// Everything known about a meeting at a moment, derived only by folding its events.
public struct MeetingState: Equatable, Sendable {
    public let agenda: Agenda
    public internal(set) var sections: [SectionTiming]
    /// The section the clock is on; nil until the first `sectionStarted`.
    public internal(set) var current: Int?
    /// While the clock runs: the meeting time at which the current run began.
    public internal(set) var runningSince: Int?
    public internal(set) var isPaused = false
    /// Meeting time spent paused by finished pauses; a pause still running is counted from
    /// `pausedSince`. Paused time belongs to no section (see `TimeAccount`).
    public internal(set) var pausedTime = 0
    public internal(set) var pausedSince: Int?
    /// The furthest section ever opened: sections before it never really opened are
    /// skipped, those after it not reached yet.
    public internal(set) var furthestSection: Int?
    /// Every note ever added, in capture order (removed ones are flagged, not dropped).
    public internal(set) var notes: [Note] = []
    /// Where each note id sits in `notes`: the reducer looks notes up on every add, edit and
    /// tag, and a scan made folding a long session quadratic (see `debrief-bench`).
    var noteIndex: [Int: Int] = [:]
    /// Where each section's visible notes sit in `notes`, in capture order. The note list
    /// reads its section on every frame; filtering every note of the meeting for it made
    /// each keystroke slower as the meeting grew. The reducer keeps it with `notes`.
    var visiblePositions: [[Int]]
    /// The visible problems counted by tag, for the live chart (see `TagCounts`); kept by
    /// the reducer for the same reason.
    var problemTally = ProblemTally()
    /// Problems numbered 1, 2, 3… for people (see `ProblemNumbers`); kept by the reducer.
    public internal(set) var problemNumbers = ProblemNumbers()
    /// The highest id of any note (0 before the first), kept by the reducer.
    public internal(set) var highestNoteID = 0
    /// Every row of every table ever added, in order (removed ones are flagged, not dropped).
    public internal(set) var records: [Record] = []
    /// Where each record id sits in `records`, kept by the reducer as `noteIndex` is.
    var recordIndex: [Int: Int] = [:]
    /// The highest id of any record (0 before the first); record ids are their own series.
    public internal(set) var highestRecordID = 0
    public internal(set) var draft = ""
    /// Open actions of earlier meetings for this client, in the order listed ("Since last
    /// time"), and what this meeting said of each; kept by the reducer.
    public internal(set) var carriedActions: [CarriedAction] = []
    public internal(set) var followUps: [ActionKey: FollowUpStatus] = [:]
    var carriedIndex: [ActionKey: Int] = [:]
    /// The id of the section the draft was started in, when the journal says.
    public internal(set) var draftSection: String?
    /// The unfinished notes of joined terminals (`debrief join`), by terminal name.
    public internal(set) var terminalDrafts: [String: TerminalDraft] = [:]
    public internal(set) var endedAt: Int?
    public internal(set) var lastEventTime = 0

    public init(agenda: Agenda) {
        self.agenda = agenda
        self.sections = agenda.sections.map { SectionTiming(plannedMinutes: $0.minutes) }
        self.visiblePositions = Array(repeating: [], count: agenda.sections.count)
    }

    public static func fold(agenda: Agenda, events: some Sequence<Event>) -> MeetingState {
        var state = MeetingState(agenda: agenda)
        for event in events { state.apply(event) }
        return state
    }

    public var hasEnded: Bool { endedAt != nil }
    /// One more than the highest note id: ids from a journal may be out of order (1, 3, 2).
    public var nextNoteID: Int { highestNoteID + 1 }

    public var nextRecordID: Int { highestRecordID + 1 }

    public func record(id: Int) -> Record? {
        recordIndex[id].map { records[$0] }
    }

    /// The rows of one table still in the meeting, in the order they were added.
    public func records(in table: RecordTable) -> [Record] {
        records.filter { $0.table == table && !$0.isRemoved }
    }

    public func note(id: Int) -> Note? {
        noteIndex[id].map { notes[$0] }
    }

    /// A view, not a copy: costs nothing however many notes the section holds.
    public func visibleNotes(inSection index: Int) -> VisibleNotes {
        VisibleNotes(notes: notes, positions: visiblePositions.indices.contains(index) ? visiblePositions[index] : [])
    }

    public var visibleNotes: [Note] { notes.filter { !$0.isRemoved } }
    /// The meeting's learnings (for the client's log), in capture order.
    public var learnings: [Note] { notes.filter { $0.isLearning && !$0.isRemoved } }

    /// How long a section's clock has run at meeting time `now` (pauses excluded).
    public func elapsed(section index: Int, at now: Int) -> Int {
        var total = sections[index].elapsed
        if index == current, let runningSince { total += max(0, now - runningSince) }
        return total
    }

    /// Meeting time spent paused up to `now`, the pause under way included.
    public func paused(at now: Int) -> Int {
        pausedTime + (pausedSince.map { max(0, now - $0) } ?? 0)
    }

    /// A section opened for less than this, with no note or table row in it, was passed
    /// over, not covered.
    public static let passedOverLimit = 60_000

    /// Where a section stands at meeting time `now`. A section the meeting moved past without
    /// covering it (never opened, or opened for under a minute and left without a note or a
    /// change to its table) is
    /// skipped: its planned time is still owed (see `Schedule`), not saved.
    public func status(section index: Int, at now: Int) -> SectionStatus {
        if index == current && !hasEnded { return .current }
        // Every section up to the furthest one opened was either opened or passed over.
        guard let furthest = furthestSection, index <= furthest else { return .notReached }
        let covered = sections[index].wasVisited
            && (elapsed(section: index, at: now) >= Self.passedOverLimit || !visiblePositions[index].isEmpty
                || sections[index].hadTableWork)
        return covered ? .covered : .skipped
    }
}

/// The visible notes of one section, in capture order, read straight from the meeting's
/// notes. Inlinable so that scanning it (for a selected note's id) reads only what it needs.
public struct VisibleNotes: RandomAccessCollection, Sendable {
    @usableFromInline let notes: [Note]
    @usableFromInline let positions: [Int]

    init(notes: [Note], positions: [Int]) {
        self.notes = notes
        self.positions = positions
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { positions.count }
    @inlinable public subscript(position: Int) -> Note { notes[positions[position]] }
}

/// How many visible problems carry each root cause and each severity, and how many lack
/// one or both.
struct ProblemTally: Equatable, Sendable {
    var byRootCause: [String: Int] = [:]
    var bySeverity: [String: Int] = [:]
    var untagged = 0

    /// Counts `note` in (`by` 1) or out (`by` -1), if it is a visible problem.
    mutating func count(_ note: Note, by change: Int) {
        guard note.kind == .problem, !note.isRemoved else { return }
        if let rootCause = note.rootCause { byRootCause[rootCause, default: 0] += change }
        if let severity = note.severity { bySeverity[severity, default: 0] += change }
        if !note.isTagged { untagged += change }
    }
}

/// What a section is at a moment of the meeting: in the agenda strip, the F10 checklist
/// and the brief alike.
public enum SectionStatus: String, Equatable, Sendable {
    case current, covered, skipped
    case notReached = "not reached"
}

/// A section's clock: its time used so far and the minutes it was given.
public struct SectionTiming: Equatable, Sendable {
    public var plannedMinutes: Int
    public var extraMinutes = 0
    /// Milliseconds accumulated by finished runs of this section's clock.
    public var elapsed = 0
    public var wasVisited = false
    /// A row of the section's table was added, corrected, removed or restored while it was
    /// open: work done, like a note, though the minute never passed.
    public var hadTableWork = false

    public var allottedMilliseconds: Int { (plannedMinutes + extraMinutes) * 60_000 }
}

/// A joined terminal's unfinished note, as its last `draft` event left it.
public struct TerminalDraft: Equatable, Sendable {
    public var text: String
    public var section: String?

    public init(text: String, section: String?) {
        self.text = text
        self.section = section
    }
}
