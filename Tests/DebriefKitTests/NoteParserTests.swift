import DebriefKit
import Testing

/// What the note-taker types, and what the note becomes.
@Suite("Note parser: kinds, owners, deadlines, links")
struct NoteParserTests {
    /// Monday 23 November 2026, the meeting day.
    static let monday = CalendarDay(year: 2026, month: 11, day: 23)

    func parse(_ typed: String) -> NoteParser.Result { NoteParser.parse(typed, today: Self.monday) }

    @Test func theIssuesExampleGivesOwnerAndDeadline() {
        let result = parse("> Create a brief checklist for all campaign managers @maria due 2026-12-01")
        #expect(result.content == NoteContent(kind: .action, text: "Create a brief checklist for all campaign managers",
                                              owner: "maria", due: "2026-12-01"))
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: [
        ("due 2026-12-01", "2026-12-01"), ("by 2026-12-01", "2026-12-01"), ("due +3d", "2026-11-26"),
        ("due +2w", "2026-12-07"), ("by tomorrow", "2026-11-24"), ("due today", "2026-11-23"),
        ("due fri", "2026-11-27"), ("due Friday", "2026-11-27"), ("due mon", "2026-11-30"), ("by thu,", "2026-11-26"),
    ])
    func deadlinesResolveAgainstTheMeetingDay(words: String, expected: String) {
        let result = parse("> send tracking links to every creator @li \(words)")
        #expect(result.content.due == expected)
        #expect(result.content.text == "send tracking links to every creator")
    }

    @Test func ownerAndDeadlineCanComeAnywhereAndAProblemIsLinkedWithHash() {
        let result = parse(">@ana due +1d write the approval SLA into the contract #4")
        #expect(result.content.owner == "ana")
        #expect(result.content.due == "2026-11-24")
        #expect(result.problem == 4)
        #expect(result.content.text == "write the approval SLA into the contract")
    }

    @Test func anImpossibleDateStaysInTheTextWithAWarning() {
        let result = parse("> fix links @li due 2026-02-30")
        #expect(result.content.due == nil)
        #expect(result.content.text == "fix links due 2026-02-30")
        #expect(result.warnings == ["'due 2026-02-30' is not a date (use 2026-12-01, 1 Dec, +3d, +2w, tomorrow, fri or next week); no deadline set"])
    }

    @Test func byInOrdinaryEnglishIsLeftAlone() {
        let result = parse("> improve the brief by adding audience fields @maria due fri")
        #expect(result.content.text == "improve the brief by adding audience fields")
        #expect(result.content.due == "2026-11-27")
        #expect(result.warnings.isEmpty)
    }

    @Test func malformedOwnersAndSecondOwnersAreKeptAsTextWithAWarning() {
        let lone = parse("> call the client @ tomorrow")
        #expect(lone.content.owner == nil)
        #expect(lone.content.text == "call the client @ tomorrow")
        #expect(lone.warnings.first?.contains("is not a name") == true)

        let two = parse("> call the client @maria @li")
        #expect(two.content.owner == "maria")
        #expect(two.content.text == "call the client @li")
        #expect(two.warnings == ["one owner per action: kept @maria, @li stays in the text"])

        let email = parse("> mail maria@agency.example the numbers")
        #expect(email.content.owner == nil, "an e-mail address is not an owner")
    }

    /// The warning shown while typing skips the parse for most keystrokes (not an action, or
    /// fewer than two @): it must say what the parse says whenever the parse would warn.
    @Test func theWarningWhileTypingIsTheParsersWarning() {
        let starts = ["", " ", "  ", ">", "> ", "  > ", "!", "+ ", "? ", "learning: > ", ">\u{301} ", "\u{3000}> "]
        let bodies = ["call @maria @li", "call @maria", "mail maria@agency.example and li@agency.example", "@maria @li",
                      "call @maria, then @li", "plain text", "@ @", "ask @maria @li @jo", "日本 @maria @li"]
        for start in starts {
            for body in bodies {
                let typed = start + body
                let parsed = NoteParser.parse(typed).warnings.first { $0.hasPrefix("one owner per action") }
                let expected = typed.drop(while: { $0 == " " }).first == ">" ? parsed : nil
                #expect(NoteParser.secondOwnerWarning(in: typed) == expected, "\(typed.debugDescription)")
            }
        }
    }

    @Test func withoutAMeetingDateRelativeDeadlinesCannotResolveButIsoDatesDo() {
        #expect(NoteParser.parse("> a b c d due fri", today: nil).content.due == nil)
        #expect(NoteParser.parse("> a b c d due 2026-12-01", today: nil).content.due == "2026-12-01")
    }

    @Test func ownersAndDatesAreReadOnlyInActions() {
        let problem = parse("! @maria said due fri")
        #expect(problem.content == NoteContent(kind: .problem, text: "@maria said due fri"))
    }

    @Test func multiLineActionsKeepTheirLines() {
        let result = parse("> checklist @maria\nwith audience, goal and tone due fri")
        #expect(result.content.text == "checklist\nwith audience, goal and tone")
    }

    @Test func typedFormRoundTripsAnAction() {
        let content = NoteContent(kind: .action, text: "write the SLA", owner: "ana", due: "2026-12-01")
        let typed = NoteParser.typedForm(of: Note(id: 1, section: 0, t: 0, content: content))
        #expect(NoteParser.parse(typed, today: nil).content == content)
    }

    @Test func calendarDaysRefuseImpossibleDatesAndCountWeekdays() {
        #expect(CalendarDay(iso: "2026-02-29") == nil)
        #expect(CalendarDay(iso: "2028-02-29") != nil)
        #expect(CalendarDay(iso: "26-1-1") == nil)
        #expect(Self.monday.weekday == 1)
        #expect(Self.monday.adding(days: 40).description == "2027-01-02")
    }
}

@Suite("Action review and open items")
struct ReviewTests {
    @Test(arguments: [
        ("improve brief quality", false), ("fix tracking", false), ("look into the tracking setup", false),
        ("Create a brief checklist for all campaign managers", true),
        ("improve the brief template with audience, goal and tone fields", true),
        ("send every creator a tagged link", true),
    ])
    func theDeliverableRule(text: String, concrete: Bool) {
        #expect(ActionReview.namesDeliverable(text) == concrete)
    }

    /// Words are runs of letters, digits and apostrophes, by Unicode's definition of a letter
    /// and a digit, ASCII or not: every ASCII character as a separator or inside a word.
    @Test func wordsAreSplitAtAnythingButLettersDigitsAndApostrophes() {
        func reference(_ text: String) -> Bool {
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
            return words.count >= 4 && !(words.first == "improve" && words.count < 7)
        }
        let characters = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + ["é", "e\u{301}", "٣", "—", "\r\n", "’"]
        for character in characters {
            for text in ["improve\(character)the brief for creators", "IMPROVE\(character)The Brief for Creators", "a b\(character)c"] {
                #expect(ActionReview.namesDeliverable(text) == reference(text), "\(text.debugDescription)")
            }
        }
    }

    @Test func anActionWithoutOwnerOrDeadlineIsFlaggedForEach() {
        let concerns = ActionReview.concerns(NoteContent(kind: .action, text: "improve brief quality"))
        #expect(concerns == [.noOwner, .noDeadline, .noDeliverable])
        #expect(ActionReview.concerns(NoteContent(kind: .note, text: "x")).isEmpty)
    }

    @Test func openItemsListProblemsWithoutActionsUntaggedProblemsAndVagueActions() {
        let agenda = Fixtures.influencer
        let events = [
            Event(t: 0, .sectionStarted(section: "wrong")),
            Event(t: 1, .noteAdded(id: 1, section: "wrong", content: NoteContent(kind: .problem, text: "links late"))),
            Event(t: 2, .noteAdded(id: 2, section: "wrong", content: NoteContent(kind: .problem, text: "brief vague"))),
            Event(t: 3, .noteTagged(id: 2, rootCause: "process", severity: "critical")),
            Event(t: 4, .noteAdded(id: 3, section: "wrong", content: NoteContent(
                kind: .action, text: "write a brief checklist for managers", owner: "maria", due: "2026-12-01"))),
            Event(t: 5, .noteLinked(id: 3, problem: 2)),
            Event(t: 6, .noteAdded(id: 4, section: "wrong", content: NoteContent(kind: .action, text: "improve things"))),
        ]
        let items = MeetingState.fold(agenda: agenda, events: events).openItems
        #expect(items.map(\.description) == [
            "Problem not tagged: links late",
            "Problem with no action: links late",
            "Action with no owner, no deadline, no concrete deliverable: improve things",
        ])
        let counts = TagCounts(MeetingState.fold(agenda: agenda, events: events))
        #expect(counts.byRootCause.first { $0.name == "process" }?.count == 1)
        #expect(counts.bySeverity.first { $0.name == "critical" }?.count == 1)
        #expect(counts.untagged == 1)
    }
}
