import DebriefKit
import DebriefTUI

/// What turning a frame into the terminal's bytes costs (`FrameEncoder`), at 100×30: a whole
/// frame onto a cleared screen, and the frame of the key that wraps the note input to a
/// second row, which moves every row between the notes and the input (about 600 cells; the
/// slowest typed key, every 95 or so characters).
extension CoreBenchmarks {
    func encoding() -> [ReportRow] {
        let size = TerminalSize(width: 100, height: 30)
        let model = meetingModel(startingWith: [])
        var typed = model
        let prose = "The brief reached creators two days late so most posts missed the launch week Reels beat static posts"
        var before = MeetingScreen.render(typed, size: size)
        var wrapped = before
        for character in prose {
            before = wrapped
            _ = typed.handle(.key(.character(character)))
            wrapped = MeetingScreen.render(typed, size: size)
            if wrapped.changedCells(since: before).count > 2 * size.width { break }
        }
        let whole = MeetingScreen.render(model, size: size)
        let codes = TerminalCodes.ansi(), looks = RoleLook.looks(theme: .dark, usesColor: true)
        return [("a whole frame onto a cleared screen", whole, nil), ("the input wrapped to a second row", wrapped, before)]
            .map { label, frame, previous in
                var bytes: [UInt8] = []
                let time = Measure.median(runs: runs * 20) {
                    var encoder = FrameEncoder(codes: codes, looks: looks, dimsText: true)
                    if let previous { encoder.encode(previous, since: nil, into: &bytes) }
                    bytes.removeAll(keepingCapacity: true)
                    encoder.encode(frame, since: previous, into: &bytes)
                    benchmarkSink &+= bytes.count
                }
                // The encoder above drew the previous frame too: timed apart and taken off.
                let setUp = previous.map { previous in
                    Measure.median(runs: runs * 20) {
                        var encoder = FrameEncoder(codes: codes, looks: looks, dimsText: true)
                        var scratch: [UInt8] = []
                        encoder.encode(previous, since: nil, into: &scratch)
                        benchmarkSink &+= scratch.count
                    }
                } ?? 0
                return ReportRow(group: "encode", measure: "\(label) (100×30, \(bytes.count) bytes)",
                                 value: Self.microseconds(max(0, time - setUp)))
            }
    }
}
