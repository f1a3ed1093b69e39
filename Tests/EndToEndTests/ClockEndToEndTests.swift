import DebriefKit
import Foundation
import Testing

/// The clock in a real terminal (issue 10 §3): pause, move on while paused, resume, end;
/// the header and the brief tell the same story. At 60× one real second is a meeting minute.
@Suite("End to end: the clock tells the truth", .serialized)
struct ClockEndToEndTests {
    /// The figure after `label` on the totals line ("Elapsed 03:00" → 180 s).
    static func seconds(after label: String, in screen: String) -> Int? {
        for line in screen.split(separator: "\n") {
            guard let range = line.range(of: label) else { continue }
            let figure = line[range.upperBound...].prefix { $0.isNumber || $0 == ":" }
            let parts = figure.split(separator: ":").compactMap { Int($0) }
            if !parts.isEmpty { return parts.reduce(0) { $0 * 60 + $1 } }
        }
        return nil
    }

    @Test func pausingStopsTheWholeHeaderAndTheBriefCountsThePauseApart() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.type("Reach 1.2M against a 1M target")
        try tmux.press("Enter")
        try tmux.waitFor("note    Reach 1.2M")
        try tmux.waitUntil("a minute has passed") { (Self.seconds(after: "Elapsed ", in: $0) ?? 0) >= 60 }

        try tmux.press("F2")
        let paused = try tmux.waitUntil("the header and the status line say paused") {
            $0.contains("❚❚ PAUSED  ") && $0.contains(" F2 Resume ") && $0.contains("❚❚ PAUSED 0")
        }
        let elapsedAtPause = try #require(Self.seconds(after: "Elapsed ", in: paused))
        // Moving on while paused: still paused, and the screen says so.
        try tmux.press("NPage")
        try tmux.waitFor("2/6  Creator breakdown")
        try tmux.waitFor("The clock is still paused: F2 resumes")
        // Two meeting minutes of pause: Elapsed has not moved.
        let later = try tmux.waitUntil("two minutes paused") { (Self.seconds(after: "❚❚ PAUSED ", in: $0) ?? 0) >= 120 }
        #expect(Self.seconds(after: "Elapsed ", in: later) == elapsedAtPause, "Elapsed stands still while paused")
        #expect(later.contains("PAUSED 20:00 left"), "the new section's clock has not started")

        try tmux.press("F2")
        try tmux.waitUntil("the clock runs again") { !$0.contains("PAUSED") && $0.contains(" F2 Pause ") }
        try tmux.waitUntil("the section has run a minute") { $0.contains("19:00 left") || $0.contains("18:") }
        try tmux.type("Nano tier beat macro on CPE")
        try tmux.press("Enter")
        try tmux.waitFor("note    Nano tier")
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let record = try SessionReader.read(session)
        let summary = try #require(record.summary)
        let end = try #require(summary.endedAt)
        let pausedSeconds = try #require(summary.pausedSeconds)
        #expect(pausedSeconds >= 120)
        #expect(summary.sections.map(\.elapsedSeconds).reduce(0, +) + pausedSeconds == end / 1000)

        let brief = try String(contentsOf: try #require(Debrief.files(in: folder, suffix: ".md").first), encoding: .utf8)
        let clock = { (seconds: Int) in DurationText.clock(seconds * 1000) }
        #expect(brief.contains("- **Duration:** \(clock(end / 1000))\n"))
        #expect(brief.contains("- **Paused:** \(clock(pausedSeconds)) (not counted against any section)\n"))
        #expect(brief.contains("| Performance vs. goals | \(clock(summary.sections[0].elapsedSeconds)) | 10 min | yes |\n"))
        #expect(brief.contains("| Creator breakdown | \(clock(summary.sections[1].elapsedSeconds)) | 20 min | yes |\n"))
        #expect(brief.contains("| Content analysis | 00:00 | 20 min | not reached |\n"))
        #expect(brief.contains("| Paused | \(clock(pausedSeconds)) | — | — |\n"))
        #expect(brief.contains("| Total | \(clock(end / 1000)) | 90 min |   |\n"))
    }

    /// The figure before " left" on the section's heading ("07:00 left" → 420 s).
    static func secondsLeft(in screen: String) -> Int? {
        for line in screen.split(separator: "\n") {
            guard let range = line.range(of: " left") else { continue }
            let figure = line[..<range.lowerBound].split(separator: " ").last ?? ""
            let parts = figure.split(separator: ":").compactMap { Int($0) }
            if parts.count == 2 { return parts[0] * 60 + parts[1] }
        }
        return nil
    }

    /// A second turning over redraws only the parts of the screen that show the time: while
    /// the note-taker types, the countdown, the progress bar and the agenda all move on,
    /// and agree with each other on every frame, with the typed text left as it was.
    @Test(arguments: [(80, 24), (200, 60)])
    func whileTypingEveryClockOnScreenMovesOnTogether(size: (width: Int, height: Int)) throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("--time-scale 60", sessions: folder), width: size.width, height: size.height)
        try tmux.waitFor("1/6  Performance vs. goals")
        var typed = "", last = 0
        for word in ["Reach ", "beat ", "the ", "target"] {
            try tmux.type(word)
            typed += word
            // capture-pane drops a row's trailing spaces.
            let shown = "› " + typed.trimmingCharacters(in: .whitespaces)
            let screen = try tmux.waitUntil("a meeting minute on, with \"\(typed)\" typed") {
                $0.contains(shown) && (Self.seconds(after: "Elapsed ", in: $0) ?? 0) >= last + 60
            }
            let elapsed = try #require(Self.seconds(after: "Elapsed ", in: screen))
            let left = try #require(Self.secondsLeft(in: screen))
            // One frame shows one moment (a second or two either way if the capture lands
            // between two frames, 17 ms apart at 60×): a stale part would be minutes off.
            #expect((598...603).contains(elapsed + left), "Elapsed \(elapsed) s and \(left) s left:\n\(screen)")
            let bar = screen.split(separator: "\n").first { $0.contains("━") || $0.contains("─────") } ?? ""
            let filled = bar.filter { $0 == "━" }.count
            let width = size.width >= 120 ? size.width - 34 - 2 : size.width - 2
            #expect(abs(filled - elapsed * width / 600) <= 2, "progress bar \(filled) of \(width) cells at \(elapsed) s:\n\(screen)")
            if size.width >= 120 {
                #expect(screen.contains("\(elapsed / 60)/10m") || screen.contains("\(elapsed / 60 + 1)/10m"),
                        "the agenda column's minutes:\n\(screen)")
            }
            last = elapsed
        }
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
    }
}
