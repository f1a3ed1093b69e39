import DebriefKit
@testable import DebriefTUI
import Testing

/// Keys in, events out: a note-taker's capture, driven through the app model as the loop
/// drives it (every effect recorded as an event and folded back in).
struct CaptureDriver {
    var model = ScreenFixtures.model(events: [], now: 0)
    var events: [Event] = []
    var finished = false
    var left = false
    var suspensions = 0

    init(section: String = "wrong") {
        record(.sectionStarted(section: section))
    }

    /// One input, then a pause (a second of wall time): the driver types like someone who
    /// looks at the screen after each key, so pickers opened by Enter show and take keys.
    mutating func send(_ input: Input) {
        perform(model.handle(input))
        model.wallTime += 1000
        model.openPickerIfDue()
    }

    private mutating func perform(_ effects: [AppEffect]) {
        for effect in effects {
            switch effect {
            case .record(let change): record(change)
            case .addNote(let section, let content):
                // The driver plays the writer: the next free id.
                record(.noteAdded(id: model.meeting.nextNoteID, section: section, content: content))
                perform(model.noteRecorded(events[events.count - 1]))
            case .saveUnfinishedNote(_, let section, let content):
                record(.noteAdded(id: model.meeting.nextNoteID, section: section, content: content))
            case .addRecord(let table, let fields):
                record(.recordAdded(id: model.meeting.nextRecordID, table: table, fields: fields))
                model.recordAdded(events[events.count - 1])
            case .finish: finished = true
            case .leave: left = true
            case .suspend: suspensions += 1
            }
        }
    }

    mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    mutating func record(_ change: Change) {
        let event = Event(t: (events.last?.t ?? 0) + 1000, change)
        events.append(event)
        model.apply(event)
    }

    var notes: [Note] { model.meeting.visibleNotes }
    func screen(width: Int = 100, height: Int = 30) -> String { ScreenFixtures.render(model, width: width, height: height) }
}

@Suite("Capture: tagging, actions, editing, the checklist")
struct CaptureFlowTests {
    @Test func twoKeystrokesTagAProblemRightAfterItIsSaved() {
        var driver = CaptureDriver()
        driver.type("!Tracking links were not ready on day one")
        driver.press(.enter)
        #expect(driver.screen().contains("Root cause:"))
        #expect(driver.screen().contains("3  tools"))
        driver.press(.character("3"))
        #expect(driver.screen().contains("now the severity"))
        driver.press(.character("3"))
        #expect(driver.model.overlay == nil)
        #expect(driver.events.last?.change == .noteTagged(id: 1, rootCause: "tools", severity: "critical"))
        #expect(driver.screen().contains("#1   tools · critical"))
    }

    @Test func typingALetterInsteadOfATagLeavesItUntaggedAndTypesTheLetter() {
        var driver = CaptureDriver()
        driver.type("!Approvals took a week")
        driver.press(.enter)
        driver.type("Creators")
        #expect(driver.model.overlay == nil)
        #expect(driver.model.editor.text == "Creators", "no keystroke is lost to the picker")
        #expect(driver.screen().contains("⚑ untagged (F4)"))
        // F4 later tags the last untagged problem.
        driver.press(.function(4), .character("1"), .character("2"))
        #expect(driver.notes[0].rootCause == "process" && driver.notes[0].severity == "significant")
    }

    @Test func anActionGetsItsOwnerDeadlineAndIsLinkedToTheProblemItAnswers() {
        var driver = CaptureDriver()
        driver.type("!Brief missing audience")
        driver.press(.enter, .escape)
        driver.type("> Create a brief checklist for all campaign managers @maria due 2026-12-01")
        driver.press(.enter)
        #expect(driver.screen().contains("Which problem does this action answer?"))
        driver.press(.character("1"))
        let action = driver.notes[1]
        #expect(action.content == NoteContent(kind: .action, text: "Create a brief checklist for all campaign managers",
                                              owner: "maria", due: "2026-12-01"))
        #expect(action.problem == 1)
        #expect(driver.screen().contains("→ @maria · due 2026-12-01 · answers #1"))
        let summary = SessionSummary(state: driver.model.meeting)
        #expect(summary.sections[3].items[1].problem == 1)
    }

    @Test func theLinkPickerKeyIsTheProblemsOwnNumber() {
        var driver = CaptureDriver()
        for text in ["Brief missing audience", "Tracking links late", "Budget approval late"] {
            driver.type("!" + text)
            driver.press(.enter, .escape)
        }
        driver.type("> Send the brief template @maria due 2026-12-01")
        driver.press(.enter)
        let screen = driver.screen()
        #expect(screen.contains("  1  Brief missing audience") && screen.contains("  3  Budget approval late"),
                "listed by problem number, the digit being that number")
        driver.press(.character("1"))
        #expect(driver.notes.last?.problem == driver.model.meeting.problemNumbers.noteID(numbered: 1), "1 picks #1, not the newest")
    }

    @Test func pastProblemNineTheLinkPickerCountsPlacesAndShowsTheNumber() {
        var driver = CaptureDriver()
        for index in 1...10 {
            driver.type("!Problem \(index)")
            driver.press(.enter, .escape)
        }
        driver.type("> Fix it @li due 2026-12-01")
        driver.press(.enter)
        let screen = driver.screen(height: 40)
        #expect(screen.contains("type its place in the list") && screen.contains("  1  #10 Problem 10"))
        driver.press(.character("1"))
        #expect(driver.notes.last?.problem == driver.model.meeting.problemNumbers.noteID(numbered: 10))
    }

    @Test func adviceTooLongForTheRuleIsShownWholeAboveTheInput() {
        var driver = CaptureDriver(section: "actions")
        driver.type("> send tracking links @li due 12/01")
        driver.press(.enter)
        let screen = driver.screen(width: 80, height: 24)
        let advice = "'12/01' is ambiguous (12 Jan or 1 Dec?): write the month as a word (1 Dec) or the date as 2026-12-01; no deadline set"
        let shown = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.hasPrefix("─") && !$0.isEmpty }.joined(separator: " ")
        #expect(shown.contains(advice), "the whole advice, wrapped, never cut")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24, "the screen keeps its size")
        #expect(lines[21].contains("›"), "the input keeps its row above the status line")
        #expect(lines[20].hasSuffix("no deadline set") && lines[18].hasPrefix("───"), "the advice sits between the rule and the input")
    }

    @Test func aVagueActionIsFlaggedWhereItIsShown() {
        var driver = CaptureDriver(section: "actions")
        driver.type("> improve brief quality")
        driver.press(.enter)
        #expect(driver.screen().contains("⚑ no owner, no deadline, no concrete deliverable"))
    }

    @Test func aDeadlineTheParserCannotReadIsSaidOutLoud() {
        var driver = CaptureDriver(section: "actions")
        driver.type("> send tracking links to creators @li due someday")
        driver.press(.enter)
        #expect(driver.screen().contains("'due someday' is not a date"))
        #expect(driver.notes[0].text == "send tracking links to creators due someday")
    }

    @Test func notesAreSelectedEditedDeletedBroughtBackAndReKinded() {
        var driver = CaptureDriver(section: "performance")
        driver.type("Reach 1.2M")
        driver.press(.enter)
        driver.type("CPM too hihg")
        driver.press(.enter)
        driver.press(.tab)
        #expect(driver.model.selectedNoteID == 2, "Tab selects the newest note")
        driver.press(.enter)
        #expect(driver.model.editor.text == "CPM too hihg")
        #expect(driver.screen().contains("Editing the note from 00:03"))
        driver.press(.backspace, .backspace)
        driver.type("gh")
        driver.press(.enter)
        #expect(driver.events.last?.change == .noteEdited(id: 2, content: NoteContent(text: "CPM too high")))

        driver.press(.up, .delete)
        #expect(driver.notes.map(\.text) == ["CPM too high"])
        #expect(driver.screen().contains("Note deleted. u or Ctrl-Z brings it back."))
        driver.press(.character("u"))
        #expect(driver.notes.map(\.text) == ["Reach 1.2M", "CPM too high"])

        driver.press(.character("+"))
        #expect(driver.notes[0].kind == .win)
        #expect(driver.screen().contains("WIN"))
        let removed = driver.events.contains { $0.change == .noteRemoved(id: 1) }
        #expect(removed, "the deletion stays in the history")
    }

    @Test func controlZUndoesWhileThereIsSomethingToUndoThenSuspends() {
        var driver = CaptureDriver(section: "performance")
        driver.type("draft")
        driver.press(.control("z"))
        #expect(driver.model.editor.text.isEmpty)
        #expect(driver.suspensions == 0)
        driver.press(.control("z"))
        #expect(driver.suspensions == 1, "nothing left to undo: Ctrl-Z suspends as in any terminal program")
        driver.press(.control("_"))
        #expect(driver.suspensions == 1, "Ctrl-_ only ever undoes")
    }

    @Test func typingWhileTheListHasFocusGoesToTheNote() {
        var driver = CaptureDriver(section: "performance")
        driver.type("first")
        driver.press(.enter, .tab)
        driver.type("second")
        #expect(driver.model.focus == .input)
        #expect(driver.model.editor.text == "second")
    }

    @Test func upInAnEmptyInputRecallsEarlierNotes() {
        var driver = CaptureDriver(section: "performance")
        driver.type("one")
        driver.press(.enter)
        driver.type("two")
        driver.press(.enter, .up)
        #expect(driver.model.editor.text == "two")
        driver.press(.up)
        #expect(driver.model.editor.text == "one")
        driver.press(.down, .down)
        #expect(driver.model.editor.text.isEmpty)
    }

    @Test func altEnterAddsALineAndAPastedNewlineNeverCommits() {
        var driver = CaptureDriver(section: "performance")
        driver.type("first line")
        driver.press(.alt(.enter))
        driver.type("second line")
        driver.send(.paste("\npasted\r\nmore\u{1B}[31m"))
        #expect(driver.notes.isEmpty)
        #expect(driver.model.editor.text == "first line\nsecond line\npasted\nmore\u{1B}[31m")
        let screen = driver.screen()
        #expect(screen.contains("more^[[31m"), "a pasted escape sequence is shown, never executed")
        driver.press(.enter)
        #expect(driver.notes.first?.text == "first line\nsecond line\npasted\nmore\u{1B}[31m")
    }

    @Test func theEndChecklistListsWhatIsOpenAndJumpsBackToFixIt() {
        var driver = CaptureDriver()
        driver.type("!Links late")
        driver.press(.enter, .escape)
        driver.press(.pageDown, .pageDown)
        driver.type("> improve brief quality")
        driver.press(.enter, .escape)
        driver.press(.function(10))
        let screen = driver.screen(width: 120, height: 36)
        #expect(screen.contains("Still open (3)"))
        #expect(screen.contains("1  Problem #1 not tagged: Links late"))
        #expect(screen.contains("2  Problem #1 with no action: Links late"))
        #expect(screen.contains("3  Action with no owner, no deadline, no concrete deliverable: improve brief quality"))

        driver.press(.character("1"))
        #expect(driver.model.overlay == .tagging(noteID: 1, rootCause: nil))
        #expect(driver.model.viewedSection == 3, "the list looks back at What went wrong")
        #expect(driver.screen().contains("Notes of What went wrong"))
        driver.press(.character("2"), .character("3"))
        #expect(driver.notes[0].isTagged)
        #expect(driver.model.meeting.current == 5, "jumping back never moves the clock")

        driver.press(.function(10), .character("1"))
        #expect(driver.model.editor.text == "> #1 ")
        driver.type("Send tagged links a week before launch @li due fri")
        driver.press(.enter)
        #expect(driver.notes.last?.problem == 1)

        driver.press(.function(10))
        #expect(driver.screen(width: 120, height: 36).contains("Still open (1)"))
        driver.press(.enter)
        #expect(driver.finished)
    }

    @Test func endingEarlyNamesTheSectionsNeverOpened() {
        var driver = CaptureDriver(section: "performance")
        driver.press(.pageDown)
        driver.press(.function(10))
        let screen = driver.screen(width: 120, height: 36)
        #expect(screen.contains("Not covered: Content analysis, What went wrong, What worked, Action items."))
        #expect(screen.contains("Nothing left open (no problems were captured)."))
        // At 80 columns long lines wrap inside the box instead of being cut.
        let narrow = driver.screen(width: 80, height: 24)
        #expect(narrow.contains("End the meeting now? 0 notes will be saved to the session file and the"))
        #expect(narrow.contains("│ brief."))
        driver.press(.escape)
        for _ in 0..<4 { driver.press(.pageDown) }
        driver.press(.function(10))
        #expect(!driver.screen(width: 120, height: 36).contains("Not covered"))
    }

    @Test func endingSavesWhatIsStillInTheInput() {
        var driver = CaptureDriver(section: "performance")
        driver.type("Reach 1.2M")
        driver.press(.enter)
        driver.type("CPE 0.42, half typ")
        driver.press(.function(10))
        let screen = driver.screen(width: 120, height: 36)
        #expect(screen.contains("The note still in the input is saved first: “CPE 0.42, half typ”"))
        #expect(screen.contains("End the meeting now? 2 notes will be saved"))
        driver.press(.enter)
        #expect(driver.finished)
        #expect(driver.notes.map(\.text) == ["Reach 1.2M", "CPE 0.42, half typ"])
        #expect(driver.events.last?.change == .meetingEnded, "the note is recorded before the end")
    }

    @Test func anEditInProgressIsSavedWhenTheMeetingEndsWithCtrlC() {
        var driver = CaptureDriver(section: "performance")
        driver.type("Reach 1.2")
        driver.press(.enter, .tab, .enter)
        driver.type("M")
        driver.press(.function(10))
        #expect(driver.screen(width: 120, height: 36).contains("Your edit of the note from 00:02 is saved first: “Reach 1.2M”"))
        driver.press(.escape, .control("c"), .character("e"))
        #expect(driver.finished)
        #expect(driver.notes.map(\.text) == ["Reach 1.2M"])
    }

    @Test func jumpingBackFromTheChecklistKeepsWhatWasTyped() {
        var driver = CaptureDriver()
        driver.type("!Links late")
        driver.press(.enter, .escape)
        driver.type("Maria thinks")
        driver.press(.function(10), .character("1"))
        #expect(driver.notes.map(\.text) == ["Links late", "Maria thinks"])
    }

    @Test func endingWhileWritesFailSaysSoBeforeConfirming() {
        var driver = CaptureDriver(section: "performance")
        driver.model.storageProblem = "notes kept in memory (disk full)"
        driver.press(.function(10))
        #expect(driver.screen(width: 120, height: 36).contains("⚠ Not on disk yet: notes kept in memory (disk full)."))
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func theWhatWentWrongPaneChartsProblemsByRootCauseAndSeverity(width: Int, height: Int) {
        var driver = CaptureDriver()
        for (text, cause, severity) in [("links late", "3", "3"), ("brief vague", "1", "2"), ("approvals", "1", "3")] {
            driver.type("!" + text)
            driver.press(.enter, .character(Character(cause)), .character(Character(severity)))
        }
        let screen = driver.screen(width: width, height: height)
        if width >= 100 {
            #expect(screen.contains("Root causes"))
            #expect(screen.range(of: #"process\s+█+ 2"#, options: .regularExpression) != nil)
            #expect(screen.range(of: #"critical\s+█+ 2"#, options: .regularExpression) != nil)
        } else {
            #expect(screen.contains("Causes: process 2 · tools 1"))
            #expect(screen.contains("Severity: significant 1 · critical 2"))
        }
    }

    @Test func theListShowsKindsAsWordsAndTheClientFlagToggles() {
        var driver = CaptureDriver(section: "performance")
        for text in ["plain", "!problem", "+win", "> action text here @a due 2026-12-01", "?question"] {
            driver.type(text)
            driver.press(.enter, .escape)
        }
        let screen = driver.screen()
        for word in ["note    plain", "PROBLEM problem", "WIN     win", "ACTION  action text here", "?       question"] {
            #expect(screen.contains(word), "the list shows \(word)")
        }
        // Questions never go to the client: `v` says so and records nothing.
        driver.press(.tab, .character("v"))
        #expect(driver.notes.last?.clientVisible == nil)
        #expect(driver.screen().contains("Questions stay internal"))
        // A vague action ("action text here": no deliverable) cannot be sent either.
        driver.press(.up, .character("v"))
        #expect(driver.notes.first { $0.kind == .action }?.clientVisible == nil)
        #expect(driver.screen().contains("Too vague for the client"))
        // A plain note of the numbers section goes to the client's results unless kept internal.
        driver.press(.up, .up, .up, .character("v"))
        #expect(driver.notes.first?.clientVisible == false)
        #expect(driver.screen().contains("Kept internal"))
        driver.press(.character("v"))
        #expect(driver.notes.first?.clientVisible == true)
        #expect(driver.screen().contains("shown to client"))
    }
}
