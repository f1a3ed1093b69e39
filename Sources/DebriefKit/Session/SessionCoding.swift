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

    /// Header, every event, and the summary of their fold: a whole session file.
    public static func sessionFile(header: SessionHeader, events: [Event]) -> Data {
        var data = line(header)
        for event in events { data.append(line(event)) }
        let state = MeetingState.fold(agenda: header.agenda, events: events)
        data.append(line(SessionSummary(state: state)))
        return data
    }
}
