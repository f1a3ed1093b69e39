import DebriefKit
@testable import DebriefTUI
import Testing

/// Where a note goes: the section it was started in (a clicker's PageDown mid-note does
/// not move it), the section on screen while looking back; and Esc comes back.
@Suite("Note placement: the section a note was started in, looking back, Esc")
struct NotePlacementTests {
    static func index(_ id: String) -> Int { ScreenFixtures.agenda.sectionIndex(id: id)! }

    @Test func aNoteStartedBeforeAPageDownIsSavedInTheSectionItWasStartedIn() {
        var driver = CaptureDriver(section: "content")
        driver.type("Hook in the first second beat")
        driver.press(.pageDown)
        #expect(driver.model.meeting.current == Self.index("wrong"), "the clock moves on")
        #expect(driver.screen().contains("→ Content analysis"), "the input says where the note goes")
        driver.type(" the slow intros")
        driver.press(.enter)
        #expect(driver.notes.last?.section == Self.index("content"))
        #expect(driver.notes.last?.text == "Hook in the first second beat the slow intros")
        #expect(!driver.screen().contains("→ Content analysis"), "an empty input goes to the current section again")
        driver.type("Approvals took a week")
        driver.press(.enter)
        #expect(driver.notes.last?.section == Self.index("wrong"))
    }

    @Test func anInputEmptiedAndRetypedAfterAPageDownGoesToTheNewSection() {
        var driver = CaptureDriver(section: "content")
        driver.type("ab")
        driver.press(.pageDown, .backspace, .backspace)
        driver.type("Late posts")
        driver.press(.enter)
        #expect(driver.notes.last?.section == Self.index("wrong"))
    }

    @Test func anEditedNoteStaysInItsSectionAndTheInputSaysSo() {
        var driver = CaptureDriver(section: "content")
        driver.type("Hooks were slow")
        driver.press(.enter, .pageDown, .pageUp, .tab, .enter)
        #expect(driver.model.editingNoteID == 1)
        driver.press(.escape, .escape, .pageDown)
        #expect(driver.model.editingNoteID == nil)
        driver.press(.pageUp, .tab, .enter, .pageDown)
        driver.type("!")
        #expect(driver.screen().contains("→ Content analysis"))
        driver.press(.enter)
        #expect(driver.notes.last?.section == Self.index("content"))
    }

    @Test func escInTheInputEndsLookingBackAndNotesTypedThereGoToTheSectionOnScreen() {
        var driver = CaptureDriver()
        driver.type("!Links late")
        driver.press(.enter, .character("3"), .character("3"))
        driver.press(.pageDown, .pageDown)
        driver.press(.function(10), .character("1"))
        #expect(driver.model.viewedSection == Self.index("wrong"))
        #expect(driver.screen().contains("looking back, Esc returns"))
        #expect(driver.model.editor.text == "> #1 ")
        driver.type("Send tagged links a week before launch @li due 2026-12-01")
        driver.press(.enter)
        let action = driver.notes.last!
        #expect(action.section == Self.index("wrong"), "saved where the screen shows it")
        #expect(action.problem == 1)
        #expect(driver.screen().contains("Send tagged links a week before launch"), "and seen there")

        // Still looking back, an empty input says where notes go; Esc returns.
        #expect(driver.model.focus == .input)
        #expect(driver.screen().contains("Notes typed here go to What went wrong"))
        driver.type("Pixel was late too")
        driver.press(.enter)
        #expect(driver.notes.last?.section == Self.index("wrong"))
        driver.press(.escape)
        #expect(driver.model.viewedSection == nil)
        #expect(!driver.screen().contains("looking back"))
        driver.type("Back in the actions")
        driver.press(.enter)
        #expect(driver.notes.last?.section == Self.index("actions"))
    }

    @Test func jumpingBackFromTheChecklistWithTextInTheInputWritesTheActionWhereTheScreenLooks() {
        var driver = CaptureDriver()
        driver.type("!Links late")
        driver.press(.enter, .character("1"), .character("1"))
        driver.press(.pageDown, .pageDown)
        driver.type("Half a thought")
        driver.press(.function(10), .character("1"))
        #expect(driver.notes.last?.section == Self.index("actions"), "what was typed is saved where it was started")
        #expect(driver.model.editor.text == "> #1 ")
        #expect(driver.screen().contains("→ What went wrong"))
        driver.type("Tag links a week ahead @li due 2026-12-01")
        driver.press(.enter)
        #expect(driver.notes.last?.section == Self.index("wrong"))
    }

    @Test func editingANoteFromAnotherSectionSaysItsSectionEvenWithTextTypedBefore() {
        var driver = CaptureDriver(section: "content")
        driver.type("Hooks were slow")
        driver.press(.enter, .pageDown)
        driver.model.viewedSection = Self.index("content")
        driver.press(.tab, .enter)
        #expect(driver.model.editingNoteID == 1)
        #expect(driver.screen().contains("→ Content analysis"))
    }

    @Test func escWithANoteStartedWhileLookingBackKeepsItsSection() {
        var driver = CaptureDriver(section: "content")
        driver.type("First")
        driver.press(.enter, .pageDown)
        driver.model.viewedSection = Self.index("content")
        driver.type("Second thought on hooks")
        driver.press(.escape)
        #expect(driver.model.viewedSection == nil)
        #expect(driver.model.editor.text == "Second thought on hooks", "Esc never throws typed text away")
        #expect(driver.screen().contains("→ Content analysis"))
        driver.press(.enter)
        #expect(driver.notes.last?.section == Self.index("content"))
    }
}

/// Problems are numbered 1, 2, 3… per meeting wherever a person reads or types a number.
@Suite("Problem numbers in the list, the pickers, the checklist and `> … #N`")
struct ProblemNumberScreenTests {
    @Test func problemsAreNumberedAmongProblemsAndActionsLinkByThatNumber() {
        var driver = CaptureDriver()
        driver.type("Context first")
        driver.press(.enter)
        driver.type("!Brief missing audience")
        driver.press(.enter, .escape)
        driver.type("Another plain note")
        driver.press(.enter)
        driver.type("!Tracking links late")
        driver.press(.enter, .escape)
        let screen = driver.screen()
        #expect(screen.contains("#1   ⚑ untagged (F4)"))
        #expect(screen.contains("#2   ⚑ untagged (F4)"))
        #expect(!screen.contains("#4"), "the note id of the second problem is nowhere")

        driver.type("> Tagged links ready a week ahead @li due 2026-12-01 #2")
        driver.press(.enter)
        #expect(driver.notes.last?.problem == 4, "#2 is the second problem, note 4")
        #expect(driver.model.overlay == nil)
        #expect(driver.screen().contains("answers #2"))

        // Editing the action shows the number it was typed with.
        driver.press(.tab, .enter)
        #expect(driver.model.editor.text.hasSuffix("#2"))
        driver.press(.escape, .escape)

        driver.type("> Audience section in every brief @ana due 2026-12-01")
        driver.press(.enter)
        #expect(driver.screen().contains("  1  Brief missing audience"), "the link picker's key is the problem's number")
        driver.press(.escape)
        driver.type("> Nobody #7")
        driver.press(.enter)
        #expect(driver.model.message?.contains("there is no problem #7") == true)
    }

    @Test func editingAProblemNamesItByItsNumberNeverByItsNoteID() {
        var driver = CaptureDriver()
        driver.type("A note first")
        driver.press(.enter)
        driver.type("!Links late")
        driver.press(.enter, .escape, .tab, .enter)
        #expect(driver.screen().contains("Editing problem #1 · Enter saves · Esc cancels"))
        driver.press(.function(10))
        #expect(driver.screen(width: 120, height: 36).contains("Your edit of problem #1 is saved first"))
    }

    @Test func numbersStayWhenAnEarlierProblemIsRemoved() {
        var driver = CaptureDriver()
        driver.type("!First")
        driver.press(.enter, .escape)
        driver.type("!Second")
        driver.press(.enter, .escape)
        driver.press(.tab, .up, .delete, .escape)
        #expect(driver.notes.count == 1)
        driver.type("!Third")
        driver.press(.enter, .escape)
        let screen = driver.screen()
        #expect(screen.contains("#2   ⚑ untagged"))
        #expect(screen.contains("#3   ⚑ untagged"))
        #expect(!screen.contains("#1 "))
        driver.press(.function(10))
        let checklist = driver.screen(width: 120, height: 36)
        #expect(checklist.contains("1  Problem #2 not tagged: Second"))
        driver.press(.escape)
    }

    @Test func theChecklistWritesTheActionWithTheProblemsNumber() {
        var driver = CaptureDriver()
        driver.type("A note first")
        driver.press(.enter)
        driver.type("!Links late")
        driver.press(.enter, .character("1"), .character("1"))
        driver.press(.function(10), .character("1"))
        #expect(driver.model.editor.text == "> #1 ")
        #expect(driver.model.message == "Write the action that answers #1: what, @owner, due DATE")
    }
}

@Suite("Looking back at 60 columns")
struct LookingBackLayoutTests {
    @Test func theTitleAndTheInputSayWhereNotesGoWithoutCuttingAWord() throws {
        var model = LayoutTests.creators
        model.viewedSection = 0
        let lines = ScreenFixtures.render(model, width: 60, height: 16).split(separator: "\n").map(String.init)
        let rule = try #require(lines.first { $0.hasPrefix("── Notes of") })
        #expect(rule == "── Notes of Performance vs. goals · 0 ──────────────────────")
        #expect(lines.contains(" › Notes typed here go to Performance vs. goals"))
    }
}
