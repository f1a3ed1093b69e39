import DebriefKit
import Foundation
import TestSupport
import Testing

/// The room's view and its time cues, as a facilitator runs them (issue 14 §2, §4, §5): the
/// real binary in tmux, the clock sped up with --time-scale, the screen polled.
@Suite("End to end: the projector, time cues, rebalancing and themes", .serialized)
struct ProjectorEndToEndTests {
    /// The top row of the 5-row digits has full blocks; the notes view has none.
    static func showsBigDigits(_ screen: String) -> Bool { screen.contains("██") }

    @Test func theProjectorShowsBigDigitsThenTheWarningThenTheOverrunAndF8RecordsTheRebalancing() throws {
        let folder = Debrief.freshFolder()
        // 30× faster: the 10-minute first section lasts 20 s, its last two minutes 4 s.
        let tmux = try Tmux(Debrief.command("run --view projector --time-scale 30", sessions: folder))
        // At 100×30 the title is in block letters, "1/6" beside it.
        let first = try tmux.waitUntil("big digits and the section's title") {
            Self.showsBigDigits($0) && $0.contains("1/6  █▀")
        }
        #expect(!first.contains("1/6  Performance vs. goals"), "the title is large, not a line")
        #expect(first.contains("left of 10:00"))
        #expect(first.contains("F7 Notes"), "the projector's status line names the way back")
        #expect(!first.contains("Enter saves a note"), "no input line on the projector")
        #expect(try !tmux.paneFlags().cursorVisible, "no cursor on the projector")
        try tmux.waitFor("⚠ 1:", timeout: 40)
        try tmux.waitFor(" over", timeout: 40)
        // A minute behind: the strip shows what the rest would get; F8 accepts it.
        try tmux.waitFor("F8 → ", timeout: 40)
        try tmux.press("F8")
        try tmux.waitUntil("the proposal is taken") { !$0.contains("F8 → ") && $0.contains("on time") }
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let record = try SessionReader.read(session)
        let plans = record.events.compactMap { event -> [SectionMinutes]? in
            if case .agendaRebalanced(let plan) = event.change { plan } else { nil }
        }
        #expect(plans.count == 1)
        #expect(plans.first?.map(\.section) == ["creators", "content", "wrong", "worked", "actions"])
        #expect(try String(contentsOf: session, encoding: .utf8).contains(#""type":"agenda_rebalanced""#))
    }

    /// F7 switches either way, whatever the terminal says it is.
    @Test(arguments: ["xterm-256color", "screen-256color"].filter(KeyMatrixEndToEndTests.hasTerminfo))
    func f7SwitchesBetweenTheNotesAndTheProjector(term: String) throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("run", sessions: folder, term: term), width: 120, height: 30)
        try tmux.waitFor("F7 Projector")
        #expect(try !Self.showsBigDigits(tmux.screen()))
        try tmux.press("F7")
        try tmux.waitUntil("the projector, TERM=\(term)") { Self.showsBigDigits($0) && $0.contains("F7 Notes") }
        try tmux.press("F7")
        try tmux.waitUntil("the notes again, TERM=\(term)") { !Self.showsBigDigits($0) && $0.contains("F7 Projector") }
        try tmux.type("Typed after the round trip")
        try tmux.press("Enter")
        try tmux.waitFor("Notes · 1")
        try tmux.endMeeting("TERM=\(term)")
    }

    /// Every theme, NO_COLOR and DEBRIEF_THEME start and show the meeting; a wrong theme is
    /// refused before anything starts.
    /// The room sees the numbers it discusses: the KPI table under the countdown, then the
    /// creators' after PgDn, imported from the sample files.
    @Test func theProjectorShowsTheSectionsTable() throws {
        let folder = Debrief.freshFolder()
        let samples = Debrief.repository.appending(path: "Agendas/samples")
        let tmux = try Tmux(Debrief.command("run --view projector --data '\(samples.path)'", sessions: folder), width: 120, height: 40)
        let kpis = try tmux.waitUntil("the KPI table on the projector") { Self.showsBigDigits($0) && $0.contains("Variance") }
        #expect(kpis.contains("▼ miss") || kpis.contains("▲ beat"), "\(kpis)")
        try tmux.press("NPage")
        let creators = try tmux.waitUntil("the creators' table on the projector") { $0.contains("Spons. ER") }
        #expect(creators.contains("Lift") && creators.contains("Notes · 0"), "\(creators)")
    }

    @Test func themesAndNoColorStartAndShowTheMeeting() throws {
        for (environment, arguments) in [("", "--theme light"), ("", "--theme contrast --view projector"),
                                         ("export NO_COLOR=1; ", ""), ("export DEBRIEF_THEME=contrast; ", "")] {
            let folder = Debrief.freshFolder()
            let tmux = try Tmux(environment + Debrief.command("run \(arguments)", sessions: folder))
            try tmux.waitFor("1/6  ")  // the title: a line on the notes, block letters on the projector
            try tmux.waitFor("● saved")
            try tmux.press("F10")
            try tmux.waitFor("End the meeting now?")
            try tmux.press("Enter")
            #expect(try tmux.waitForExit().code == 0, "\(environment)\(arguments)")
        }
        let folder = Debrief.freshFolder()
        let wrong = try Tmux(Debrief.command("run --theme sepia", sessions: folder))
        let exit = try wrong.waitForExit()
        #expect(exit.code != 0)
        #expect(exit.screen.contains("sepia"))
        #expect(Debrief.files(in: folder, suffix: ".journal.jsonl").isEmpty)
    }

    @Test func resumeTakesTheDisplayOptionsToo() throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("run", sessions: folder))
        try tmux.waitFor("● saved")
        try tmux.type("Before leaving")
        try tmux.press("Enter")
        try tmux.waitFor("Notes · 1")
        try tmux.press("C-c")
        try tmux.waitFor("l: leave it and resume later")
        try tmux.type("l")
        #expect(try tmux.waitForExit().code == 0)
        let name = try #require(Debrief.files(in: folder, suffix: ".journal.jsonl").first)
            .lastPathComponent.replacingOccurrences(of: ".journal.jsonl", with: "")
        let resumed = try Tmux(Debrief.command("resume \(name) --view projector --theme light --bell", sessions: folder))
        try resumed.waitUntil("the resumed meeting on the projector") { Self.showsBigDigits($0) && $0.contains("Before leaving") }
        try resumed.press("F10")
        try resumed.waitFor("End the meeting now?")
        try resumed.press("Enter")
        #expect(try resumed.waitForExit().code == 0)
    }
}
