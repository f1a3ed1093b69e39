import DebriefKit
import PropertyBased
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

    /// Every typed key shows: the cursor stands after a full row, in the column kept for it,
    /// and a space typed there takes it to the next row, where the next word starts.
    @Test func theCursorMovesOnEveryKeyAtTheEndOfAFullRow() {
        let size = TerminalSize(width: 80, height: 24)
        var driver = CaptureDriver(section: "performance")
        driver.type("x")
        guard let afterX = MeetingScreen.render(driver.model, size: size).cursor else {
            Issue.record("no cursor"); return
        }
        let start = (x: afterX.x - 1, y: afterX.y)  // where the text starts
        // Words filling the first row exactly (the input's text is 76 columns at 80).
        let width = NoteInput.textWidth(79)
        let full = String(repeating: "word ", count: width / 5) + String(repeating: "y", count: width % 5)
        driver.press(.backspace)
        driver.type(full)
        #expect(NoteInput.wrap(driver.model.editor, width: 79).count == 1, "the row is full, not wrapped")
        let afterRow = MeetingScreen.render(driver.model, size: size).cursor
        #expect(afterRow?.x == start.x + width && afterRow?.y == start.y, "after the last character, not on it")

        driver.type(" ")
        // The input grows by a row (upwards: it sits at the bottom); the cursor starts the new one.
        let afterSpace = MeetingScreen.render(driver.model, size: size).cursor
        let lines = driver.screen(width: 80, height: 24).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(afterSpace?.x == start.x, "the next word's place")
        if let y = afterSpace?.y {
            #expect(lines[y - 1].hasSuffix(String(full.suffix(8))), "the full row just above the cursor")
            #expect(lines[y].trimmingCharacters(in: .whitespaces).isEmpty)
        }
        #expect(NoteInput.height(driver.model.editor, width: 79) == 2)

        driver.type("z")
        let canvas = MeetingScreen.render(driver.model, size: size)
        #expect(canvas.cursor?.x == start.x + 1 && canvas.cursor?.y == afterSpace?.y)
        #expect(driver.screen(width: 80, height: 24).contains("\n   z"), "the word starts the second row")
        #expect(NoteInput.height(driver.model.editor, width: 79) == 2, "no jump when the word comes")
    }

    @Test func spacesWithinTheRowMoveTheCursorAndNoEmptyRowIsAdded() {
        let width = 10
        #expect(TextWrap.rows("abcd efgh ", width: width, rowAfterOverflow: true) == [0..<10], "fits: no new row")
        #expect(TextWrap.rows("abcd efghi ", width: width, rowAfterOverflow: true) == [0..<11, 11..<11])
        #expect(TextWrap.rows("abcd efghi ", width: width) == [0..<11], "other text is wrapped as before")
        #expect(TextWrap.rows("abcd efghi x", width: width, rowAfterOverflow: true) == [0..<11, 11..<12])
    }

    /// Printable ASCII is drawn from the text's bytes; anything else through Characters. The
    /// same text with every "a" written "à" (one column too, so the same rows) takes the
    /// general path: both must draw the same cells (à for a) and put the cursor in one place.
    @Test func plainTextDrawsAsTheGeneralPathDoes() async {
        let pieces = ["a", "brief", "creators", "engagement-rate", "supercalifragilisticexpialidocious", "data", "\n", " ", "  "]
        let picks = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40)
        await propertyCheck(count: 300, input: picks, Gen.int(in: 6...60), Gen.int(in: 1...4), Gen.int(in: 0...60)) {
            picks, width, height, left in
            let plain = picks.map { pieces[$0] }.joined(separator: " ")
            let accented = plain.replacingAll("a", with: "à")
            func drawn(_ text: String) -> Canvas {
                var editor = NoteEditor(text: text)
                for _ in 0..<left { editor.moveLeft() }
                var canvas = Canvas(width: width + 2, height: height + 2)
                NoteInput.draw(editor, in: &canvas, area: Rect(x: 1, y: 1, width: width, height: height), active: true)
                return canvas
            }
            let fast = drawn(plain), general = drawn(accented)
            #expect(fast.cells.map { $0.text } == general.cells.map { $0.text == "à" ? "a" : $0.text }, "\(plain.debugDescription) at \(width)")
            #expect(fast.cursor?.x == general.cursor?.x && fast.cursor?.y == general.cursor?.y)
        }
    }
}
