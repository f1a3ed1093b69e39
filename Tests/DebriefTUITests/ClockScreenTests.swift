import DebriefKit
@testable import DebriefTUI
import Testing

/// The clock as the room sees it (issue 10 §3, issue 11): whole lines, so overlaps and
/// cut words fail.
@Suite("Clock on screen: paused, skipped, hours, a long agenda")
struct ClockScreenTests {
    let minute = 60_000

    static func lines(_ model: AppModel, _ width: Int, _ height: Int) -> [String] {
        MeetingScreen.render(model, size: TerminalSize(width: width, height: height)).lines
    }

    /// The rows of the dialog box, each cut to the box's own columns (borders included), so
    /// that what is drawn around the box does not matter.
    static func box(_ lines: [String]) -> [String] {
        guard let top = lines.firstIndex(where: { $0.contains("┌") }),
              let bottom = lines.firstIndex(where: { $0.contains("└") }) else { return [] }
        let left = lines[top].distance(from: lines[top].startIndex, to: lines[top].firstIndex(of: "┌")!)
        let width = lines[top].count - left - (lines[top].hasSuffix("┐") ? 0 : 1)
        return lines[top...bottom].map { line in
            let padded = line.padding(toLength: left + width, withPad: " ", startingAt: 0)
            return String(padded.dropFirst(left).prefix(width))
        }
    }

    /// Paused at 12:00, then moved on to Creator breakdown, now 20:00 of meeting time.
    var pausedAcrossSections: AppModel {
        ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "performance")), Event(t: 12 * minute, .clockPaused),
            Event(t: 13 * minute, .sectionStarted(section: "creators")),
        ], now: 20 * minute)
    }

    /// Started 14:00, stopped by a crash at 10 minutes, resumed at 15:00: the 50 minutes
    /// down count as paused, so the expected end counts from the resume, not from 14:10.
    @Test func afterAResumeTheExpectedEndCountsFromTheResumeNotTheStart() throws {
        let meeting = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "performance"))], now: 10 * minute).meeting
        let started = MeetingInfo(title: "Post-mortem", startedAt: "2026-11-23T14:00:00Z")
        let resumedAt = try #require(started.startDate).addingTimeInterval(3600)
        let resumed = AppModel.resuming(meeting, info: started, clockOffset: 10 * minute, at: resumedAt)
        let freshAtThatHour = AppModel(meeting: meeting, info: MeetingInfo(title: "Post-mortem", startedAt: "2026-11-23T15:00:00Z"))
        #expect(AgendaProgress.wallClock(resumed.meetingView, meetingTime: 10 * minute) == AgendaProgress.wallClock(freshAtThatHour.meetingView, meetingTime: 0))
        #expect(AgendaProgress.wallClock(resumed.meetingView, meetingTime: 40 * minute) == AgendaProgress.wallClock(freshAtThatHour.meetingView, meetingTime: 30 * minute))
    }

    @Test func pausedTheWholeHeaderStandsStillAndSaysPausedInWords() {
        let screen = Self.lines(pausedAcrossSections, 80, 24)
        #expect(screen[0] == " Debrief · Spring launch post-mortem · Acme / Spring         ❚❚ PAUSED  ● saved")
        #expect(screen[2] == " 2/6  Creator breakdown                                       PAUSED 20:00 left")
        // The expected end is wall-clock time in the machine's zone: the rest of the line is fixed.
        #expect(screen[19].hasPrefix(" ❚❚ PAUSED 08:00 · Elapsed 12:00 of 1:30:00 · 2 min behind · ends ~"))
        #expect(screen[19].count == " ❚❚ PAUSED 08:00 · Elapsed 12:00 of 1:30:00 · 2 min behind · ends ~15:40".count)
        #expect(screen[23] == " F1 Help  PgDn Next  PgUp Back  F2 Resume  F3 +5 min  Tab Notes  F10 End")
        // Later in the pause: Elapsed and the slip have not moved; only the pause grew.
        var later = pausedAcrossSections
        later.now = 50 * minute
        #expect(Self.lines(later, 80, 24)[19].hasPrefix(" ❚❚ PAUSED 38:00 · Elapsed 12:00 of 1:30:00 · 2 min behind · ends ~"))
        // The paused flag is in the header whatever the color: it is text.
        let small = Self.lines(pausedAcrossSections, 60, 16)
 #expect(small[0] == " Debrief · Spring launch post-mortem…    ❚❚ PAUSED  ● saved")
        #expect(small[11] == " ❚❚ PAUSED 08:00 · Elapsed 12:00 of 1:30:00 · 2 min behind")
    }

    @Test func runningTheStatusLineSaysPauseAndTheHeaderHasNoFlag() {
        let model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "performance"))], now: 4 * minute)
        let screen = Self.lines(model, 80, 24)
        #expect(screen[0] == " Debrief · Spring launch post-mortem · Acme / Spring                    ● saved")
        #expect(screen[23] == " F1 Help  PgDn Next  PgUp Back  F2 Pause  F3 +5 min  Tab Notes  F4 Tag  F10 End")
    }

    @Test func advancingWhilePausedSaysTheClockIsStillPaused() {
        var model = ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "performance")), Event(t: minute, .clockPaused),
        ], now: 2 * minute)
        let effects = model.handle(.key(.pageDown))
        #expect(effects == [.record(.sectionStarted(section: "creators"))])
        for case .record(let change) in effects { model.apply(Event(t: 2 * minute, change)) }
        #expect(model.meeting.isPaused)
        let screen = Self.lines(model, 80, 24)
        #expect(screen[20] == "── The clock is still paused: F2 resumes ───────────────────────────────────────")
        #expect(screen[0].contains("❚❚ PAUSED"))
    }

    @Test func skippedSectionsAreMarkedAndStillOwedNotTimeAhead() {
        // PgDn three times in two seconds after ten minutes of the first section.
        let model = ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "performance")),
            Event(t: 10 * minute, .sectionStarted(section: "creators")),
            Event(t: 10 * minute + 1000, .sectionStarted(section: "content")),
            Event(t: 10 * minute + 2000, .sectionStarted(section: "wrong")),
        ], now: 11 * minute)
        let narrow = Self.lines(model, 80, 24)
        #expect(narrow[18] == " ✓Performan… ↷Creator    ↷Content    ▶What went wrong ·What       ·Action")
        #expect(narrow[19].hasPrefix(" Elapsed 11:00 of 1:30:00 · on time · ends ~"))
        #expect(narrow[19].hasSuffix(" · 2 skipped"))
        let wide = Self.lines(model, 120, 30)
        #expect(wide[4] == " ✓ Performance vs. goals   10/10m│")
        #expect(wide[5].hasPrefix(" ↷ Creator breakdown      skipped│"))
        #expect(wide[6].hasPrefix(" ↷ Content analysis       skipped│"))
        #expect(wide[7].hasPrefix(" ▶ What went wrong          0/20m│"))
        #expect(wide[8].hasPrefix("   What worked              0/10m│"))
    }

    @Test func timesPastTheHourNeverRunIntoTheKindLabel() {
        let model = ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "performance")),
            Event(t: 59 * minute + 10_000, .noteAdded(id: 1, section: "performance", content: NoteContent(text: "Before the hour"))),
            Event(t: 66 * minute + 50_000, .noteAdded(id: 2, section: "performance",
                                                     content: NoteContent(kind: .problem, text: "Tracking links were not ready on day one"))),
            Event(t: 600 * minute, .noteAdded(id: 3, section: "performance", content: NoteContent(kind: .win, text: "Ten hours in, still going"))),
        ], now: 600 * minute)
        let screen = Self.lines(model, 80, 24)
        let first = screen.firstIndex { $0.hasPrefix("── Notes · 3 ") }!
        #expect(Array(screen[(first + 1)...(first + 4)]) == [
            "    59:10 note    Before the hour",
            "  1:06:50 PROBLEM Tracking links were not ready on day one",
            "                  #1   ⚑ untagged (F4)",
            " 10:00:00 WIN     Ten hours in, still going",
        ])
        // Under the hour the column keeps its old width.
        let early = ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "performance")),
            Event(t: 66 * minute + 50_000, .noteAdded(id: 2, section: "performance",
                                                     content: NoteContent(kind: .problem, text: "Tracking links were not ready on day one"))),
        ], now: 67 * minute)
        for (width, height) in [(60, 16), (100, 30), (200, 60)] {
            let lines = Self.lines(early, width, height)
            let rule = lines.firstIndex { $0.contains("Notes · 1 ") }!
            let mainX = width >= 120 && height >= 30 ? 34 : 0
            let row = String(lines[rule + 1].dropFirst(mainX))
            #expect(row == " 1:06:50 PROBLEM Tracking links were not ready on day one", "at \(width)×\(height)")
        }
    }

    @Test(arguments: [(80, 24), (60, 16)])
    func theEndDialogOfATenThousandSectionAgendaKeepsItsKeysOnScreen(width: Int, height: Int) {
        var model = Self.longAgendaModel(sections: 10_000, current: 3)
        _ = model.handle(.key(.function(10)))
        let screen = Self.lines(model, width, height)
        let box = Self.box(screen)
        if width >= 80 {
            #expect(box == [
                "┌─ End meeting ──────────────────────────────────────────────────────────────┐",
                "│                                                                            │",
                "│ Skipped: Section 1, Section 2.                                             │",
                "│ Not covered (9,997): Section 4, Section 5, Section 6, Section 7 and 9,993  │",
                "│ more.                                                                      │",
                "│ Nothing left open (no problems were captured).                             │",
                "│                                                                            │",
                "│ End the meeting now? 0 notes will be saved to the session file and the     │",
                "│ brief.                                                                     │",
                "│ Enter or y: end the meeting   Esc: back to the meeting                     │",
                "│                                                                            │",
                "└────────────────────────────────────────────────────────────────────────────┘",
            ])
        } else {
            #expect(box == [
                "┌─ End meeting ──────────────────────────────────────────┐",
                "│                                                        │",
                "│ Skipped: Section 1, Section 2.                         │",
                "│ Not covered (9,997): Section 4, Section 5, Section 6,  │",
                "│ Section 7 and 9,993 more.                              │",
                "│ Nothing left open (no problems were captured).         │",
                "│                                                        │",
                "│ End the meeting now? 0 notes will be saved to the      │",
                "│ session file and the brief.                            │",
                "│ Enter or y: end the meeting   Esc: back to the meeting │",
                "│                                                        │",
                "└────────────────────────────────────────────────────────┘",
            ])
        }
        #expect(box.filter { $0.contains("Section") }.count <= 3, "a few names, then a count")
    }

    @Test func manyOpenItemsAtTheSmallestSizeStillLeaveEnterAndEsc() {
        var model = Self.longAgendaModel(sections: 10_000, current: 3)
        for id in 1...30 {
            model.apply(Event(t: 1500, .noteAdded(id: id, section: "s3", content: NoteContent(kind: .problem, text: "Problem \(id)"))))
        }
        _ = model.handle(.key(.function(10)))
        #expect(Self.box(Self.lines(model, 60, 16)) == [
            "┌─ End meeting ──────────────────────────────────────────┐",
            "│                                                        │",
            "│ Skipped: Section 1, Section 2.                         │",
            "│ Not covered (9,997): Section 4, Section 5, Section 6,  │",
            "│ Section 7 and 9,993 more.                              │",
            "│ Still open (60): the brief lists them all.             │",
            "│ Learnings: 0 marked; the client's log wants 3–5 (Tab,  │",
            "│ then * marks one).                                     │",
            "│                                                        │",
            "│ End the meeting now? 30 notes will be saved to the     │",
            "│ session file and the brief.                            │",
            "│ Enter or y: end the meeting   Esc: back to the meeting │",
            "│                                                        │",
            "└────────────────────────────────────────────────────────┘",
        ])
        let box = Self.box(Self.lines(model, 80, 24))
        #expect(Array(box.suffix(9)) == [
            "│   8  Problem #4 with no action: Problem 4                                  │",
            "│   9  Problem #5 not tagged: Problem 5                                      │",
            "│   … and 51 more; the brief lists them all                                  │",
            "│                                                                            │",
            "│ End the meeting now? 30 notes will be saved to the session file and the    │",
            "│ brief.                                                                     │",
            "│ Enter or y: end the meeting   Esc: back to the meeting                     │",
            "│                                                                            │",
            "└────────────────────────────────────────────────────────────────────────────┘",
        ])
    }

    static func longAgendaModel(sections count: Int, current: Int) -> AppModel {
        let agenda = Agenda(name: "long", title: "Long",
                            sections: (1...count).map { AgendaSection(id: "s\($0)", title: "Section \($0)", minutes: 1) },
                            taxonomy: Taxonomy(rootCauses: ["process"], severities: ["minor"]))
        var model = AppModel(meeting: MeetingState(agenda: agenda), info: ScreenFixtures.info)
        model.apply(Event(t: 0, .sectionStarted(section: "s1")))
        model.apply(Event(t: 1000, .sectionStarted(section: "s\(current)")))
        model.now = 2000
        return model
    }
}
