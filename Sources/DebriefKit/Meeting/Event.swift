/// Something that happened in a meeting, at `t` milliseconds of meeting time after the
/// start. The meeting's state is nothing but these events folded in order.
public struct Event: Equatable, Sendable {
    public var t: Int
    public var change: Change

    public init(t: Int, _ change: Change) {
        self.t = t
        self.change = change
    }
}

public enum Change: Equatable, Sendable {
    /// The clock starts on this section (the first event of every meeting).
    case sectionStarted(section: String)
    case noteAdded(id: Int, section: String, content: NoteContent)
    case noteEdited(id: Int, content: NoteContent)
    case noteRemoved(id: Int)
    case noteRestored(id: Int)
    /// A root cause and a severity from the agenda's taxonomy; nil clears.
    case noteTagged(id: Int, rootCause: String?, severity: String?)
    /// Links an action to the problem it answers; nil unlinks.
    case noteLinked(id: Int, problem: Int?)
    case noteVisibility(id: Int, clientVisible: Bool)
    /// Marks a note (any kind) as one of the meeting's learnings for the client's log, or unmarks it.
    case noteLearning(id: Int, learning: Bool)
    /// The learning as it goes into the log, reworded; the note it came from keeps its
    /// words. An empty text goes back to the note's own words.
    case learningRewritten(id: Int, text: String)
    case clockPaused
    case clockResumed
    case sectionExtended(section: String, minutes: Int)
    /// The meeting ran behind and the facilitator accepted new minutes for the sections not
    /// reached yet, so that it still ends on time (see `Rebalance`).
    case agendaRebalanced([SectionMinutes])
    /// The unfinished text in the note input, so a crash does not lose it, and the id of
    /// the section it was started in (nil in files from before it was kept, or when empty).
    /// `terminal` names the joined terminal whose input it is (`debrief join`); nil is the
    /// host's own, as in every file from before terminals joined.
    case draftChanged(text: String, section: String? = nil, terminal: String? = nil)
    case meetingEnded
    /// An open action of an earlier meeting for this client, listed in "Since last time".
    case actionCarried(CarriedAction)
    /// A carried action marked done, not done (carried again next time) or dropped.
    case actionFollowedUp(action: ActionKey, status: FollowUpStatus)
    /// A row of a table (imported from a file or typed); the writer picks the id.
    case recordAdded(id: Int, table: RecordTable, fields: [String: FieldValue])
    /// One field of a row corrected; nil makes it missing.
    case recordEdited(id: Int, field: String, value: FieldValue?)
    case recordRemoved(id: Int)
    /// A removed row brought back (u in the table), with the values it had.
    case recordRestored(id: Int)
}

/// A section's new planned minutes, in an `agendaRebalanced` event.
public struct SectionMinutes: Equatable, Sendable, Codable {
    public var section: String
    public var minutes: Int

    public init(section: String, minutes: Int) {
        self.section = section
        self.minutes = minutes
    }
}

/// What a note says, as parsed from what was typed.
public struct NoteContent: Equatable, Sendable, Codable {
    public var kind: NoteKind
    public var text: String
    /// For actions: who does it, and by when (ISO date, yyyy-MM-dd).
    public var owner: String?
    public var due: String?

    public init(kind: NoteKind = .note, text: String, owner: String? = nil, due: String? = nil) {
        self.kind = kind
        self.text = text
        self.owner = owner
        self.due = due
    }
}

public enum NoteKind: String, Codable, CaseIterable, Sendable {
    case note, problem, win, action, question
}
