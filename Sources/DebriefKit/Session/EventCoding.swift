/// One JSON object per event: `{"type": "...", "t": ms, ...fields}`. Field names are
/// snake_case, part of the session-file contract described in README.md.
extension Event: Codable {
    enum Key: String, CodingKey {
        case type, t, section, id, kind, text, owner, due, minutes, problem
        case rootCause = "root_cause", severity, clientVisible = "client_visible", learning
        case session, status, startedAt = "started_at", terminal
        case table, fields, field, value, sections
    }

    /// The on-disk names, pinned by Tests/Golden/session.debrief.jsonl and listed in README.md.
    enum TypeName: String, Codable, CaseIterable {
        case sectionStarted = "section_started", noteAdded = "note_added", noteEdited = "note_edited"
        case noteRemoved = "note_removed", noteRestored = "note_restored", noteTagged = "note_tagged"
        case noteLinked = "note_linked", noteVisibility = "note_visibility"
        case noteLearning = "note_learning", learningRewritten = "learning_rewritten"
        case clockPaused = "clock_paused", clockResumed = "clock_resumed"
        case sectionExtended = "section_extended", agendaRebalanced = "agenda_rebalanced", draftChanged = "draft", meetingEnded = "meeting_ended"
        case actionCarried = "action_carried", actionFollowedUp = "action_followed_up"
        case recordAdded = "record_added", recordEdited = "record_edited", recordRemoved = "record_removed"
        case recordRestored = "record_restored"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let fields = decoder.userInfo[UnknownFields.key] as? UnknownFields {
            // A field this build does not know: a newer Debrief wrote it (see ForeignLine).
            fields.found = try decoder.container(keyedBy: AnyKey.self).allKeys.contains { Key(stringValue: $0.stringValue) == nil }
        }
        let t = try c.decode(Int.self, forKey: .t)
        guard (0...Event.maximumTime).contains(t) else {
            throw DecodingError.dataCorruptedError(forKey: .t, in: c, debugDescription: "time out of range")
        }
        func id(_ key: Key) throws -> Int {
            let value = try c.decode(Int.self, forKey: key)
            guard (0...Event.maximumID).contains(value) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "id out of range")
            }
            return value
        }
        func content() throws -> NoteContent {
            NoteContent(kind: try c.decodeIfPresent(NoteKind.self, forKey: .kind) ?? .note,
                        text: try c.decode(String.self, forKey: .text),
                        owner: try c.decodeIfPresent(String.self, forKey: .owner),
                        due: try c.decodeIfPresent(String.self, forKey: .due))
        }
        let change: Change
        switch try c.decode(TypeName.self, forKey: .type) {
        case .sectionStarted: change = .sectionStarted(section: try c.decode(String.self, forKey: .section))
        case .noteAdded:
            change = .noteAdded(id: try id(.id),
                                section: try c.decode(String.self, forKey: .section), content: try content())
        case .noteEdited: change = .noteEdited(id: try id(.id), content: try content())
        case .noteRemoved: change = .noteRemoved(id: try id(.id))
        case .noteRestored: change = .noteRestored(id: try id(.id))
        case .noteTagged:
            change = .noteTagged(id: try id(.id),
                                 rootCause: try c.decodeIfPresent(String.self, forKey: .rootCause),
                                 severity: try c.decodeIfPresent(String.self, forKey: .severity))
        case .noteLinked:
            change = .noteLinked(id: try id(.id),
                                 problem: try c.decodeIfPresent(Int.self, forKey: .problem).map { _ in try id(.problem) })
        case .noteVisibility:
            change = .noteVisibility(id: try id(.id),
                                     clientVisible: try c.decode(Bool.self, forKey: .clientVisible))
        case .noteLearning:
            change = .noteLearning(id: try id(.id), learning: try c.decode(Bool.self, forKey: .learning))
        case .learningRewritten:
            change = .learningRewritten(id: try id(.id), text: try c.decode(String.self, forKey: .text))
        case .clockPaused: change = .clockPaused
        case .clockResumed: change = .clockResumed
        case .sectionExtended:
            change = .sectionExtended(section: try c.decode(String.self, forKey: .section),
                                      minutes: try c.decode(Int.self, forKey: .minutes))
        case .agendaRebalanced:
            change = .agendaRebalanced(try c.decode([SectionMinutes].self, forKey: .sections))
        case .draftChanged:
            change = .draftChanged(text: try c.decode(String.self, forKey: .text),
                                   section: try c.decodeIfPresent(String.self, forKey: .section),
                                   terminal: try c.decodeIfPresent(String.self, forKey: .terminal))
        case .meetingEnded: change = .meetingEnded
        case .actionCarried:
            change = .actionCarried(CarriedAction(
                key: ActionKey(session: try c.decode(String.self, forKey: .session), id: try id(.id)),
                text: try c.decode(String.self, forKey: .text),
                owner: try c.decodeIfPresent(String.self, forKey: .owner),
                due: try c.decodeIfPresent(String.self, forKey: .due),
                startedAt: try c.decodeIfPresent(String.self, forKey: .startedAt)))
        case .actionFollowedUp:
            change = .actionFollowedUp(action: ActionKey(session: try c.decode(String.self, forKey: .session), id: try id(.id)),
                                       status: try c.decode(FollowUpStatus.self, forKey: .status))
        case .recordAdded:
            change = .recordAdded(id: try id(.id), table: try c.decode(RecordTable.self, forKey: .table),
                                  fields: try c.decode([String: FieldValue].self, forKey: .fields))
        case .recordEdited:
            change = .recordEdited(id: try id(.id), field: try c.decode(String.self, forKey: .field),
                                   value: try c.decodeIfPresent(FieldValue.self, forKey: .value))
        case .recordRemoved: change = .recordRemoved(id: try id(.id))
        case .recordRestored: change = .recordRestored(id: try id(.id))
        }
        self.init(t: t, change)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        func put(_ content: NoteContent) throws {
            try c.encode(content.kind, forKey: .kind)
            try c.encode(content.text, forKey: .text)
            try c.encodeIfPresent(content.owner, forKey: .owner)
            try c.encodeIfPresent(content.due, forKey: .due)
        }
        switch change {
        case .sectionStarted(let section):
            try c.encode(TypeName.sectionStarted, forKey: .type)
            try c.encode(section, forKey: .section)
        case .noteAdded(let id, let section, let content):
            try c.encode(TypeName.noteAdded, forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(section, forKey: .section)
            try put(content)
        case .noteEdited(let id, let content):
            try c.encode(TypeName.noteEdited, forKey: .type)
            try c.encode(id, forKey: .id)
            try put(content)
        case .noteRemoved(let id):
            try c.encode(TypeName.noteRemoved, forKey: .type)
            try c.encode(id, forKey: .id)
        case .noteRestored(let id):
            try c.encode(TypeName.noteRestored, forKey: .type)
            try c.encode(id, forKey: .id)
        case .noteTagged(let id, let rootCause, let severity):
            try c.encode(TypeName.noteTagged, forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(rootCause, forKey: .rootCause)
            try c.encode(severity, forKey: .severity)
        case .noteLinked(let id, let problem):
            try c.encode(TypeName.noteLinked, forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(problem, forKey: .problem)
        case .noteVisibility(let id, let clientVisible):
            try c.encode(TypeName.noteVisibility, forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(clientVisible, forKey: .clientVisible)
        case .noteLearning(let id, let learning):
            try c.encode(TypeName.noteLearning, forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(learning, forKey: .learning)
        case .learningRewritten(let id, let text):
            try c.encode(TypeName.learningRewritten, forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(text, forKey: .text)
        case .clockPaused: try c.encode(TypeName.clockPaused, forKey: .type)
        case .clockResumed: try c.encode(TypeName.clockResumed, forKey: .type)
        case .sectionExtended(let section, let minutes):
            try c.encode(TypeName.sectionExtended, forKey: .type)
            try c.encode(section, forKey: .section)
            try c.encode(minutes, forKey: .minutes)
        case .agendaRebalanced(let plan):
            try c.encode(TypeName.agendaRebalanced, forKey: .type)
            try c.encode(plan, forKey: .sections)
        case .draftChanged(let text, let section, let terminal):
            try c.encode(TypeName.draftChanged, forKey: .type)
            try c.encode(text, forKey: .text)
            try c.encodeIfPresent(section, forKey: .section)
            try c.encodeIfPresent(terminal, forKey: .terminal)
        case .meetingEnded: try c.encode(TypeName.meetingEnded, forKey: .type)
        case .actionCarried(let action):
            try c.encode(TypeName.actionCarried, forKey: .type)
            try c.encode(action.key.session, forKey: .session)
            try c.encode(action.key.id, forKey: .id)
            try c.encode(action.text, forKey: .text)
            try c.encodeIfPresent(action.owner, forKey: .owner)
            try c.encodeIfPresent(action.due, forKey: .due)
            try c.encodeIfPresent(action.startedAt, forKey: .startedAt)
        case .actionFollowedUp(let key, let status):
            try c.encode(TypeName.actionFollowedUp, forKey: .type)
            try c.encode(key.session, forKey: .session)
            try c.encode(key.id, forKey: .id)
            try c.encode(status, forKey: .status)
        case .recordAdded(let id, let table, let fields):
            try c.encode(TypeName.recordAdded, forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(table, forKey: .table)
            try c.encode(fields, forKey: .fields)
        case .recordEdited(let id, let field, let value):
            try c.encode(TypeName.recordEdited, forKey: .type)
            try c.encode(id, forKey: .id)
            try c.encode(field, forKey: .field)
            // Written as null, not left out: "made missing" is what the event says.
            try c.encode(value, forKey: .value)
        case .recordRemoved(let id):
            try c.encode(TypeName.recordRemoved, forKey: .type)
            try c.encode(id, forKey: .id)
        case .recordRestored(let id):
            try c.encode(TypeName.recordRestored, forKey: .type)
            try c.encode(id, forKey: .id)
        }
        try c.encode(t, forKey: .t)
    }
}

/// Set by `Event.init(from:)` when the decoder's `userInfo` asks: whether the line held a
/// field this build does not know. Only the session reader asks; it keeps such lines whole.
final class UnknownFields: @unchecked Sendable {
    static let key = CodingUserInfoKey(rawValue: "debrief.unknownFields")!
    var found = false
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
