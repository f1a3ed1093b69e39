#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A journal left in the sessions folder by a meeting that did not end: the program was
/// killed, the terminal closed, the machine slept, or the note-taker chose to stop.
public struct InterruptedMeeting: Sendable {
    public var journal: URL
    /// `<date>-<slug>`: the name `debrief resume` accepts.
    public var baseName: String
    /// When the journal was last written.
    public var lastSaved: Date
    /// Another Debrief has it open right now (it holds the lock).
    public var isInUse: Bool
    /// The journal read back, or why it could not be.
    public var record: Result<SessionRecord, SessionReadError>
    /// The journal's size when it was read (before reading: a later write makes it differ).
    public var fileSize: Int?

    public var noteCount: Int {
        (try? record.get().state.visibleNotes.count) ?? 0
    }

    public var title: String {
        (try? record.get().header.meeting.title) ?? baseName
    }
}
