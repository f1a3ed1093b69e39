import DebriefKit

/// The note input holds at most `Limits.noteBytes`: what the screen reports as saved must
/// fit in one journal line, so the limit is enforced here, where text comes in, never by
/// dropping a line later. A paste too long is cut to fit, and the message says how much
/// was dropped; a note (or edit) over the limit is not saved, and says why.
extension AppModel {
    /// Inserts typed or pasted text, as much of it as the note has room for.
    mutating func insertWithinNoteLimit(_ text: String, pasted: Bool) {
        let room = Limits.noteBytes - editor.text.utf8.count
        let kept = Limits.prefix(of: text, fittingIn: max(0, room))
        if !kept.isEmpty { editor.insert(String(kept)) }
        let dropped = text.utf8.count - kept.utf8.count
        guard dropped > 0 else { return }
        let limit = Limits.size(Limits.noteBytes)
        message = pasted
            ? "Paste cut to \(Limits.size(kept.utf8.count)), a note holds \(limit): \(Limits.size(dropped)) dropped"
            : "Note full (\(limit) at most): Enter saves it, then go on in a new note"
    }

    /// Nil when the input may be saved; else the message that says why not.
    var noteLimitProblem: String? {
        if editingNoteID == nil, meeting.nextNoteID > Limits.maximumID {
            // Only a damaged or hand-made journal gets here; a reader would refuse the id.
            return "Not saved: this meeting's note numbers are used up (a file holds ids up to \(Limits.maximumID)). Clear the input to end the meeting."
        }
        let bytes = editor.text.utf8.count
        guard bytes > Limits.noteBytes else { return nil }
        return "Not saved: the note is \(Limits.size(bytes)), a note holds at most \(Limits.size(Limits.noteBytes)). Shorten it, or split it into several notes."
    }
}
