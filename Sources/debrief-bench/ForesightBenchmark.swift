import DebriefKit
import DebriefTUI

/// What the loop does ahead, once a row, while it waits for the key that wraps the note
/// input (`IncrementalScreen.foreseenWraps`, then `FrameEncoder.prepare` for each frame):
/// the cost a typed row pays for that key's frame to go out as it is read. At 100×30,
/// typing into an empty meeting's input up to its row's last column.
extension CoreBenchmarks {
    func foresight() -> [ReportRow] {
        let size = TerminalSize(width: 100, height: 30)
        var model = meetingModel(startingWith: [])
        var screen = IncrementalScreen()
        var shown = screen.render(model, size: size)
        // Key by key, as the loop: a frame, the taller frame drawn ahead, until the next key wraps.
        for character in "The brief reached creators two days late so most posts missed the launch week Reels beat static posts" {
            screen.prepareGrowth(model, size: size)
            if screen.echoPlace(model, size: size) == nil, !screen.foreseenWraps(model, size: size).isEmpty { break }
            _ = model.handle(.key(.character(character)))
            shown = screen.render(model, size: size)
        }
        var encoder = FrameEncoder(codes: .ansi(), looks: RoleLook.looks(theme: .dark, usesColor: true), dimsText: true)
        var bytes: [UInt8] = []
        encoder.encode(shown, since: nil, into: &bytes)
        var frames = 0
        let time = Measure.median(runs: runs * 5) {
            let prepared = screen.foreseenWraps(model, size: size).compactMap { encoder.prepare($0, over: shown) }
            frames = prepared.count
        }
        return [ReportRow(group: "ahead", measure: "the wrapping key's frames drawn and encoded ahead (\(frames), 100×30), once a row",
                          value: Self.microseconds(time))]
    }
}
