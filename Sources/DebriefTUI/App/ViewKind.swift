/// What one terminal shows of the live meeting. Chosen per terminal (`--view`), so the
/// projector in the room and the note-taker's console can differ.
public enum ViewKind: String, CaseIterable, Sendable {
    /// The note-taker's console: the section, its prompts, the notes and the input.
    case notes
    /// The room's view: big countdown, short prompts, newest notes, no editor chrome.
    case projector
}
