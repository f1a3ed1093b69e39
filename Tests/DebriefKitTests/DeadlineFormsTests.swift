import DebriefKit
import Foundation
import Testing

/// Deadlines as people say them: month names in either order, next week, end of month;
/// numeric dates that mean different days in different countries are refused with the
/// form to write instead.
@Suite("Deadlines: month names, next week, ambiguous numbers refused")
struct DeadlineFormsTests {
    /// Wednesday 25 November 2026.
    static let wednesday = CalendarDay(year: 2026, month: 11, day: 25)

    func parse(_ typed: String) -> NoteParser.Result { NoteParser.parse(typed, today: Self.wednesday) }

    @Test(arguments: [
        ("due next week", "2026-11-30"), ("due 1 Dec", "2026-12-01"), ("due dec 1", "2026-12-01"),
        ("due December 1st", "2026-12-01"), ("by 1 december", "2026-12-01"), ("due 1 Dec 2027", "2027-12-01"),
        ("due dec 1, 2026", "2026-12-01"), ("due end of month", "2026-11-30"), ("due end of week", "2026-11-27"),
        ("due jan 5", "2027-01-05"), ("by Sept 3", "2027-09-03"), ("due 25 nov", "2026-11-25"),
    ])
    func spokenDatesAreUnderstood(words: String, expected: String) {
        let result = parse("> send tracking links to every creator @li \(words) #2")
        #expect(result.content.due == expected)
        #expect(result.content.text == "send tracking links to every creator")
        #expect(result.problem == 2)
        #expect(result.warnings.isEmpty)
    }

    @Test func ambiguousNumericDatesAreRefusedNamingTheFormToUse() {
        let slash = parse("> send links @li due 12/01")
        #expect(slash.content.due == nil)
        #expect(slash.content.text == "send links due 12/01")
        #expect(slash.warnings == ["'12/01' is ambiguous (12 Jan or 1 Dec?): write the month as a word (1 Dec) or the date as 2026-12-01; no deadline set"])
        let dotted = parse("> send links @li due 01.12")
        #expect(dotted.content.due == nil)
        #expect(dotted.warnings.first?.contains("(1 Dec or 12 Jan?)") == true)
        let byDate = parse("> send links @li by 12/01")
        #expect(byDate.warnings.count == 1, "a slashed date after 'by' is surely meant as one")
    }

    @Test func daysThatDoNotExistAreSaidSo() {
        let result = parse("> send links @li due feb 30")
        #expect(result.content.due == nil)
        #expect(result.content.text == "send links due feb 30")
        #expect(result.warnings == ["'feb 30' is not a date; no deadline set"])
    }

    @Test func byFollowedByNumbersInOrdinaryEnglishIsLeftAlone() {
        let result = parse("> raise the engagement rate by 1.5 points with hooks in the first second @li due fri")
        #expect(result.content.text == "raise the engagement rate by 1.5 points with hooks in the first second")
        #expect(result.content.due == "2026-11-27")
        #expect(result.warnings.isEmpty)
    }

    @Test func oneDateReadingEverywhere() {
        #expect(CalendarDay(iso: "2026-02-30") == nil)
        #expect(CalendarDay(iso: "2028-02-29") == CalendarDay(year: 2028, month: 2, day: 29))
        #expect(CalendarDay(iso: "2026-12-01")?.compact == "20261201")
        // The calendar export reads dates as capture does: 30 February is not a day there either.
        let agenda = Fixtures.small
        let events = [
            Event(t: 0, .sectionStarted(section: agenda.sections[0].id)),
            Event(t: 1, .noteAdded(id: 1, section: agenda.sections[0].id, content: NoteContent(
                kind: .action, text: "write the approval window into the contract", owner: "li", due: "2026-02-30"))),
        ]
        let state = MeetingState.fold(agenda: agenda, events: events)
        #expect(ICSExporter.undated(state).map(\.id) == [1])
        let header = SessionHeader(agenda: agenda, meeting: MeetingInfo(title: "M", startedAt: "2026-11-23T14:00:00Z"))
        #expect(!ICSExporter.ics(header: header, state: state, session: "m").contains("DUE"))
    }
}
