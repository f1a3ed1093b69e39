/// A captured note as it stands after every edit, tag and link so far.
public struct Note: Equatable, Sendable, Identifiable {
    public var id: Int
    public var section: Int
    /// Meeting time at which it was captured, in milliseconds.
    public var t: Int
    public var content: NoteContent
    public var rootCause: String?
    public var severity: String?
    /// For actions: the id of the problem it answers.
    public var problem: Int?
    /// Whether the note may appear in the client-facing export; nil means its kind's default.
    public var clientVisible: Bool?
    public var isRemoved = false
    /// One of the meeting's learnings (3–5 go into the client's log).
    public var isLearning = false
    /// The learning reworded for the log (`learning_rewritten`); nil: the note's own words.
    public var learningText: String?

    public init(id: Int, section: Int, t: Int, content: NoteContent, rootCause: String? = nil, severity: String? = nil,
                problem: Int? = nil, clientVisible: Bool? = nil, isRemoved: Bool = false) {
        self.id = id
        self.section = section
        self.t = t
        self.content = content
        self.rootCause = rootCause
        self.severity = severity
        self.problem = problem
        self.clientVisible = clientVisible
        self.isRemoved = isRemoved
    }

    public var kind: NoteKind { content.kind }
    public var text: String { content.text }
    public var isTagged: Bool { rootCause != nil && severity != nil }
    /// What the log says for this learning: its rewrite, else the note's words.
    public var learning: String { learningText ?? text }
}
