import Foundation

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

extension SessionStore {
    /// Every journal in the folder, newest first.
    public func interruptedMeetings() -> [InterruptedMeeting] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(Self.journalSuffix) && !$0.hasPrefix(".") }
            .compactMap { interruptedMeeting(base: String($0.dropLast(Self.journalSuffix.count))) }
            .sorted { $0.lastSaved > $1.lastSaved }
    }

    public func interruptedMeeting(base: String) -> InterruptedMeeting? {
        let url = journalURL(base: base)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        let record: Result<SessionRecord, SessionReadError>
        do {
            record = .success(try SessionReader.read(url))
        } catch {
            record = .failure(error)
        }
        return InterruptedMeeting(journal: url, baseName: base,
                                  lastSaved: attributes[.modificationDate] as? Date ?? .distantPast,
                                  isInUse: Journal.isInUse(url), record: record,
                                  fileSize: attributes[.size] as? Int)
    }
}

/// What resuming found in a journal, worded for the person who resumes.
public enum ResumeReport {
    public static func messages(for record: SessionRecord) -> [String] {
        var messages: [String] = []
        if record.hasTornLastLine {
            messages.append("The last line of the journal was cut off when Debrief stopped mid-write; it was dropped, everything before it is kept.")
        }
        let damaged = record.hasTornLastLine ? Array(record.skippedLines.dropLast()) : record.skippedLines
        if !record.oversizedLines.isEmpty {
            let lines = record.oversizedLines.prefix(10).map(String.init).joined(separator: ", ")
            messages.append("Journal line\(record.oversizedLines.count == 1 ? "" : "s") \(lines) \(record.oversizedLines.count == 1 ? "is" : "are") longer than 1 MB, more than any note; skipped.")
        }
        if !damaged.isEmpty {
            let shown = damaged.prefix(10).map(String.init).joined(separator: ", ")
            let more = damaged.count > 10 ? " and \(damaged.count - 10) more" : ""
            messages.append("Skipped unreadable journal line\(damaged.count == 1 ? "" : "s") \(shown)\(more); every other event is kept.")
        }
        return messages
    }
}
