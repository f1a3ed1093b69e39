import DebriefKit
import DebriefTUI
import Foundation

/// What one typed key costs inside the process, at 100×30: the key handled, the frame
/// drawn, and the cells to send found (the terminal's diff), on an empty meeting and with
/// 5,000 notes in the section. Drawn in full every key (as before `IncrementalScreen`) and
/// as the loop draws now. The pty harness measures the same keys from outside, with
/// ncurses and the kernel.
extension CoreBenchmarks {
    func typing() -> [ReportRow] {
        [0, 5_000].flatMap { notes in
            [false, true].map { incremental in
                let perKey = typingCost(notes: notes, incremental: incremental)
                return ReportRow(group: "typing", measure: "key + frame + diff 100×30, \(notes == 0 ? "empty" : "\(Self.count(notes)) notes"), "
                                     + (incremental ? "input only" : "full frame"),
                                 value: Self.microseconds(perKey), goal: incremental ? "flat in notes" : "")
            }
        }
    }

    /// Seconds per key, the median of `runs` notes of prose typed a key at a time.
    private func typingCost(notes: Int, incremental: Bool) -> Double {
        let section = agenda.sections[0].id
        let start = meetingModel(startingWith: (0..<notes).map {
            Event(t: $0 * 10 + 10, .noteAdded(id: $0 + 1, section: section, content: NoteContent(text: "note \($0 + 1) brief late")))
        })
        let size = TerminalSize(width: 100, height: 30)
        let prose = "The brief reached creators two days late, so most posts missed the launch week"
        let seconds = Measure.median(runs: max(3, runs)) {
            var model = start
            model.now = model.meeting.lastEventTime
            var screen = IncrementalScreen()
            var shown = incremental ? screen.render(model, size: size) : MeetingScreen.render(model, size: size)
            for character in prose {
                _ = model.handle(.key(.character(character)))
                let frame = incremental ? screen.render(model, size: size) : MeetingScreen.render(model, size: size)
                benchmarkSink &+= frame.changedCells(since: shown).count
                shown = frame
            }
        }
        return seconds / Double(prose.count)
    }
}
