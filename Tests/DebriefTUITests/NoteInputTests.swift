@testable import DebriefTUI
import Testing

@Suite("Note input: wrapping, wide characters, scrolling")
struct NoteInputTests {
    @Test func longNotesWrapByWordAndTheInputGrows() {
        var driver = CaptureDriver(section: "performance")
        let words = "the creators with detailed briefs beat the ones with vague briefs on every single metric we track"
        driver.type(words)
        let screen = driver.screen(width: 80, height: 24)
        #expect(screen.contains(" › the creators with detailed briefs beat the ones with vague briefs on every\n   single metric we track"))
        #expect(NoteInput.height(driver.model.editor, width: 79) == 2)
        // No word is cut in two at the wrap.
        let rows = TextWrap.rows(words, width: 76).map { Array(words)[$0] }.map { String($0) }
        for row in rows.dropLast() { #expect(row.hasSuffix(" "), "\(row) ends at a word") }
    }

    @Test func wideCharactersCountDoubleAndTheCursorFollows() {
        var driver = CaptureDriver(section: "performance")
        driver.type("日本語 👨‍👩‍👧 ok")
        let canvas = MeetingScreen.render(driver.model, size: TerminalSize(width: 80, height: 24))
        // "› " is 2 columns at x 1; 日本語 is 6 columns, space, family 2, space, "ok".
        #expect(canvas.cursor?.x == 1 + 2 + 6 + 1 + 2 + 1 + 2)
    }

    @Test func aVeryLongNoteScrollsToKeepTheCursorInView() {
        var driver = CaptureDriver(section: "performance")
        for line in 1...8 {
            driver.type("line \(line)")
            if line < 8 { driver.press(.alt(.enter)) }
        }
        let screen = driver.screen(width: 80, height: 24)
        #expect(screen.contains(" ↑ line 5\n   line 6\n   line 7\n   line 8\n"), "the last four lines, and a mark for more above")
        #expect(!screen.contains("line 4"))
        #expect(MeetingScreen.render(driver.model, size: TerminalSize(width: 80, height: 24)).cursor?.y == 21)
    }
}
