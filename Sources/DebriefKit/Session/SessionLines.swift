#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch

/// What each line after the header of a session file is, every line decoded on its own, so
/// a long file is decoded on every core side by side (decoding is nearly all of a load:
/// about 10 µs a line, a second for 100,000 events on one core). `SessionReader` then puts
/// the record together in file order.
enum SessionLine: Equatable {
    case empty
    /// `foreignType`: the event's type when the line has fields this build does not know.
    case event(Event, foreignType: String?)
    case alive(Int)
    case summary(SessionSummary)
    /// A JSON object of a type this build does not know.
    case foreign(String)
    /// A summary written whole on one overlong last line, by Debrief before split summaries.
    case olderLongSummary
    case unreadable(oversized: Bool)

    /// Lines from `lines[1...]` (the header is read apart), in order. `parts`: how many
    /// threads share them (tests); by default one per core, from a few thousand lines on.
    static func decode(_ lines: [Data], lastLine: Int?, parts requested: Int? = nil) -> [SessionLine] {
        let body = 1..<max(1, lines.count)
        let parts = max(1, min(requested ?? min(ProcessInfo.processInfo.activeProcessorCount, 8, body.count / 4096), body.count))
        var decoded = [SessionLine](repeating: .empty, count: body.count)
        decoded.withUnsafeMutableBufferPointer { output in
            nonisolated(unsafe) let output = output
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let decoder = JSONDecoder()
                let unknownFields = UnknownFields()
                decoder.userInfo[UnknownFields.key] = unknownFields
                let start = body.lowerBound + body.count * part / parts
                let end = body.lowerBound + body.count * (part + 1) / parts
                for offset in start..<end {
                    output[offset - body.lowerBound] = line(lines[offset], isLast: offset == lastLine,
                                                            decoder: decoder, unknownFields: unknownFields)
                }
            }
        }
        return decoded
    }

    private static func line(_ line: Data, isLast: Bool, decoder: JSONDecoder, unknownFields: UnknownFields) -> SessionLine {
        guard !line.isEmpty else { return .empty }
        guard line.count <= SessionReader.maximumLineBytes else {
            // Debrief before split summaries wrote one line however long: rebuilt by the reader.
            return isLast && looksLikeSummary(line) ? .olderLongSummary : .unreadable(oversized: true)
        }
        unknownFields.found = false
        if let event = try? decoder.decode(Event.self, from: line) {
            // A newer Debrief added fields to a known event: used as far as this build
            // understands it, and written back whole, never re-encoded without them.
            let foreignType = unknownFields.found ? (try? decoder.decode(TypeProbe.self, from: line).type) ?? "" : nil
            return .event(event, foreignType: foreignType)
        }
        if let mark = try? decoder.decode(AliveMark.self, from: line), mark.type == AliveMark.typeName,
           (0...Event.maximumTime).contains(mark.t) {
            return .alive(mark.t)
        }
        if let final = try? decoder.decode(SessionSummary.self, from: line), final.type == "summary" {
            return .summary(final)
        }
        if let type = ForeignLine.unknownType(of: line, decoder: decoder) { return .foreign(type) }
        return .unreadable(oversized: false)
    }

    private struct TypeProbe: Decodable { var type: String }

    /// A summary line begins with its first key in sorted order and ends as one does.
    private static func looksLikeSummary(_ line: Data) -> Bool {
        let start = Data(#"{"ended_at":"#.utf8), alternative = Data(#"{"sections":"#.utf8)
        let end = Data(#""type":"summary"}"#.utf8)
        return (line.starts(with: start) || line.starts(with: alternative)) && line.suffix(end.count).elementsEqual(end)
    }
}
