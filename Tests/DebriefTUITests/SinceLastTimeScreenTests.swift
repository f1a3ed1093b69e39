import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// "Since last time" in the real loop: the step opens before the first section, one key
/// marks an action and records it, the meeting's keys still work, PgDn/Enter/Esc go on;
/// whole screens at the smallest and largest sizes; the replay shows the step.
@MainActor
@Suite("Since last time: open actions of earlier meetings, before the first section")
struct SinceLastTimeScreenTests {
    static let march = "2026-03-10T10:00:00Z"

    static func openActions(count: Int = 3, skipped: [String] = []) -> OpenActions {
        let texts = ["Send creators the tracking checklist before launch", "Book the pixel audit with the client's IT team",
                     "Write brief template v2 with audience and tone sections", "Agree approval deadlines in the contract",
                     "Share the creator shortlist a week earlier", "Test every tagged link the day before"]
        let owners = ["sam", "li", "ana"]
        var actions: [CarriedAction] = []
        for index in 0..<count {
            let early = index < 2
            let session: String = early ? "2026-03-10-1000-acme" : "2026-06-02-1000-acme"
            let due: String? = index == 1 ? nil : "2026-0\(4 + index % 5)-15"
            actions.append(CarriedAction(key: ActionKey(session: session, id: index + 1), text: texts[index % texts.count],
                                         owner: owners[index % 3], due: due, startedAt: early ? march : "2026-06-02T10:00:00Z"))
        }
        return OpenActions(actions: actions, skipped: skipped)
    }

    @MainActor
    final class Run {
        let terminal: HeadlessTerminal
        let clock = TestClock()
        let recorder: MeetingRecorder
        let loop: MeetingLoop

        init(size: TerminalSize = TerminalSize(width: 80, height: 24), open: OpenActions, view: ViewKind = .notes) throws {
            terminal = HeadlessTerminal(width: size.width, height: size.height)
            let header = SessionHeader(agenda: ScreenFixtures.agenda, meeting: ScreenFixtures.info)
            let store = SessionStore(folder: FileManager.default.temporaryDirectory.appending(path: "since-\(UUID().uuidString)"))
            recorder = try MeetingRecorder.start(header: header, store: store, date: Date(timeIntervalSince1970: 1_795_442_400))
            var model = AppModel(meeting: MeetingState(agenda: header.agenda), info: header.meeting)
            model.carryForward(open)
            model.view = view
            loop = MeetingLoop(terminal: terminal, clock: clock, wall: clock, recorder: recorder, model: model)
            loop.presentedFrame(on: terminal)
        }

        @discardableResult
        func press(_ keys: Key...) -> String {
            for key in keys { terminal.type(.key(key)) }
            return loop.presentedFrame(on: terminal).text
        }

        var screen: String { terminal.screen.text }
        var followUps: [Change] {
            recorder.events.map(\.change).filter { if case .actionFollowedUp = $0 { true } else { false } }
        }
    }

    @Test func oneKeyMarksEachActionAndTheStepGoesOnToTheFirstSection() throws {
        let run = try Run(open: Self.openActions())
        #expect(run.screen.contains("Since last time · Acme · 3 open actions from earlier meetings"))
        #expect(run.screen.contains("@sam · due 2026-04-15 · from the 10 Mar 2026 meeting"))
        #expect(run.recorder.events.count { if case .actionCarried = $0.change { true } else { false } } == 3,
                "the listed actions are in the new session, so it stands alone")
        #expect(run.press(.character("d")).contains("✓ done      Send creators the tracking checklist"))
        run.press(.character("x"))
        run.press(.up, .character("n"))
        let keys = Self.openActions().actions.map(\.key)
        #expect(run.followUps == [.actionFollowedUp(action: keys[0], status: .done), .actionFollowedUp(action: keys[1], status: .dropped),
                                  .actionFollowedUp(action: keys[1], status: .notDone)])
        #expect(run.screen.contains("↻ not done  Book the pixel audit"))
        #expect(run.press(.character("q")).contains("d, n or x marks the selected action"), "a stray key says what works")

        let meeting = run.press(.pageDown)
        #expect(!meeting.contains("Since last time") && meeting.contains("1/6  Performance vs. goals"),
                "PgDn goes on to the first section, not the second")
        run.press(.character("d"))
        #expect(run.followUps.count == 3, "after the step, d is typing")
    }

    @Test func theMeetingsKeysStillWorkAndEnterOrEscGoesOn() throws {
        let run = try Run(open: Self.openActions())
        #expect(run.press(.function(1)).contains("Keys"))
        #expect(HelpOverlay.lines(helpWidth: 60).contains { $0.keys == "Since last time (a meeting's open actions from before)" },
                "F1 lists the step's keys")
        run.press(.escape)
        #expect(run.screen.contains("Since last time · Acme · 3"), "Esc closed the help, not the step")
        #expect(run.press(.function(2)).contains("PAUSED"))
        run.press(.function(2))
        #expect(run.screen.contains("F1 Help") && run.screen.contains("d Done") && run.screen.contains("F10 End"))
        run.press(.function(7))
        #expect(run.loop.model.view == .projector, "F7 turns this terminal into the projector during the step too")
        #expect(run.screen.contains("Since last time · Acme · 3"), "the step stays on screen in both views")
        run.press(.function(7))
        #expect(run.loop.model.view == .notes)
        #expect(run.press(.function(10)).contains("End the meeting now?"), "F10 works from the step")
        run.press(.escape)
        #expect(run.screen.contains("Since last time · Acme · 3"), "Esc closed the dialog, not the step")
        #expect(!run.press(.enter).contains("Since last time"))
        let skipped = try Run(open: Self.openActions())
        #expect(!skipped.press(.escape).contains("Since last time"), "Esc skips the step")
        #expect(skipped.followUps.isEmpty)
    }

    @Test func noOpenActionsNoStepAndSkippedFilesAreNamed() throws {
        let none = try Run(open: Self.openActions(count: 0, skipped: ["old.debrief.jsonl: not a Debrief session"]))
        #expect(!none.screen.contains("Since last time ·"))
        #expect(none.screen.contains("Earlier sessions skipped: old.debrief.jsonl"))
        let some = try Run(open: Self.openActions(skipped: ["old.debrief.jsonl: not a Debrief session"]))
        #expect(some.screen.contains("⚠ 1 session file skipped: old.debrief.jsonl: not a Debrief session"))
    }

    @Test func hostileTextFromAnEarlierFileIsShownAsVisibleSymbols() throws {
        let hostile = CarriedAction(key: ActionKey(session: "old", id: 1), text: "Fix \u{1B}[2Jthe\u{202E} links\nnow",
                                    owner: "sam\u{07}", startedAt: "\u{1B}]0;title\u{07}")
        let run = try Run(open: OpenActions(actions: [hostile]))
        let screen = run.screen
        #expect(!screen.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{07}" })
        #expect(screen.contains("Fix ^[[2Jthe"), "the escape is shown, not obeyed")
        #expect(screen.contains("from the earlier meeting"), "an unreadable date names no date")
    }

    nonisolated static let sizes = [TerminalSize(width: 60, height: 16), TerminalSize(width: 80, height: 24),
                                    TerminalSize(width: 200, height: 60)]

    @Test("The step, whole screen", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly), arguments: sizes)
    func golden(_ size: TerminalSize) throws {
        let run = try Run(size: size, open: Self.openActions(count: 6, skipped: ["notes.debrief.jsonl: not a Debrief session"]))
        run.press(.character("d"), .character("n"), .down)
        try ScreenGolden.expect(run.terminal.screen, name: "since-last-time-\(size.width)x\(size.height)", title: "Since last time")
    }

    @Test("The replay shows the step", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly))
    func replay() throws {
        let run = try Run(open: Self.openActions())
        run.press(.character("d"))
        run.clock.advance(byMilliseconds: 30_000)
        run.press(.character("x"), .enter)
        run.clock.advance(byMilliseconds: 60_000)
        run.terminal.type(.key(.function(10)), .key(.enter))
        run.loop.presentedFrame(on: run.terminal)
        let header = run.recorder.header
        var model = ReplayModel(timeline: ReplayTimeline(agenda: header.agenda, events: run.recorder.events), info: header.meeting)
        #expect(model.showsSinceLastTime)
        model.seek(to: 30_000)
        let size = TerminalSize(width: 80, height: 24)
        let screen = ReplayScreen.render(model, size: size)
        #expect(screen.text.contains("✓ done") && screen.text.contains("✕ dropped"))
        try ScreenGolden.expect(screen, name: "since-last-time-replay-80x24", title: "Replay of Since last time at 0:30")
        model.seek(to: 31_000)
        #expect(!ReplayScreen.render(model, size: size).text.contains("Since last time"), "then the meeting")
    }

}
