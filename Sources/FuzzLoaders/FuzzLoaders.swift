#if !FUZZING
import DebriefKit
#endif
import Foundation

/// One input through every loader of untrusted files: the session/journal reader (then
/// the reducer, the summary and the brief), the session file written back from what was
/// read (lines of a newer version carried, the summary split when long) and read again,
/// and the agenda loader (aliases counted against its budget, the header size checked).
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
