import Foundation

/// A journal or session file read back: what could be read, and what could not.
public struct SessionRecord: Sendable {
    public var header: SessionHeader
    public var events: [Event]
    /// Present in a finished session file; absent in a journal of an interrupted meeting.
    public var summary: SessionSummary?
    /// 1-based line numbers that were unreadable and skipped.
    public var skippedLines: [Int]
    /// Those of `skippedLines` that were longer than `SessionReader.maximumLineBytes`.
    public var oversizedLines: [Int] = []
    /// The file did not end with a newline and its last line could not be read: the
    /// process stopped mid-write. That line is among `skippedLines`.
    public var hasTornLastLine = false
    /// Bytes up to the end of the last complete line (what a resumed journal keeps).
    public var completeLength = 0
    /// A journal's latest alive mark: the meeting was still running at this time.
    public var lastAlive: Int?

    public var state: MeetingState { MeetingState.fold(agenda: header.agenda, events: events) }

    /// How far the meeting's clock is known to have run: its last event or alive mark.
    public var lastKnownTime: Int { max(events.lazy.map(\.t).max() ?? 0, lastAlive ?? 0) }
}

public struct SessionReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

public enum SessionReader {
    /// Session files are JSON Lines of modest size; refuse what cannot be one.
    public static let maximumFileBytes = 512 * 1_000_000
    public static let maximumLineBytes = 1_000_000

    public static func read(_ url: URL) throws(SessionReadError) -> SessionRecord {
        try parse(try contents(of: url), path: url.path)
    }

    /// The header and the last line, the events between left undecoded: in a finished
    /// session the last line is the summary, all that a listing of many sessions needs.
    public static func readHeaderAndLastLine(_ url: URL) throws(SessionReadError) -> (SessionHeader, Data?) {
        let lines = JSONLines.lines(in: try contents(of: url))
        let header = try header(in: lines, path: url.path)
        let last = lines.dropFirst().last { !$0.isEmpty }
        return (header, last.flatMap { $0.count <= maximumLineBytes ? Data($0) : nil })
    }

    public static func parse(_ data: Data, path: String) throws(SessionReadError) -> SessionRecord {
        let lines = JSONLines.lines(in: data)
        let decoder = JSONDecoder()
        let header = try header(in: lines, path: path)
        var events: [Event] = []
        var summary: SessionSummary?
        var skipped: [Int] = []
        var oversized: [Int] = []
        var lastAlive: Int?
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let bytes = Data(line)
            if line.count <= maximumLineBytes, let event = try? decoder.decode(Event.self, from: bytes) {
                events.append(event)
            } else if line.count <= maximumLineBytes, let mark = try? decoder.decode(AliveMark.self, from: bytes),
                      mark.type == AliveMark.typeName, (0...Event.maximumTime).contains(mark.t) {
                lastAlive = max(lastAlive ?? 0, mark.t)
            } else if line.count <= maximumLineBytes, let final = try? decoder.decode(SessionSummary.self, from: bytes), final.type == "summary" {
                summary = final
            } else {
                skipped.append(offset + 1)
                if line.count > maximumLineBytes { oversized.append(offset + 1) }
            }
        }
        var record = SessionRecord(header: header, events: events, summary: summary, skippedLines: skipped)
        record.oversizedLines = oversized
        record.lastAlive = lastAlive
        let endsWithNewline = data.last == UInt8(ascii: "\n")
        record.hasTornLastLine = !endsWithNewline && skipped.last == lines.count
        record.completeLength = record.hasTornLastLine ? data.count - lines[lines.count - 1].count : data.count
        return record
    }

    private static func contents(of url: URL) throws(SessionReadError) -> Data {
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            if size > maximumFileBytes {
                throw SessionReadError(path: url.path, message: "too large to be a session file (\(size / 1_000_000) MB)")
            }
            return try Data(contentsOf: url)
        } catch let error as SessionReadError {
            throw error
        } catch {
            throw SessionReadError(path: url.path, message: "cannot read: \(PlainError.reading(error, path: url.path))")
        }
    }

    /// The first line, checked: a Debrief session header of a version this build reads.
    private static func header(in lines: [Data], path: String) throws(SessionReadError) -> SessionHeader {
        guard let first = lines.first, first.count <= maximumLineBytes,
              let header = try? JSONDecoder().decode(SessionHeader.self, from: Data(first)) else {
            throw SessionReadError(path: path, message: "not a Debrief session (the first line is not a session header)")
        }
        guard header.format == SessionHeader.formatName else {
            throw SessionReadError(path: path, message: "not a Debrief session (format '\(header.format)')")
        }
        guard header.version == SessionHeader.currentVersion else {
            throw SessionReadError(path: path, message: "session format version \(header.version) is not supported; this Debrief reads version \(SessionHeader.currentVersion)")
        }
        if let damage = header.damage {
            throw SessionReadError(path: path, message: "the session header is damaged: \(VisibleText.line(damage))")
        }
        return header
    }
}
