#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The meeting's append-only log: a header line, then one line per event, each written
/// and fsynced before the screen may show it as captured (the draft of typing that goes on,
/// never shown as captured, is written at once and fsynced at the pause).
///
/// One writer per journal: the open file holds an exclusive `flock`, released by the
/// kernel when the process dies (even by kill -9), so a crashed meeting can be resumed
/// at once while a live one cannot be opened twice.
public final class Journal {
    public let url: URL
    /// `url.path`, worked out once: every event's write, fsync and check name the file.
    private let path: String
    private var descriptor: Int32
    /// One encoder for every line appended that is not written directly (`EventLine`):
    /// making one per line cost more than the encoding. Made on first use: the lines a
    /// meeting writes most never need it.
    private lazy var encoder = SessionCoding.makeEncoder()

    /// Starts a new journal; fails if the file already exists, or if the header would be a
    /// line no reader accepts (then no file is created: a journal that cannot be read back
    /// would hold the meeting's notes where nobody can recover them).
    public init(creating url: URL, header: SessionHeader) throws(StorageError) {
        self.url = url
        path = url.path
        let line = HeaderLine.line(header) ?? SessionCoding.line(header)
        guard line.count <= Limits.lineBytes else {
            throw StorageError(path: url.path, action: "start", reason:
                "the meeting's details and agenda take \(Limits.size(line.count)) once saved; a journal line holds at most \(Limits.size(Limits.lineBytes)). Shorten the agenda or the title")
        }
        descriptor = try SecureFiles.createExclusive(url, append: true)
        do {
            try Self.lock(descriptor, path: url.path)
            // Not fsynced here: the meeting's first event, an instant later, is, and syncs
            // the header with it (one fsync at start instead of two); a header alone holds
            // no note to lose.
            try SecureFiles.writeAll(line, to: descriptor, path: url.path)
            try checkStillInPlace()
        } catch {
            close(descriptor)
            unlink(url.path)
            throw error
        }
    }

    /// Reopens the journal of an interrupted meeting for appending, taking its lock.
    /// Fails with `StorageError.inUse` while another Debrief has it open.
    public init(resuming url: URL) throws(StorageError) {
        self.url = url
        path = url.path
        descriptor = open(url.path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw StorageError(path: url.path, action: "open", code: errno) }
        do {
            try Self.lock(descriptor, path: url.path)
        } catch {
            close(descriptor)
            throw error
        }
        fchmod(descriptor, 0o600)
    }

    private init(url: URL, descriptor: Int32) {
        self.url = url
        path = url.path
        self.descriptor = descriptor
    }

    deinit {
        // The helper's fsync must end before its descriptor closes (or is reused).
        _ = pendingSync?.wait()
        if descriptor >= 0 { close(descriptor) }
    }

    /// Writes a complete journal (header and every event) from memory into a new file and
    /// renames it over `url`. This is how a journal recovers after a failed write: after a
    /// failed fsync Linux may have dropped the data while marking the pages clean, so a
    /// retried fsync proves nothing; a fresh file written from memory does.
    public static func rewrite(at url: URL, header: SessionHeader, events: [Event],
                               foreign: [ForeignLine] = []) throws(StorageError) -> Journal {
        let data = SessionCoding.journal(header: header, events: events, foreign: foreign)
        // Locked before it becomes visible under the journal's name.
        let descriptor = try SecureFiles.replace(url, with: data, append: true, beforeRename: lock)
        return Journal(url: url, descriptor: descriptor)
    }

    /// Whether a live Debrief holds this journal's lock right now.
    public static func isInUse(_ url: URL) -> Bool {
        let probe = open(url.path, O_RDONLY | O_CLOEXEC)
        guard probe >= 0 else { return false }
        defer { close(probe) }
        return flock(probe, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }

    /// Lines written but not yet known to be on disk: written without their fsync
    /// (`append(_:syncing: false)`; the next fsync, of whatever line, takes them with it),
    /// or in an fsync still running (`startSync()`).
    public var hasUnsyncedLines: Bool { linesAwaitingSync || pendingSync != nil }
    private var linesAwaitingSync = false
    /// The fsync `startSync()` left running; the next use of the file waits for it first.
    private var pendingSync: BackgroundSync?

    /// Appends an event. `syncing: false` leaves the fsync to the next synced line or `sync()`:
    /// the line is then safe from the process dying (the kernel holds it) but not yet from
    /// the machine losing power. For the draft while typing goes on, whose fsync would
    /// otherwise delay the next key.
    public func append(_ event: Event, syncing: Bool = true) throws(StorageError) {
        try finishPendingSync()
        let line = EventLine.line(event) ?? SessionCoding.line(event, encoder: encoder)
        try SecureFiles.writeAll(line, to: descriptor, path: path)
        if syncing {
            try sync()
        } else {
            linesAwaitingSync = true
        }
        try checkStillInPlace()
    }

    /// Flushes every line written so far to the disk.
    public func sync() throws(StorageError) {
        if pendingSync != nil {
            try finishPendingSync()
            if !linesAwaitingSync { return }
        }
        try SecureFiles.sync(descriptor, path: path)
        linesAwaitingSync = false
    }

    /// Starts flushing the lines written so far on a helper thread and returns at once;
    /// `sync()` (or any later write) waits for it and reports its failure. Without a
    /// thread to be had, flushes here.
    public func startSync() throws(StorageError) {
        guard linesAwaitingSync, pendingSync == nil else { return }
        guard let started = BackgroundSync.start(descriptor: descriptor) else { return try sync() }
        pendingSync = started
        // Lines written from now on are not in this fsync: `append` waits for it first.
        linesAwaitingSync = false
    }

    /// Waits for the fsync `startSync()` left running; its failure is this write's.
    private func finishPendingSync() throws(StorageError) {
        guard let pending = pendingSync else { return }
        pendingSync = nil
        let code = pending.wait()
        if code != 0 {
            linesAwaitingSync = true
            throw StorageError(path: path, action: "flush to disk", code: code)
        }
    }

    /// Notes that the meeting is still running at `t`. Not fsynced: it guards against the
    /// process dying, which leaves written data in the kernel's hands, and must stay cheap.
    public func markAlive(at t: Int) throws(StorageError) {
        try finishPendingSync()
        try SecureFiles.writeAll(AliveMark(t: t).line, to: descriptor, path: path)
    }

    /// Makes the file end on a complete line before appending to it again: a torn last
    /// line (the process died mid-write) is cut off at `validLength`; a complete last
    /// line that lacks only its newline gets one.
    public func repairTail(validLength: Int, needsNewline: Bool) throws(StorageError) {
        try finishPendingSync()
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw StorageError(path: path, action: "read", code: errno) }
        if Int(status.st_size) > validLength, ftruncate(descriptor, off_t(validLength)) != 0 {
            throw StorageError(path: path, action: "repair", code: errno)
        }
        if needsNewline { try SecureFiles.writeAll(Data([UInt8(ascii: "\n")]), to: descriptor, path: path) }
        try sync()
    }

    /// Writes to an open file succeed even after its folder was deleted or replaced; the
    /// data would then be lost on close. Check the name still leads to our file.
    private func checkStillInPlace() throws(StorageError) {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, stat(path, &named) == 0,
              open.st_ino == named.st_ino, open.st_dev == named.st_dev else {
            throw StorageError(path: path, action: "keep", reason: "the file or its folder was removed or replaced")
        }
    }

    /// A lock can outlive its holder by a moment: a child forked by the holder's process
    /// shares the open file until it execs. A short wait tells that apart from a live meeting.
    private static func lock(_ descriptor: Int32, path: String) throws(StorageError) {
        for attempt in 0..<10 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
            guard errno == EWOULDBLOCK else { throw StorageError(path: path, action: "lock", code: errno) }
            if attempt < 9 { usleep(20_000) }
        }
        throw StorageError.inUse(path)
    }

    /// Closes and deletes the journal once the session file holds everything.
    public func retire() {
        _ = pendingSync?.wait()
        pendingSync = nil
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    /// Lets go of the file (and its lock) without deleting it: the meeting can be resumed.
    /// Lines written without their fsync are fsynced first (a failure changes nothing now:
    /// they are in the kernel's hands either way).
    public func release() {
        if hasUnsyncedLines { try? sync() }
        close(descriptor)
        descriptor = -1
    }
}

extension StorageError {
    /// Another live Debrief holds the journal's lock.
    public static func inUse(_ path: String) -> StorageError {
        StorageError(path: path, action: "open", reason: "another Debrief has this meeting open right now")
    }

    public var isInUse: Bool { self == .inUse(path) }
}
