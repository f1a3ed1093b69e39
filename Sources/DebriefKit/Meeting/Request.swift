/// What a terminal asks of the meeting's one writer (the `MeetingRecorder`). The writer
/// turns each request into an event: it stamps the meeting time (never backwards) and, for
/// a new note, picks the id. A terminal never invents an id: after a resume, or with
/// several terminals typing at once, only the writer knows which ids are taken.
public enum Request: Equatable, Sendable {
    /// A new note; the writer gives it the next id.
    case addNote(section: String, content: NoteContent)
    /// A new row of a table; the writer gives it the next record id.
    case addRecord(table: RecordTable, fields: [String: FieldValue])
    /// Any other change, recorded as it is.
    case change(Change)
}
