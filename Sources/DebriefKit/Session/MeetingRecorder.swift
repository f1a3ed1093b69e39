#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Keeps a meeting's events: in memory always, and in the journal on disk as each one
/// happens. If the disk fails, the meeting goes on in memory and the failure is reported;
/// `retry()` then writes a fresh journal from memory, and the session file at the end is
/// written from memory too, so nothing captured is lost.
public final class MeetingRecorder {
    public let header: SessionHeader
    public private(set) var store: SessionStore
    public let baseName: String
    public private(set) var events: [Event] = []
    /// The highest note id in any event so far (0 before the first note). New notes get the
    /// next one: ids from a journal may be out of order (1, 3, 2), so the last is not enough.
    public private(set) var highestNoteID = 0
    /// The same for records (their ids are a series of their own).
    public private(set) var highestRecordID = 0
    /// Lines of a newer Debrief found when resuming: written back untouched, in place.
    public let foreignLines: [ForeignLine]
    private var journal: Journal?
    /// A journal that failed a write: never written again, but kept open so its lock keeps
    /// other processes away until a rewrite replaces it or the meeting is saved.
    private var failedJournal: Journal?
    /// The last write failure, until a retry succeeds; nil while every event is on disk.
    public private(set) var failure: StorageError?

    public init(header: SessionHeader, store: SessionStore, baseName: String, journal: Journal?, events: [Event] = [],
                foreignLines: [ForeignLine] = []) {
        self.foreignLines = foreignLines
        self.header = header
        self.store = store
        self.baseName = baseName
        self.journal = journal
        self.events = events
        highestNoteID = events.reduce(0) { max($0, Self.addedNoteID($1) ?? 0) }
        highestRecordID = events.reduce(0) { max($0, Self.addedRecordID($1) ?? 0) }
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

    /// Whether every recorded event is known to be on disk.
    public var isSaved: Bool { failure == nil && journal != nil }

    /// Turns a request into an event and records it: the writer stamps the time (`now`, or
    /// the last event's time if that is later: meeting time never runs backwards) and gives
    /// a new note the next free id. Returns the event as recorded; `failure` says whether it
    /// reached the disk. `syncing: false` leaves its fsync for later (see `Journal.append`).
    @discardableResult
    public func record(_ request: Request, at now: Int, syncing: Bool = true) -> Event {
        switch request {
        case .addNote(let section, let content):
            record(Event(t: now, .noteAdded(id: highestNoteID + 1, section: section, content: content)), syncing: syncing)
        case .addRecord(let table, let fields):
            record(Event(t: now, .recordAdded(id: highestRecordID + 1, table: table, fields: fields)), syncing: syncing)
        case .change(let change):
            record(Event(t: now, change), syncing: syncing)
        }
        return events[events.count - 1]
    }

    /// Records an event; times never run backwards, nor past `Limits.maximumTime` (a reader
    /// would refuse them), and a draft is cut to `Limits.noteBytes`. Returns the disk
    /// error, if any, after keeping the event in memory.
    @discardableResult
    public func record(_ event: Event, syncing: Bool = true) -> StorageError? {
        var event = event
        event.t = Self.time(max(event.t, events.last?.t ?? 0))
        if case .draftChanged(let text, let section, let terminal) = event.change, text.utf8.count > Limits.noteBytes {
            let cut = String(Limits.prefix(of: text, fittingIn: Limits.noteBytes))
            // The input still differs from the journalled draft, so the loop asks again at
            // every pause: the same cut draft once is enough.
            if case .draftChanged(let last, _, terminal)? = events.last?.change, last == cut { return failure }
            event.change = .draftChanged(text: cut, section: section, terminal: terminal)
        }
        event.change = Self.boundingRecordText(event.change)
        events.append(event)
        if let id = Self.addedNoteID(event) { highestNoteID = max(highestNoteID, id) }
        if let id = Self.addedRecordID(event) { highestRecordID = max(highestRecordID, id) }
        return write { journal throws(StorageError) in try journal.append(event, syncing: syncing) }
    }

    /// Whether an event was written without its fsync and waits for one (`sync()`).
    public var hasUnsyncedEvents: Bool { journal?.hasUnsyncedLines ?? false }

    /// Takes events written without their fsync to the disk. A failed fsync is a failed
    /// write (`failure`): the journal is rewritten from memory by `retry()`.
    public func sync() {
        guard hasUnsyncedEvents else { return }
        write { journal throws(StorageError) in try journal.sync() }
    }

    /// Starts taking events written without their fsync to the disk on a helper thread and
    /// returns at once; the next `sync()` or write waits for it (a failure is then a failed
    /// write). A meeting's start overlaps its first fsync with setting up the terminal.
    public func startSync() {
        guard hasUnsyncedEvents else { return }
        write { journal throws(StorageError) in try journal.startSync() }
    }

    private static func addedNoteID(_ event: Event) -> Int? {
        if case .noteAdded(let id, _, _) = event.change { id } else { nil }
    }

    /// A record's text fields are cut to `Limits.dataCellBytes`, so a record's line always
    /// fits what a reader accepts (typed cells are bounded at the input, imported ones on import).
    private static func boundingRecordText(_ change: Change) -> Change {
        func cut(_ value: FieldValue) -> FieldValue {
            guard case .text(let text) = value, text.utf8.count > Limits.dataCellBytes else { return value }
            return .text(String(Limits.prefix(of: text, fittingIn: Limits.dataCellBytes)))
        }
        switch change {
        case .recordAdded(let id, let table, let fields): return .recordAdded(id: id, table: table, fields: fields.mapValues(cut))
        case .recordEdited(let id, let field, let value): return .recordEdited(id: id, field: field, value: value.map(cut))
        default: return change
        }
    }

    private static func addedRecordID(_ event: Event) -> Int? {
        if case .recordAdded(let id, _, _) = event.change { id } else { nil }
    }

    /// Notes in the journal that the meeting is still running at `t`, so that a resume
    /// continues the clock from there. Kept out of `events` and out of the session file.
    @discardableResult
    public func markAlive(at t: Int) -> StorageError? {
        let t = Self.time(max(t, events.last?.t ?? 0))
        return write { journal throws(StorageError) in try journal.markAlive(at: t) }
    }

    private static func time(_ t: Int) -> Int { min(max(0, t), Limits.maximumTime) }

    @discardableResult
    private func write(_ body: (Journal) throws(StorageError) -> Void) -> StorageError? {
        guard failure == nil, let journal else { return failure }
        do {
            try body(journal)
            return nil
        } catch {
            // Never append to this file again: what it holds after a failed write is unknown.
            failedJournal = journal
            self.journal = nil
            failure = error
            return error
        }
    }

    /// After a failure: writes a complete new journal from memory. Returns the failure
    /// that remains, nil once everything is on disk again. Meant to be called about once a
    /// second while writes fail: it usually fails fast (no folder, no space).
    @discardableResult
    public func retry() -> StorageError? {
        guard failure != nil else { return nil }
        do {
            try SecureFiles.makeFolder(store.folder)
            journal = try Journal.rewrite(at: journalURL, header: header, events: events, foreign: foreignLines)
            if failedJournal?.url == journalURL { failedJournal = nil }
            failure = nil
        } catch {
            failure = error
        }
        return failure
    }

    /// Moves the meeting to another sessions folder (when the first one keeps failing).
    /// Call `retry()` (or `finish()`) next to write there.
    public func move(to folder: URL) {
        if let journal { failedJournal = journal }
        journal = nil
        store = SessionStore(folder: folder)
        failure = StorageError(path: folder.path, action: "use", reason: "not written yet")
    }

    /// Writes the session file and brief, then retires the journal.
    public func finish() throws(StorageError) -> (session: URL, brief: URL) {
        let result = try store.finish(base: baseName, header: header, events: events, foreign: foreignLines, journal: journal)
        journal = nil
        // Everything is in the session file now; a journal left in a failed folder is obsolete.
        failedJournal?.retire()
        failedJournal = nil
        return result
    }

    /// Leaves the meeting to be resumed later: the journal stays, its lock is released.
    public func leave() {
        journal?.release()
        journal = nil
        // After a move to another folder that worked, the old partial journal would offer
        // a second, incomplete copy of the meeting to `debrief resume`: remove it.
        if failure == nil, let failedJournal, failedJournal.url != journalURL {
            failedJournal.retire()
        } else {
            failedJournal?.release()
        }
        failedJournal = nil
    }
}
