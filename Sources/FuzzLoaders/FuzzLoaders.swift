#if !FUZZING
import DebriefKit
#endif
import Foundation

/// One input through every loader of untrusted files: the session/journal reader (then
/// the reducer, the summary and the brief), the session file written back from what was
/// read (lines of a newer version carried, the summary split when long) and read again,
/// and the agenda loader (aliases counted against its budget, the header size checked).
/// and the CSV/TSV reader of data files (every row it accepts must be kept whole by the
/// reducer, and its messages must be safe to print).
/// Nothing may crash, and a brief may never carry a raw control character.
func fuzzOne(_ data: Data) {
    if let record = try? SessionReader.parse(data, path: "fuzz") {
        let state = record.state
        let summary = SessionSummary(state: state)
        _ = SessionSummary.merged([summary])
        let written = SessionCoding.sessionFile(header: record.header, events: record.events, foreign: record.foreignLines)
        // Below 100 KB no line can grow past the line limit when written again (escaping grows
        // text at most 6×), so every event read must read back.
        if data.count < 100_000, let again = try? SessionReader.parse(written, path: "fuzz-again"),
           again.events.count != record.events.count {
            fatalError("a session file written from what was read lost events on reading it again")
        }
        _ = Schedule(state: state, now: state.lastEventTime + 60_000)
        _ = state.nextNoteID
        let brief = BriefWriter.markdown(header: record.header, state: state)
        if brief.unicodeScalars.contains(where: { $0 != "\n" && VisibleText.isUnsafe($0) }) {
            fatalError("raw control character in a brief")
        }
    }
    _ = try? AgendaLoader.parse(data: data, file: "fuzz.yaml")
    fuzzDataImport(data)
}

func fuzzDataImport(_ data: Data) {
    do {
        let table = try DataImport.parse(data: data, file: "fuzz.csv")
        let events = table.requests.enumerated().map { offset, request in
            guard case .addRecord(let kind, let fields) = request else { fatalError("an import that is not a row") }
            return Event(t: 0, .recordAdded(id: offset + 1, table: kind, fields: fields))
        }
        let agenda = Agenda(name: "f", title: "F", sections: [AgendaSection(id: "a", title: "A", minutes: 1)],
                            taxonomy: Taxonomy(rootCauses: ["c"], severities: ["s"]))
        let state = MeetingState.fold(agenda: agenda, events: events)
        if state.records.map(\.fields) != table.rows.map(\.fields) {
            fatalError("an imported row the reducer does not keep whole")
        }
        for event in events {
            guard let line = try? JSONEncoder().encode(event), line.count < Limits.lineBytes,
                  (try? JSONDecoder().decode(Event.self, from: line)) == event else {
                fatalError("an imported row that does not read back from its journal line")
            }
        }
        for note in table.notes where note.description.unicodeScalars.contains(where: VisibleText.isUnsafe) {
            fatalError("raw control character in an import note")
        }
    } catch {
        if error.description.unicodeScalars.contains(where: { $0 != "\n" && VisibleText.isUnsafe($0) }) {
            fatalError("raw control character in an import problem")
        }
    }
}

#if FUZZING
/// libFuzzer's entry point. `Tests/Scripts/libfuzzer.sh` compiles it with the DebriefKit sources
/// as one module (so the loaders are instrumented), outside SwiftPM: `swift build
/// --sanitize=fuzzer` would also build this package's plugin tool without its `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzOne(Data(bytes: start, count: count))
    return 0
}
#else
/// Without libFuzzer: replays files (a corpus, or crashes libFuzzer found) through the loaders.
@main
struct ReplayCorpus {
    static func main() {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            let url = URL(fileURLWithPath: argument)
            let files = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? [url]
            for file in files {
                if let data = try? Data(contentsOf: file) { fuzzOne(data); count += 1 }
            }
        }
        print("replayed \(count) inputs without a crash")
    }
}
#endif
