import Foundation

/// JSON Lines encoding shared by journals and session files.
public enum SessionCoding {
    public static func line(_ value: some Encodable) -> Data {
        line(value, encoder: makeEncoder())
    }

    /// Header, every event, and the summary of their fold: a whole session file.
    public static func sessionFile(header: SessionHeader, events: [Event]) -> Data {
        var data = Data()
        for line in sessionLines(header: header, events: events) { data.append(line) }
        return data
    }

    /// The lines of a session file, encoded one at a time as they are asked for, so a
    /// large meeting is written to disk without a second copy of it in memory; one encoder
    /// serves every line (making one per line cost more than the encoding itself).
    /// `state` is the fold of `events` when the caller has it already.
    public static func sessionLines(header: SessionHeader, events: [Event],
                                    state: MeetingState? = nil) -> some Sequence<Data> {
        let encoder = makeEncoder()
        return sequence(state: -1) { (index: inout Int) -> Data? in
            defer { index += 1 }
            if index < 0 { return line(header, encoder: encoder) }
            if index < events.count { return line(events[index], encoder: encoder) }
            guard index == events.count else { return nil }
            let state = state ?? MeetingState.fold(agenda: header.agenda, events: events)
            return line(SessionSummary(state: state), encoder: encoder)
        }
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func line(_ value: some Encodable, encoder: JSONEncoder) -> Data {
        // Encoding our own value types cannot fail; an empty object keeps the file parseable if it ever did.
        var data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
