import Foundation

/// JSON Lines encoding shared by journals and session files.
public enum SessionCoding {
    public static func line(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own value types cannot fail; an empty object keeps the file parseable if it ever did.
        var data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Header, every event, and the summary of their fold: a whole session file. Lines of
    /// a newer Debrief (`foreign`) go back where they were among the events.
    public static func sessionFile(header: SessionHeader, events: [Event], foreign: [ForeignLine] = []) -> Data {
        var data = journal(header: header, events: events, foreign: foreign)
        let state = MeetingState.fold(agenda: header.agenda, events: events)
        data.append(SessionSummary(state: state).encodedLines())
        return data
    }

    /// Header and every event: a whole journal, as a rewrite from memory writes it.
    public static func journal(header: SessionHeader, events: [Event], foreign: [ForeignLine] = []) -> Data {
        var data = line(header)
        var pending = foreign[...]
        for (index, event) in events.enumerated() {
            var replaced = false
            while let next = pending.first, next.position <= index {
                // A line that stands for this very event is written instead of re-encoding it.
                if next.replacesEvent { replaced = replaced || next.position == index }
                if !next.replacesEvent || next.position == index {
                    data.append(next.line)
                    data.append(UInt8(ascii: "\n"))
                }
                pending = pending.dropFirst()
            }
            if !replaced { data.append(line(event)) }
        }
        for rest in pending where !rest.replacesEvent {
            data.append(rest.line)
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }
}
