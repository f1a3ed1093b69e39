#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// An interrupted meeting, reopened: its journal locked and repaired, every readable event
/// back in memory, and the meeting time to continue the clock from.
public struct ResumedMeeting {
    public let recorder: MeetingRecorder
    public let state: MeetingState
    /// What was found and dropped, for the person resuming.
    public let messages: [String]
    /// Meeting time (ms) at which the clock continues.
    public let clockOffset: Int

    /// - Parameter countDowntime: false (the default) treats the time Debrief was down as
    ///   paused; true lets the meeting clock run through it, measured from the journal's
    ///   last write.
    public static func open(_ meeting: InterruptedMeeting, store: SessionStore, countDowntime: Bool,
                            now: Date = Date()) throws(ResumeError) -> ResumedMeeting {
        // Lock first, read second: nobody can append between our read and our first write.
        let journal: Journal
        do {
            journal = try Journal(resuming: meeting.journal)
        } catch {
            if error.isInUse {
                throw ResumeError("'\(VisibleText.line(meeting.baseName))' is open in another Debrief right now. Switch to that terminal, or end it there first.")
            }
            throw ResumeError(PlainError.message(error))
        }
        store.removeLeftoverTemporaries(base: meeting.baseName)
        let record: SessionRecord
        do {
            // Read again unless the journal is exactly as it was when listed: reading a
            // 100,000-note journal twice cost a second and kept two copies in memory.
            if case .success(let listed) = meeting.record, isUnchanged(meeting) {
                record = listed
            } else {
                record = try SessionReader.read(meeting.journal)
            }
            try journal.repairTail(validLength: record.completeLength,
                                   needsNewline: !record.hasTornLastLine && record.completeLength > 0
                                       && !endsWithNewline(meeting.journal))
        } catch let error as SessionReadError {
            throw ResumeError("cannot resume: \(PlainError.message(error))")
        } catch {
            throw ResumeError("cannot resume: \(PlainError.message(error))")
        }
        let recorder = MeetingRecorder(header: record.header, store: store, baseName: meeting.baseName,
                                       journal: journal, events: record.events, foreignLines: record.foreignLines)
        var messages = ResumeReport.messages(for: record)
        var offset = record.lastKnownTime
        if countDowntime {
            let down = max(0, now.timeIntervalSince(meeting.lastSaved))
            let (clock, clamped) = clockAfterDowntime(from: offset, seconds: down, timeScale: record.header.meeting.timeScale)
            offset = clock
            if clamped {
                messages.append("Counting the downtime would run the meeting clock past \(Limits.maximumTime / 3_600_000) hours, more than a meeting file can hold; the clock continues from there instead.")
            }
        }
        return ResumedMeeting(recorder: recorder, state: record.state, messages: messages, clockOffset: offset)
    }

    /// The meeting time after `seconds` of downtime counted at `timeScale`, kept within
    /// `Limits.maximumTime` (computed in floating point: months at a high scale must not
    /// overflow an Int). Returns whether it had to be cut.
    static func clockAfterDowntime(from offset: Int, seconds: Double, timeScale: Double) -> (Int, Bool) {
        let added = seconds * 1000 * max(0.001, timeScale)
        let limit = Double(Limits.maximumTime)
        let total = Double(offset) + added
        guard total.isFinite, total <= limit else { return (Limits.maximumTime, true) }
        return (Int(total), false)
    }

    private static func isUnchanged(_ meeting: InterruptedMeeting) -> Bool {
        guard let size = meeting.fileSize,
              let now = try? FileManager.default.attributesOfItem(atPath: meeting.journal.path) else { return false }
        return now.fileSize == size && now[.modificationDate] as? Date == meeting.lastSaved
    }

    private static func endsWithNewline(_ url: URL) -> Bool {
        SecureFiles.lastByte(of: url.path).map { $0 == UInt8(ascii: "\n") } ?? true
    }
}

public struct ResumeError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
