#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// Lines of a type this build does not know, written by a newer Debrief: kept as they
    /// are and written back in place, so a resume with an older binary loses nothing.
    public var foreignLines: [ForeignLine] = []

    public var state: MeetingState { MeetingState.fold(agenda: header.agenda, events: events) }

    /// How far the meeting's clock is known to have run: its last event or alive mark.
    public var lastKnownTime: Int { max(events.lazy.map(\.t).max() ?? 0, lastAlive ?? 0) }
}

/// A line this build cannot interpret but must not lose: a JSON object whose `type` is not
/// one Debrief knows (an event of a later version), carried through untouched.
public struct ForeignLine: Equatable, Sendable {
    /// How many known events came before it: where it goes back when the file is rewritten.
    public var position: Int
    public var type: String
    /// The line as read, without its newline.
    public var line: Data
    /// The line is the known event at `position` with fields this build does not know: the
    /// event is used, and this line is written in its place.
    public var replacesEvent = false

    public init(position: Int, type: String, line: Data, replacesEvent: Bool = false) {
        self.position = position
        self.type = type
        self.line = line
        self.replacesEvent = replacesEvent
    }

    private struct TypeProbe: Decodable { var type: String }

    /// Every `type` this build reads; a line with another one is foreign, not damaged.
    static let knownTypes: Set<String> = Set(Event.TypeName.allCases.map(\.rawValue))
        .union(["header", "summary", AliveMark.typeName])

    static func unknownType(of line: Data, decoder: JSONDecoder) -> String? {
        guard let probe = try? decoder.decode(TypeProbe.self, from: line),
              !knownTypes.contains(probe.type) else { return nil }
        return probe.type
    }
}

public struct SessionReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

public enum SessionReader {
    /// Session files are JSON Lines of modest size; refuse what cannot be one (`Limits`).
    public static var maximumFileBytes: Int { Limits.sessionFileBytes }
    public static var maximumLineBytes: Int { Limits.lineBytes }

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
        let header = try header(in: lines, path: path)
        var events: [Event] = []
        var summaries: [SessionSummary] = []
        var foreign: [ForeignLine] = []
        var skipped: [Int] = []
        var oversized: [Int] = []
        var lastAlive: Int?
        var olderLongSummary = false
        let lastLine = lines.lastIndex { !$0.isEmpty }
        for (index, line) in SessionLine.decode(lines, lastLine: lastLine).enumerated() {
            let offset = index + 1
            switch line {
            case .empty:
                break
            case .event(let event, let foreignType):
                if let foreignType {
                    foreign.append(ForeignLine(position: events.count, type: foreignType, line: Data(lines[offset]), replacesEvent: true))
                }
                events.append(event)
            case .alive(let t):
                lastAlive = max(lastAlive ?? 0, t)
            case .summary(let final):
                summaries.append(final)
            case .foreign(let type):
                foreign.append(ForeignLine(position: events.count, type: type, line: Data(lines[offset])))
            case .olderLongSummary:
                olderLongSummary = true
            case .unreadable(let isOversized):
                skipped.append(offset + 1)
                if isOversized { oversized.append(offset + 1) }
            }
        }
        if summaries.isEmpty, olderLongSummary {
            summaries = [SessionSummary(state: MeetingState.fold(agenda: header.agenda, events: events))]
        }
        var record = SessionRecord(header: header, events: events, summary: SessionSummary.merged(summaries),
                                   skippedLines: skipped)
        record.foreignLines = foreign
        record.oversizedLines = oversized
        record.lastAlive = lastAlive
        let endsWithNewline = data.last == UInt8(ascii: "\n")
        record.hasTornLastLine = !endsWithNewline && skipped.last == lines.count
        record.completeLength = record.hasTornLastLine ? data.count - lines[lines.count - 1].count : data.count
        return record
    }

    private static func contents(of url: URL) throws(SessionReadError) -> Data {
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: url.path).fileSize) ?? 0
            if size > maximumFileBytes {
                throw SessionReadError(path: url.path, message: "too large to be a session file (\(Limits.size(size)))")
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
        guard let first = lines.first, first.count <= Limits.olderHeaderBytes,
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
