import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// The main screens, whole: every row and the style of every cell, at the sizes people use
/// (a small split, the classic 80×24, a laptop, a projector), compared with the files in
/// Tests/Golden/screens. Each screen comes from the same scripted meeting on a test clock,
/// driven through the real loop; the frame checked is the one the terminal received.
@MainActor
@Suite("Whole screens: text and style of every cell, at every size")
struct ScreenGoldenTests {
    nonisolated static let sizes = [TerminalSize(width: 60, height: 16), TerminalSize(width: 80, height: 24),
                        TerminalSize(width: 100, height: 30), TerminalSize(width: 200, height: 60)]

    /// What the note-taker does on top of the scripted meeting before the screen is read.
    enum Finish: String, CaseIterable {
        case typing, list, tagPicker = "tag-picker", help, endDialog = "end-dialog"
        /// Enter's frame: the note listed, the input empty, its fsync still to come.
        case saving
    }

    @Test("The meeting screen", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly), arguments: Finish.allCases, sizes)
    func meeting(_ finish: Finish, _ size: TerminalSize) throws {
        let run = try ScriptedMeeting(size: size)
        switch finish {
        case .typing: run.type(text: "Half-typed thought about the brief")
        case .list: run.type(.key(.tab))
        case .tagPicker:
            run.type(text: "! Budget split decided late")
            run.type(.key(.enter))
            run.at("1:08:06")  // the typist pauses: the picker opens
        case .help: run.type(.key(.function(1)))
        case .endDialog: run.type(.key(.function(10)))
        case .saving:
            var saving: Canvas?
            run.terminal.whenPresented = { canvas in
                if saving == nil, canvas.text.contains("○ saving") { saving = canvas }
            }
            run.type(text: "Creators asked for the brief a week earlier")
            run.type(.key(.enter))
            try ScreenGolden.expect(try #require(saving, "a frame said saving"), name: "meeting-saving-\(size.width)x\(size.height)",
                                    title: "Meeting, Enter's frame before its fsync")
            #expect(run.terminal.screen.text.contains("● saved"), "the frame after the fsync")
            return
        }
        try ScreenGolden.expect(run.terminal.screen, name: "meeting-\(finish.rawValue)-\(size.width)x\(size.height)",
                         title: "Meeting, \(finish.rawValue)")
    }

    @Test("The replay screen, paused after the note at 1:06:50", .enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly), arguments: sizes)
    func replay(_ size: TerminalSize) throws {
        let run = try ScriptedMeeting(size: size)
        run.terminal.type(.key(.function(10)), .key(.enter))
        run.terminal.resetIdleWaits()
        #expect(run.loop.run(stopRequested: { run.terminal.idleWaits > 0 }) == .ended)
        let header = run.recorder.header
        let model = ReplayModel(timeline: ReplayTimeline(agenda: header.agenda, events: run.recorder.events), info: header.meeting)
        let terminal = HeadlessTerminal(width: size.width, height: size.height)
        // To the start of What went wrong (50:00), then 17 minutes on: 67:00.
        terminal.type(.key(.pageDown), .key(.pageDown), .key(.pageDown))
        for _ in 0..<17 { terminal.type(.key(.character("]"))) }
        ReplayLoop(terminal: terminal, clock: TestClock(), model: model).run(stopRequested: { terminal.idleWaits > 0 })
        try ScreenGolden.expect(terminal.screen, name: "replay-\(size.width)x\(size.height)", title: "Replay at 67:00")
    }

    @Test func aMismatchShowsTheDifferingRowsExpectedAboveActual() {
        var expected = Canvas(width: 12, height: 3)
        expected.text("1:06:50 note", x: 0, y: 1)
        var actual = Canvas(width: 12, height: 3)
        actual.text("1:06:5PROBLE", x: 0, y: 1, style: Style(.problem, bold: true))
        let message = ScreenGolden.differences(expected: ScreenGolden.render(expected, title: "t"),
                                               actual: ScreenGolden.render(actual, title: "t"), name: "sample")
        #expect(message.contains("text  1 expected: 1:06:50 note|\n  text  1   actual: 1:06:5PROBLE|"))
        #expect(message.contains("style  1 expected: ............|\n  style  1   actual: PPPPPPPPPPPP|"))
        #expect(message.contains("header"), "the legend gained a style")
        #expect(!message.contains("text  0") && !message.contains("style  2"), "equal rows are not listed")
    }

}

/// The meeting every golden screen starts from: a note of each kind, two tagged problems (one
/// at 1:06:50, past the hour), an action linked to one, on a clock that moves only when told.
@MainActor
final class ScriptedMeeting {
    let terminal: HeadlessTerminal
    let clock = TestClock()
    let recorder: MeetingRecorder
    let loop: MeetingLoop

    init(size: TerminalSize) throws {
        terminal = HeadlessTerminal(width: size.width, height: size.height)
        let header = SessionHeader(agenda: ScreenFixtures.agenda, meeting: ScreenFixtures.info)
        let store = SessionStore(folder: FileManager.default.temporaryDirectory.appending(path: "golden-\(UUID().uuidString)"))
        recorder = try MeetingRecorder.start(header: header, store: store, date: Date(timeIntervalSince1970: 1_795_442_400))
        let model = AppModel(meeting: MeetingState(agenda: header.agenda), info: header.meeting)
        // One test clock for meeting time and the loop's timers: moving it is a pause in typing.
        loop = MeetingLoop(terminal: terminal, clock: clock, wall: clock, recorder: recorder, model: model)

        note("Reach 1.2M against a 1M target", at: "0:30")
        note("? Was the CPM target built on history or a guess", at: "3:10")
        at("10:00", .key(.pageDown))
        note("+ Micro creators beat their organic rate", at: "12:40")
        at("30:00", .key(.pageDown))
        note("Top reel: brand in the first 3 seconds", at: "34:05")
        at("50:00", .key(.pageDown))
        note("! Approval delays pushed posts into bad slots", at: "52:15")
        at("52:20", .key(.character("2")))
        at("52:21", .key(.character("2")))
        note("! Tracking links not ready on day one", at: "1:06:50")
        at("1:06:55", .key(.character("3")))
        at("1:06:56", .key(.character("3")))
        note("> Sam adds a tracking check to the launch list @sam due 2026-12-04", at: "1:07:30")
        at("1:07:35", .key(.character("2")))   // the link picker: 2 picks problem #2
        at("1:08:05")
    }

    /// Types a note and Enter at a meeting time ("m:ss" or "h:mm:ss").
    func note(_ text: String, at time: String) {
        move(to: time)
        type(text: text)
        type(.key(.enter))
    }

    /// Moves the clock to a meeting time, then sends the inputs.
    func at(_ time: String, _ inputs: Input...) {
        move(to: time)
        settle()
        for input in inputs { type(input) }
    }

    func type(_ inputs: Input...) {
        for input in inputs { terminal.type(input) }
        settle()
    }

    func type(text: String) {
        terminal.type(text: text)
        settle()
    }

    /// Runs the loop until it has drawn every input and waits for more.
    private func settle() {
        loop.presentedFrame(on: terminal)
    }

    private func move(to time: String) {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        let milliseconds = parts.reduce(0) { $0 * 60 + $1 } * 1000
        clock.advance(byMilliseconds: milliseconds - clock.now())
        // The typist paused: a picker held back for the pause opens now.
        loop.tick()
    }
}
