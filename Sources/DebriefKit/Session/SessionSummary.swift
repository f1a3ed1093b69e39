/// The last line of a session file: the meeting's final state, for tools that want the
/// result without folding events. Folding the file's events must give exactly this.
public struct SessionSummary: Codable, Equatable, Sendable {
    public var type = "summary"
    public var endedAt: Int?
    /// Whole seconds paused, in no section: the sections' `elapsed_seconds` and this add up
    /// to the duration's whole seconds. Absent in files written before it existed.
    public var pausedSeconds: Int?
    public var sections: [Section]

    public struct Section: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var plannedMinutes: Int
        public var extraMinutes: Int
        public var elapsedSeconds: Int
        public var items: [Item]

        enum CodingKeys: String, CodingKey {
            case id, title, items
            case plannedMinutes = "planned_minutes", extraMinutes = "extra_minutes"
            case elapsedSeconds = "elapsed_seconds"
        }
    }

    public struct Item: Codable, Equatable, Sendable {
        public var id: Int
        public var kind: NoteKind
        public var text: String
        public var t: Int
        public var rootCause: String?
        public var severity: String?
        public var owner: String?
        public var due: String?
        public var problem: Int?
        public var clientVisible: Bool?

        enum CodingKeys: String, CodingKey {
            case id, kind, text, t, severity, owner, due, problem
            case rootCause = "root_cause", clientVisible = "client_visible"
        }

        // Problems always carry both tags (null when untagged) and actions always carry
        // owner, due and problem, so readers can tell "untagged" from "not applicable".
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(text, forKey: .text)
            try c.encode(t, forKey: .t)
            if kind == .problem {
                try c.encode(rootCause, forKey: .rootCause)
                try c.encode(severity, forKey: .severity)
            }
            if kind == .action {
                try c.encode(owner, forKey: .owner)
                try c.encode(due, forKey: .due)
                try c.encode(problem, forKey: .problem)
            }
            try c.encodeIfPresent(clientVisible, forKey: .clientVisible)
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, sections
        case endedAt = "ended_at", pausedSeconds = "paused_seconds"
    }

    public init(state: MeetingState) {
        endedAt = state.endedAt
        let time = TimeAccount(state: state).seconds
        pausedSeconds = time.paused
        sections = state.agenda.sections.enumerated().map { index, section in
            Section(
                id: section.id, title: section.title, plannedMinutes: section.minutes,
                extraMinutes: state.sections[index].extraMinutes,
                elapsedSeconds: time.sections[index],
                items: state.visibleNotes(inSection: index).map(Item.init(note:))
            )
        }
    }
}

extension SessionSummary.Item {
    init(note: Note) {
        let isProblem = note.kind == .problem, isAction = note.kind == .action
        self.init(id: note.id, kind: note.kind, text: note.text, t: note.t,
                  rootCause: isProblem ? note.rootCause : nil, severity: isProblem ? note.severity : nil,
                  owner: isAction ? note.content.owner : nil, due: isAction ? note.content.due : nil,
                  problem: isAction ? note.problem : nil, clientVisible: note.clientVisible)
    }
}
