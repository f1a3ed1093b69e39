import Foundation

/// Keeps a meeting's events: in memory always, and in the journal on disk as each one
/// happens. If the disk fails, the meeting goes on in memory and the failure is reported;
/// the session file at the end is written from memory, so nothing captured is lost.
public final class MeetingRecorder {
    public let header: SessionHeader
    public let store: SessionStore
    public let baseName: String
    public private(set) var events: [Event] = []
    private var journal: Journal?

    public init(header: SessionHeader, store: SessionStore, baseName: String, journal: Journal?) {
        self.header = header
        self.store = store
        self.baseName = baseName
        self.journal = journal
    }

    /// Starts a meeting: a new journal in the store's folder.
    public static func start(header: SessionHeader, store: SessionStore, date: Date) throws(StorageError) -> MeetingRecorder {
        // Name files after what the meeting is about, so a folder of sessions reads well.
        let meeting = header.meeting
        let about = [meeting.client, meeting.campaign].compactMap { $0 }.filter { !$0.isEmpty }
        let base = store.newBaseName(title: about.isEmpty ? meeting.title : about.joined(separator: " "), date: date)
        let journal = try store.startJournal(header: header, base: base)
        return MeetingRecorder(header: header, store: store, baseName: base, journal: journal)
    }

    public var journalURL: URL { store.journalURL(base: baseName) }

    /// Records an event; times never run backwards. Returns the disk error, if any,
    /// after keeping the event in memory.
    @discardableResult
    public func record(_ event: Event) -> StorageError? {
        var event = event
        event.t = max(event.t, events.last?.t ?? 0)
        events.append(event)
        do {
            try journal?.append(event)
            return nil
        } catch {
            return error
        }
    }

    /// Writes the session file and brief, then retires the journal.
    public func finish() throws(StorageError) -> (session: URL, brief: URL) {
        let result = try store.finish(base: baseName, header: header, events: events, journal: journal)
        journal = nil
        return result
    }
}
