import DebriefKit
import Foundation
import Testing

/// The brief as a person reads it: the start in local time with its offset, Markdown
/// escapes only where Markdown needs them, and no comfort about problems that never were.
@Suite("Brief: local start time, light escaping, honest open items")
struct BriefWordingTests {
    static let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(
        title: "Quiet retro", startedAt: "2026-11-25T22:36:15Z"))

    @Test(arguments: [
        ("Europe/Paris", "2026-11-25 23:36 +01:00"), ("America/New_York", "2026-11-25 17:36 -05:00"),
        ("Asia/Kolkata", "2026-11-26 04:06 +05:30"), ("UTC", "2026-11-25 22:36 +00:00"),
    ])
    func theStartIsLocalTimeWithItsOffset(zone: String, expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let state = MeetingState(agenda: Fixtures.small)
        #expect(BriefWriter.markdown(header: Self.header, state: state, timeZone: timeZone).contains("- **Started:** \(expected)\n"))
        #expect(SessionText.render(header: Self.header, state: state, timeZone: timeZone).contains("  Started     \(expected)\n"))
        #expect(LocalTime.text(stored: "not a time", in: timeZone) == "not a time")
    }

    @Test func withNoProblemsNothingOpenMakesNoClaimAboutThem() {
        let events = [Event(t: 0, .sectionStarted(section: "a")),
                      Event(t: 1000, .noteAdded(id: 1, section: "a", content: NoteContent(text: "All fine"))),
                      Event(t: 2000, .meetingEnded)]
        let state = MeetingState.fold(agenda: Fixtures.small, events: events)
        let brief = BriefWriter.markdown(header: Self.header, state: state, timeZone: .gmt)
        #expect(brief.contains("## Open items\n\nNothing open.\n"))
        #expect(!brief.contains("every problem has an action"))
    }

    @Test func onlyWhatMarkdownReadsAsMarkupIsEscaped() {
        #expect(MarkdownText.inline("brief -> checklist -> creator") == "brief -> checklist -> creator")
        #expect(MarkdownText.inline("CTR > 2% and #3 done!") == "CTR > 2% and #3 done!")
        #expect(MarkdownText.inline("> quoted") == "\\> quoted")
        #expect(MarkdownText.inline("# not a heading") == "\\# not a heading")
        #expect(MarkdownText.inline("- not a list") == "\\- not a list")
        #expect(MarkdownText.inline("1. not numbered") == "1\\. not numbered")
        #expect(MarkdownText.inline("<b>x</b> *y* [z](u) a|b `c`") == "\\<b>x\\</b> \\*y\\* \\[z\\](u) a\\|b \\`c\\`")
    }
}

/// `debrief show`: a note typed over several lines (Alt-Enter) prints as lines, indented
/// under its text, never as `^J`.
@Suite("Show: multi-line notes as indented lines")
struct ShowMultiLineTests {
    @Test func everyListShowsTheOtherLinesUnderTheFirst() {
        let events = [
            Event(t: 0, .sectionStarted(section: "b")),
            Event(t: 60_000, .noteAdded(id: 1, section: "b", content: NoteContent(
                kind: .problem, text: "Approvals slipped\r\n(Sam ran these numbers)"))),
            Event(t: 120_000, .noteAdded(id: 2, section: "b", content: NoteContent(
                kind: .action, text: "Agree a 48-hour approval window\nin every contract", owner: "tom"))),
        ]
        let state = MeetingState.fold(agenda: Fixtures.small, events: events)
        let text = SessionText.render(header: BriefWordingTests.header, state: state, timeZone: .gmt)
        let lines = text.components(separatedBy: "\n")
        #expect(lines.contains("   01:00  PROBLEM  Approvals slipped  (#1, root cause: untagged, severity: untagged)"))
        #expect(lines.contains("                   (Sam ran these numbers)"))
        #expect(lines.contains("   - Agree a 48-hour approval window · owner: tom · due: none"))
        #expect(lines.contains("     in every contract"))
        #expect(lines.contains("   - Approvals slipped: no action item yet"))
        #expect(lines.contains("     (Sam ran these numbers)"))
        #expect(!text.contains("^J") && !text.contains("^M"))
    }
}
