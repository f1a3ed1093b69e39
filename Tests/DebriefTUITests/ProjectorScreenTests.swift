import DebriefKit
@testable import DebriefTUI
import Testing

/// The room's view (issue 14 §2 and §4): big digits, the prompts, the tally, the newest
/// notes, no editor; the time cues on every view; F7 and F8.
@MainActor
@Suite("Projector view and the room's time cues")
struct ProjectorScreenTests {
    nonisolated static let sizes = ScreenGoldenTests.sizes

    /// The scripted meeting (What went wrong, 1:55 left at 1:08:05) switched to the projector.
    static func projector(_ size: TerminalSize) throws -> ScriptedMeeting {
        let run = try ScriptedMeeting(size: size)
        run.type(.key(.function(7)))
        return run
    }

    @Test("The projector, two minutes before time up", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly), arguments: sizes)
    func closing(_ size: TerminalSize) throws {
        let run = try Self.projector(size)
        #expect(run.loop.model.view == .projector)
        let screen = run.terminal.screen
        #expect(screen.cursor == nil, "no editor: no cursor")
        #expect(screen.text.contains("⚠ 1:55 left of 20:00"))
        #expect(screen.text.contains("█"), "the countdown in big digits")
        try ScreenGolden.expect(screen, name: "projector-\(size.width)x\(size.height)", title: "Projector, 1:55 left")
    }

    @Test("The projector, paused", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly), arguments: sizes)
    func paused(_ size: TerminalSize) throws {
        let run = try Self.projector(size)
        run.type(.key(.function(2)))
        #expect(run.terminal.screen.text.contains("❚❚ PAUSED · 1:55 left of 20:00"), "paused in words")
        try ScreenGolden.expect(run.terminal.screen, name: "projector-paused-\(size.width)x\(size.height)", title: "Projector, paused")
    }

    @Test("The projector, over time and behind", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly), arguments: sizes)
    func overrun(_ size: TerminalSize) throws {
        let run = try Self.projector(size)
        run.at("1:12:30")
        run.at("1:12:31")  // a second on: the time-up flash is over
        let text = run.terminal.screen.text
        #expect(text.contains("+2:31 over"))
        #expect(text.contains("F8 → 9/8 min") || size.width < 80, "behind: what the rest would get")
        try ScreenGolden.expect(run.terminal.screen, name: "projector-overrun-\(size.width)x\(size.height)", title: "Projector, over time")
    }

    nonisolated static let roomSizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 200, height: 60)]

    @Test("The projector after F8: the rest of the agenda rebalanced", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly),
          arguments: roomSizes)
    func rebalanced(_ size: TerminalSize) throws {
        let run = try Self.projector(size)
        run.at("1:12:30")
        run.at("1:12:31")
        run.type(.key(.function(8)))
        let text = run.terminal.screen.text
        #expect(!text.contains("F8 →"), "the proposal is taken")
        #expect(text.contains("rebalanced: 9/8 min"), "the room sees what the rest now gets")
        #expect(text.contains("+2:31 over"), "the section still says it ran over")
        try ScreenGolden.expect(run.terminal.screen, name: "projector-rebalanced-\(size.width)x\(size.height)",
                                title: "Projector, after F8")
    }

    @Test("The projector during Since last time", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly), arguments: roomSizes)
    func sinceLastTime(_ size: TerminalSize) throws {
        let run = try SinceLastTimeScreenTests.Run(size: size, open: SinceLastTimeScreenTests.openActions(), view: .projector)
        #expect(run.loop.model.view == .projector)
        let text = run.terminal.screen.text
        #expect(text.contains("Since last time"))
        try ScreenGolden.expect(run.terminal.screen, name: "projector-since-last-time-\(size.width)x\(size.height)",
                                title: "Projector, Since last time")
    }

    @Test func bigDigitsComeInThreeHeightsAndFitTheWidth() {
        for height in BigDigits.heights {
            var canvas = Canvas(width: 60, height: height)
            BigDigits.draw("12:05", height: height, in: &canvas, x: 0, y: 0, style: .title)
            #expect(canvas.lines.filter { !$0.isEmpty }.count == height, "every row used at \(height)")
            let widest = canvas.lines.map { $0.count }.max() ?? 0
            #expect(widest == BigDigits.width("12:05", height: height))
        }
        var three = Canvas(width: 20, height: 3)
        BigDigits.draw("10", height: 3, in: &three, x: 0, y: 0, style: .title)
        #expect(three.lines == ["  █ █▀█", "  █ █ █", "  ▀ ▀▀▀"])
        #expect(BigDigits.height(for: "1:08:05", maxWidth: 200, maxHeight: 7) == 7)
        #expect(BigDigits.height(for: "1:08:05", maxWidth: 30, maxHeight: 7) == 3)
        #expect(BigDigits.height(for: "1:08:05", maxWidth: 10, maxHeight: 7) == nil)
    }

    /// The projector of a meeting whose first section is called `title`, at `size`.
    static func projectorText(title: String, _ size: TerminalSize) -> [String] {
        var agenda = ScreenFixtures.agenda
        agenda.sections[0].title = title
        var model = AppModel(meeting: MeetingState(agenda: agenda), info: ScreenFixtures.info)
        model.apply(Event(t: 0, .sectionStarted(section: agenda.sections[0].id)))
        return ProjectorScreen.render(model, size: size).lines
    }

    @Test func theTitleIsInBlockLettersWhereTheScreenHasRoom() throws {
        for (size, height) in [(TerminalSize(width: 100, height: 30), 3), (TerminalSize(width: 200, height: 60), 5)] {
            let lines = try Self.projector(size).terminal.screen.lines
            let title = lines[2..<(2 + height)]
            #expect(title.allSatisfy { $0.contains("█") || $0.contains("▀") || $0.contains("▄") }, "block letters at \(size)")
            #expect(!lines.contains { $0.contains("4/6  What went wrong") }, "no plain title at \(size)")
            #expect(title.contains { $0.contains("4/6") }, "where we are, beside it")
        }
        for size in [TerminalSize(width: 80, height: 24), TerminalSize(width: 60, height: 16), TerminalSize(width: 120, height: 26)] {
            let lines = try Self.projector(size).terminal.screen.lines
            #expect(lines.contains { $0.contains("4/6  What went wrong") }, "bold line at \(size): the rows go to the notes")
        }
    }

    @Test func theTitleIsLargeOnlyWhileTheTallyAndTwoPromptsStillFitBesideTheNotes() throws {
        let taxonomy = ScreenFixtures.agenda.taxonomy
        let sizes = [(100, 26, 0), (100, 27, 3), (100, 30, 3), (120, 40, 5), (200, 60, 5), (99, 60, 0)]
        for (width, height, letters) in sizes {
            #expect(ProjectorScreen.titleHeight(taxonomy, size: TerminalSize(width: width, height: height)) == letters, "\(width)×\(height)")
        }
        // Where it is large, What went wrong still shows prompts above its tally, and the notes.
        let wrong = try #require(ScreenFixtures.agenda.sections.firstIndex { $0.kind == .problems })
        for size in [TerminalSize(width: 100, height: 27), TerminalSize(width: 100, height: 30)] {
            var model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: ScreenFixtures.agenda.sections[wrong].id))], now: 0)
            model.view = .projector
            let lines = ProjectorScreen.render(model, size: size).lines
            #expect(lines.filter { $0.hasPrefix("  • ") }.count >= 2, "two prompts at \(size)")
            #expect(lines.contains { $0.contains("Notes · 0") })
            #expect(lines.contains { $0.contains("Causes: none yet") }, "the tally at \(size)")
        }
    }

    @Test func aTitleTheFontCannotDrawOrThatDoesNotFitStaysAWholeBoldLine() {
        let size = TerminalSize(width: 100, height: 30)
        #expect(Self.projectorText(title: "Qué pasó", size)[2].contains("1/6  Qué pasó"), "é is not in the font")
        let long = "Performance against every goal we set"
        let lines = Self.projectorText(title: long, size)
        #expect(lines[2].contains("1/6  Performance against every goal we set"), "too wide in letters: whole words")
        #expect(Self.projectorText(title: "Performance vs. goals", size)[3].contains("█"))
    }

    @Test func blockLettersReadAsTheTitle() {
        var canvas = Canvas(width: 40, height: 5)
        BigText.draw("Why?", height: 3, in: &canvas, x: 0, y: 0, style: .title)
        #expect(canvas.lines.prefix(3) == ["█   █ █ █ █ █ ▀▀▄", "█▄▀▄█ █▀█  █   ▀", "▀   ▀ ▀ ▀  ▀   ▀"])
        #expect(BigText.width("Why?", height: 3) == 17)
        #expect(BigText.width("Why?", height: 5) == 34)
        #expect(BigText.width("Why ☂", height: 3) == nil)
        #expect(BigText.height(for: "What went wrong", maxWidth: 200, maxHeight: 5) == 5)
        #expect(BigText.height(for: "What went wrong", maxWidth: 80, maxHeight: 5) == 3)
        #expect(BigText.height(for: "What went wrong", maxWidth: 40, maxHeight: 5) == nil)
    }

    @Test func f7SwitchesBackAndForthAndHelpNamesIt() throws {
        let run = try ScriptedMeeting(size: TerminalSize(width: 120, height: 30))
        #expect(run.terminal.screen.lines[29].contains("F7 Projector"))
        run.type(.key(.function(7)))
        #expect(run.terminal.screen.lines[29].contains("F7 Notes"))
        run.type(.key(.function(7)))
        #expect(run.loop.model.view == .notes)
        #expect(run.terminal.screen.cursor != nil, "the input is back")
        run.type(.key(.function(1)))
        #expect(run.terminal.screen.text.contains("Switch this terminal between the notes and the projector"))
    }

    @Test func typingOnTheProjectorSaysWhereTypingGoesAndKeepsNothing() throws {
        let run = try Self.projector(TerminalSize(width: 80, height: 24))
        run.type(text: "hello")
        run.type(.key(.enter))
        run.type(.paste("pasted words"))
        #expect(run.loop.model.editor.text.isEmpty)
        #expect(run.terminal.screen.text.contains("The projector takes no typing: F7 switches to the notes"))
        #expect(run.recorder.events.filter { if case .noteAdded = $0.change { true } else { false } }.count == 7, "the scripted meeting's notes, nothing more")
        // The meeting's keys still work: F1 opens the keys over the projector, PageDown moves on.
        run.type(.key(.function(1)))
        #expect(run.terminal.screen.text.contains("Keys"))
        run.type(.key(.escape))
        #expect(run.loop.model.overlay == nil)
        run.type(.key(.pageDown))
        #expect(run.loop.model.meeting.current == 4)
        #expect(run.terminal.screen.text.contains("5/6  What worked"))
    }

    @Test func theConsoleClockWarnsInWordsAndMarksTwoMinutesBefore() {
        let start = [Event(t: 0, .sectionStarted(section: "performance"))]
        let minute = 60_000
        func clock(at now: Int) -> (String, Style) {
            let schedule = Schedule(state: ScreenFixtures.model(events: start, now: now).meeting, now: now)
            return (SectionClock.text(schedule), SectionClock.style(schedule))
        }
        #expect(clock(at: 7 * minute + 59_000).0 == "02:01 left")
        #expect(clock(at: 8 * minute) == ("⚠ 02:00 left", Style(.warning, bold: true, reverse: true)))
        #expect(clock(at: 8 * minute + 1000).0 == "⚠ 01:59 left")
        #expect(clock(at: 10 * minute + 42_000) == ("OVER +00:42", .alert))
        let screen = ScreenFixtures.render(ScreenFixtures.model(events: start, now: 8 * minute + 1000), width: 80, height: 24)
        #expect(screen.contains("⚠ 01:59 left"))
    }

    @Test func atTimeUpTheProjectorFlashesOneFrameAndTheBellRingsOnce() throws {
        var (recorder, model) = try ScreenFixtures.newMeeting()
        model.view = .projector
        model.timeCues.bell = true
        let clock = TestClock()
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let loop = MeetingLoop(terminal: terminal, clock: clock, wall: clock, recorder: recorder, model: model)
        loop.presentedFrame(on: terminal)
        clock.advance(byMilliseconds: 9 * 60_000 + 59_000)
        loop.presentedFrame(on: terminal)
        #expect(!terminal.screen.style(at: 5 * 80 + 10).reverse && terminal.bellsRung == 0)
        clock.advance(byMilliseconds: 1000)  // 10:00: time is up
        let flash = loop.presentedFrame(on: terminal)
        #expect(terminal.bellsRung == 1)
        #expect(flash.style(at: 2 * 80).reverse, "an ordinary row is drawn inverted")
        clock.advance(byMilliseconds: 1000)
        let after = loop.presentedFrame(on: terminal)
        #expect(!after.style(at: 2 * 80).reverse, "one flash, then the screen as usual")
        #expect(after.text.contains("+0:01 over"))
        clock.advance(byMilliseconds: 30_000)
        loop.presentedFrame(on: terminal)
        #expect(terminal.bellsRung == 1, "once per time up, not per frame")
        // F3 gives 5 more minutes; when those run out, the bell rings again.
        terminal.type(.key(.function(3)))
        loop.presentedFrame(on: terminal)
        clock.advance(byMilliseconds: 5 * 60_000)
        loop.presentedFrame(on: terminal)
        #expect(terminal.bellsRung == 2)
    }

    @Test func withoutBellTheTimeUpIsSilent() throws {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let clock = TestClock()
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let loop = MeetingLoop(terminal: terminal, clock: clock, wall: clock, recorder: recorder, model: model)
        loop.presentedFrame(on: terminal)
        clock.advance(byMilliseconds: 10 * 60_000 + 1000)
        loop.presentedFrame(on: terminal)
        #expect(terminal.bellsRung == 0)
        #expect(terminal.screen.text.contains("OVER +00:01"))
    }

    @Test func f8AcceptsTheProposalAsAnEventAndTheAgendaShowsTheNewPlan() throws {
        let run = try ScriptedMeeting(size: TerminalSize(width: 120, height: 30))
        run.type(.key(.function(8)))
        #expect(run.terminal.screen.text.contains("The meeting is not behind: nothing to rebalance"))
        run.at("1:12:30")
        #expect(run.terminal.screen.text.contains("10→9m"), "the agenda column shows the proposal")
        run.type(.key(.function(8)))
        let last = try #require(run.recorder.events.last)
        #expect(last.change == .agendaRebalanced([SectionMinutes(section: "worked", minutes: 9), SectionMinutes(section: "actions", minutes: 8)]))
        #expect(run.terminal.screen.text.contains("0/9m") && run.terminal.screen.text.contains("on time"))
        // The replay folds the same event: its agenda shows the new plan from then on.
        let header = run.recorder.header
        var replay = ReplayModel(timeline: ReplayTimeline(agenda: header.agenda, events: run.recorder.events), info: header.meeting)
        _ = replay.perform(.toEnd)
        let replayed = ReplayScreen.render(replay, size: TerminalSize(width: 120, height: 30)).text
        #expect(replayed.contains("0/9m") && replayed.contains("0/8m"))
    }
}
