import DebriefKit
import Foundation
import TestSupport
import Testing

/// One model of time (issue 10 §3): paused time belongs to no section, stops Elapsed and the
/// slip, and every figure (Schedule, the summary, the brief, `show`) adds up to the duration.
@Suite("Clock: pauses, skipped sections, figures that add up")
struct ClockModelTests {
    let minute = Fixtures.minute

    static let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(
        title: "Clock", startedAt: "2026-11-23T14:00:00Z"))

    /// Pauses inside a section and across a section change, an extension, going back, and
    /// times that are not whole seconds.
    static var scripted: [Event] {
        var s = MeetingScript(agenda: Fixtures.influencer)
        s.start("performance")
        s.wait(minutes: 4.2571)
        s.record(.clockPaused)
        s.wait(minutes: 3.3333)
        s.record(.clockResumed)
        s.wait(minutes: 6.0109)
        s.start("creators")
        s.record(.sectionExtended(section: "creators", minutes: 5))
        s.wait(minutes: 12.7777)
        s.record(.clockPaused)
        s.wait(minutes: 2.5001)
        s.start("content")                 // advancing while paused: still paused
        s.wait(minutes: 7.1234)
        s.start("performance")             // going back, still paused
        s.wait(minutes: 1.0101)
        s.record(.clockResumed)
        s.wait(minutes: 2.4321)
        s.start("wrong")
        s.wait(minutes: 21.9876)
        s.record(.meetingEnded)
        return s.events
    }

    /// Random meetings: sections forwards and back, pauses, extensions, odd milliseconds.
    static func random(seed: UInt64) -> [Event] {
        var random = SeededRandom(seed: seed)
        let sections = Fixtures.influencer.sections.map(\.id)
        var events = [Event(t: 0, .sectionStarted(section: sections[0]))]
        var t = 0, paused = false
        for _ in 0..<Int.random(in: 5...60, using: &random) {
            t += Int.random(in: 0...900_000, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: events.append(Event(t: t, .sectionStarted(section: sections.randomElement(using: &random)!)))
            case 1: events.append(Event(t: t, paused ? .clockResumed : .clockPaused)); paused.toggle()
            case 2: events.append(Event(t: t, .sectionExtended(section: sections.randomElement(using: &random)!, minutes: 5)))
            default: events.append(Event(t: t, .noteAdded(id: events.count, section: sections[0], content: NoteContent(text: "n"))))
            }
        }
        events.append(Event(t: t + Int.random(in: 0...100_000, using: &random), .meetingEnded))
        return events
    }

    @Test func sectionTimesAndPausedTimeAddUpToTheDurationInTheModelTheSummaryTheBriefAndShow() throws {
        for events in [Self.scripted] + (1...40).map({ Self.random(seed: $0) }) {
            let state = MeetingState.fold(agenda: Fixtures.influencer, events: events)
            let end = try #require(state.endedAt)
            // The model, to the millisecond.
            let account = TimeAccount(state: state)
            #expect(account.sections.reduce(0, +) + account.paused == end)
            #expect(account.outside == 0)
            // In whole seconds, as printed.
            let seconds = account.seconds
            #expect(seconds.sections.reduce(0, +) + seconds.paused == end / 1000)
            // Schedule: Elapsed is the work, the meeting less its pauses.
            let schedule = Schedule(state: state, now: end)
            #expect(schedule.worked == account.sections.reduce(0, +))
            #expect(schedule.paused == account.paused)
            // The summary line of the session file.
            let summary = SessionSummary(state: state)
            #expect(summary.sections.map(\.elapsedSeconds).reduce(0, +) + (summary.pausedSeconds ?? -1) == end / 1000)
            // The brief: the Used column adds up to its Total, which is the Duration.
            let brief = BriefWriter.markdown(header: Self.header, state: state)
            let rows = try Self.timeRows(brief)
            let total = try #require(rows.last)
            #expect(total.0 == "Total")
            #expect(rows.dropLast().map(\.1).reduce(0, +) == total.1)
            #expect(total.1 == end / 1000)
            #expect(brief.contains("- **Duration:** \(DurationText.clock(end))\n"))
            if account.paused >= 1000 {
                #expect(brief.contains("- **Paused:** \(DurationText.clock(seconds.paused * 1000)) (not counted against any section)\n"))
                #expect(rows.contains { $0.0 == "Paused" && $0.1 == seconds.paused })
            }
            // `show`: each section's used time, plus the paused line.
            let shown = SessionText.render(header: Self.header, state: state)
            let used = shown.split(separator: "\n").compactMap { line -> Int? in
                guard let range = line.range(of: #"\[[0-9:]+ used"#, options: .regularExpression) else { return nil }
                return Self.seconds(String(line[range].dropFirst().dropLast(5)))
            }
            let pausedShown = shown.split(separator: "\n").first { $0.hasPrefix("  Paused") }
                .map { Self.seconds(String($0.split(separator: " ")[1])) } ?? 0
            #expect(used.reduce(0, +) + pausedShown == end / 1000)
        }
    }

    @Test func theScriptedMeetingHasExactlyItsPausesAsPausedTime() {
        let state = MeetingState.fold(agenda: Fixtures.influencer, events: Self.scripted)
        let paused = Int(3.3333 * 60_000) + Int(2.5001 * 60_000) + Int(7.1234 * 60_000) + Int(1.0101 * 60_000)
        #expect(state.paused(at: state.endedAt!) == paused)
        // Time paused in Content analysis is not that section's: it was never worked on.
        #expect(state.elapsed(section: 2, at: state.endedAt!) == 0)
        #expect(state.status(section: 2, at: state.endedAt!) == .skipped)
        #expect(state.status(section: 1, at: state.endedAt!) == .covered)
        #expect(state.status(section: 4, at: state.endedAt!) == .notReached)
    }

    @Test func whilePausedElapsedAndTheSlipStandStillAndOnlyTheEndMoves() {
        let events = [Event(t: 0, .sectionStarted(section: "performance")), Event(t: 12 * minute, .clockPaused)]
        let state = MeetingState.fold(agenda: Fixtures.influencer, events: events)
        let early = Schedule(state: state, now: 13 * minute), late = Schedule(state: state, now: 40 * minute)
        #expect(early.isPaused && late.isPaused)
        #expect(early.worked == 12 * minute && late.worked == 12 * minute)
        #expect(early.slip == 2 * minute && late.slip == 2 * minute, "the pause is not counted as running behind")
        #expect(late.projectedEnd - early.projectedEnd == 27 * minute, "the end moves later by the pause")
        #expect(late.paused == 28 * minute)
        #expect(late.sectionElapsed == 12 * minute)
    }

    @Test func aPauseCarriesAcrossSectionChangesAsAPause() {
        let events = [Event(t: 0, .sectionStarted(section: "performance")), Event(t: minute, .clockPaused),
                      Event(t: 2 * minute, .sectionStarted(section: "creators"))]
        let state = MeetingState.fold(agenda: Fixtures.influencer, events: events)
        #expect(state.isPaused)
        let schedule = Schedule(state: state, now: 10 * minute)
        #expect(schedule.sectionElapsed == 0, "the new section's clock has not started")
        #expect(schedule.worked == minute)
        #expect(schedule.paused == 9 * minute)
    }

    @Test func skippingSectionsIsNotTimeSaved() {
        // PgDn four times in a few seconds, from the first section to What worked.
        var s = MeetingScript(agenda: Fixtures.influencer)
        s.start("performance")
        s.wait(minutes: 10)
        for id in ["creators", "content", "wrong", "worked"] { s.wait(minutes: 0.05); s.start(id) }
        let state = s.state
        let schedule = Schedule(state: state, now: s.clock.now())
        #expect((1...3).map { state.status(section: $0, at: s.clock.now()) } == [.skipped, .skipped, .skipped])
        #expect(schedule.skipped == 3)
        #expect(schedule.slip >= 0, "not “1 h ahead”: the skipped sections' time is still owed")
        #expect(abs(schedule.slip) < minute)
        // Going back to one makes it current; covering it (a note, or a minute) makes it covered.
        s.start("creators")
        s.note("Nano beat macro", in: "creators")
        s.start("worked")
        #expect(s.state.status(section: 1, at: s.clock.now()) == .covered)
    }

    @Test func aSectionLeftAfterAMinuteOrWithANoteIsCovered() {
        var s = MeetingScript(agenda: Fixtures.influencer)
        s.start("performance")
        s.wait(minutes: 1)
        s.start("creators")
        s.note("one note", in: "creators")
        s.start("content")
        #expect(s.state.status(section: 0, at: s.clock.now()) == .covered)
        #expect(s.state.status(section: 1, at: s.clock.now()) == .covered)
        #expect(s.state.status(section: 2, at: s.clock.now()) == .current)
        #expect(s.state.status(section: 3, at: s.clock.now()) == .notReached)
    }

    /// Three KPIs typed in half a minute are the section's work: it is covered, not
    /// skipped, though no note was written. A row of another section's table is not, nor
    /// are rows imported with `--data` at the meeting's first instant.
    @Test func aSectionWhoseTableChangedIsCoveredWithoutANote() {
        var s = MeetingScript(agenda: Fixtures.influencer)
        s.start("performance")
        s.record(.recordAdded(id: 9, table: .kpis, fields: ["kpi": .text("Imported")]))
        s.wait(minutes: 0.2)
        s.start("creators")
        #expect(s.state.status(section: 0, at: s.clock.now()) == .skipped, "imported, not talked through")
        s.start("performance")
        s.wait(minutes: 0.2)
        s.record(.recordAdded(id: 1, table: .kpis, fields: ["kpi": .text("Reach")]))
        s.record(.recordAdded(id: 2, table: .creators, fields: ["handle": .text("@lena")]))
        s.start("creators")
        s.start("content")
        #expect(s.state.status(section: 0, at: s.clock.now()) == .covered)
        #expect(s.state.status(section: 1, at: s.clock.now()) == .skipped)
        s.record(.recordEdited(id: 2, field: "followers", value: .number(18_400)))
        s.start("wrong")
        #expect(s.state.status(section: 2, at: s.clock.now()) == .skipped, "the creators' row is not content's work")
    }

    @Test func theBriefSaysWhichSectionsWereSkippedOrNotReached() {
        var s = MeetingScript(agenda: Fixtures.influencer)
        s.start("performance")
        s.wait(minutes: 10)
        s.start("creators")
        s.start("content")
        s.wait(minutes: 20)
        s.record(.meetingEnded)
        let brief = BriefWriter.markdown(header: Self.header, state: s.state)
        #expect(brief.contains("| Performance vs. goals | 10:00 | 10 min | yes |\n"))
        #expect(brief.contains("| Creator breakdown | 00:00 | 20 min | skipped |\n"))
        #expect(brief.contains("| Content analysis | 20:00 | 20 min | yes |\n"))
        #expect(brief.contains("| What went wrong | 00:00 | 20 min | not reached |\n"))
        #expect(brief.contains("| Total | 30:00 | 90 min |   |\n"))
        #expect(!brief.contains("Paused"), "no pause, no paused line")
    }

    @Test func theMomentsBeforeTheFirstSectionEventBelongToTheFirstSection() {
        // As `debrief run` records it: the first event comes a moment after the clock started.
        let events = [Event(t: 1_250, .sectionStarted(section: "performance")), Event(t: 5 * minute, .clockPaused),
                      Event(t: 6 * minute, .meetingEnded)]
        let state = MeetingState.fold(agenda: Fixtures.influencer, events: events)
        let account = TimeAccount(state: state)
        #expect(account.sections[0] == 5 * minute)
        #expect(account.paused == minute)
        #expect(account.outside == 0)
    }

    @Test func anOlderSummaryWithoutPausedSecondsStillReads() throws {
        let line = #"{"type":"summary","ended_at":1000,"sections":[]}"#
        let summary = try JSONDecoder().decode(SessionSummary.self, from: Data(line.utf8))
        #expect(summary.pausedSeconds == nil)
        #expect(summary.endedAt == 1000)
    }

    /// The time table of a brief: (section, seconds used) per row.
    static func timeRows(_ brief: String) throws -> [(String, Int)] {
        let lines = brief.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("| Section | Used |") })
        return lines[(start + 2)...].prefix { $0.hasPrefix("| ") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return (cells[0], seconds(cells[1]))
        }
    }

    static func seconds(_ clock: String) -> Int {
        clock.split(separator: ":").reduce(0) { $0 * 60 + Int($1)! }
    }
}
