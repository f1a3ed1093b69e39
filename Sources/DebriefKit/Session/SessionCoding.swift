#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// JSON Lines encoding shared by journals and session files.
public enum SessionCoding {
    public static func line(_ value: some Encodable) -> Data {
        line(value, encoder: makeEncoder())
    }

    /// Header, every event, and the summary of their fold: a whole session file.
    public static func sessionFile(header: SessionHeader, events: [Event], foreign: [ForeignLine] = []) -> Data {
        var data = Data()
        for line in sessionLines(header: header, events: events, foreign: foreign) { data.append(line) }
        return data
    }

    /// Header and every event: a whole journal, as a rewrite from memory writes it.
    public static func journal(header: SessionHeader, events: [Event], foreign: [ForeignLine] = []) -> Data {
        var data = Data()
        for line in journalLines(header: header, events: events, foreign: foreign) { data.append(line) }
        return data
    }

    /// The lines of a session file, encoded as they are asked for, so a large meeting is
    /// written to disk without a second copy of it in memory. The summary (split in parts
    /// when long, see `SessionSummary.encodedLines`) comes last; `state` is the fold of
    /// `events` when the caller has it already.
    public static func sessionLines(header: SessionHeader, events: [Event], foreign: [ForeignLine] = [],
                                    state: MeetingState? = nil) -> some Sequence<Data> {
        let summary = CollectionOfOne(()).lazy.map { _ in
            SessionSummary(state: state ?? MeetingState.fold(agenda: header.agenda, events: events)).encodedLines()
        }
        return [AnySequence(journalLines(header: header, events: events, foreign: foreign)), AnySequence(summary)].joined()
    }

    /// Header and events, one part per event; one encoder serves every line (making one per
    /// line cost more than the encoding itself). Lines of a newer Debrief (`foreign`) go
    /// back where they were among the events; one that stands for an event replaces it.
    public static func journalLines(header: SessionHeader, events: [Event], foreign: [ForeignLine] = []) -> some Sequence<Data> {
        let encoder = makeEncoder()
        return sequence(state: (index: -1, pending: foreign[...])) { state -> Data? in
            defer { state.index += 1 }
            let index = state.index
            if index < 0 { return HeaderLine.line(header) ?? line(header, encoder: encoder) }
            var data = Data()
            guard index < events.count else {
                guard index == events.count else { return nil }
                for rest in state.pending where !rest.replacesEvent { append(rest, to: &data) }
                return data
            }
            var replaced = false
            while let next = state.pending.first, next.position <= index {
                if next.replacesEvent { replaced = replaced || next.position == index }
                if !next.replacesEvent || next.position == index { append(next, to: &data) }
                state.pending = state.pending.dropFirst()
            }
            if !replaced { data.append(line(events[index], encoder: encoder)) }
            return data
        }
    }

    private static func append(_ foreign: ForeignLine, to data: inout Data) {
        data.append(foreign.line)
        data.append(UInt8(ascii: "\n"))
    }

    /// The encoder of every line: keys sorted, so a file's bytes depend on its content alone.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func line(_ value: some Encodable, encoder: JSONEncoder) -> Data {
        // Encoding our own value types cannot fail; an empty object keeps the file parseable if it ever did.
        var data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
