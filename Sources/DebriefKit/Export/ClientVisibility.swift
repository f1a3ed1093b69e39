/// What may leave the agency. The client-facing export reads notes only through this
/// policy, so the rule lives in one place and a property test can hold it to account.
///
/// - Kinds: problems, wins and actions are shared by default; plain notes and questions
///   are internal by default (raw discussion). A note marked client-visible or internal
///   during capture overrides its kind's default. Removed notes are never shared.
/// - Fields that are always internal: root causes, severities, capture times, the
///   facilitator and note-taker, the section a note was taken in, and every
///   earlier version of an edited note. Action owners are internal unless the export
///   is asked to name them (`--with-owners`).
public enum ClientVisibility {
    public static let sharedByDefault: Set<NoteKind> = [.problem, .win, .action]

    public static func isShared(_ note: Note) -> Bool {
        !note.isRemoved && (note.clientVisible ?? sharedByDefault.contains(note.kind))
    }

    /// The notes of a kind the client may see, in capture order.
    public static func shared(_ kind: NoteKind, in state: MeetingState) -> [Note] {
        state.notes.filter { $0.kind == kind && isShared($0) }
    }
}
