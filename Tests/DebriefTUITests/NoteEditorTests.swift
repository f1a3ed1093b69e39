import DebriefTUI
import PropertyBased
import Testing

/// The note buffer, checked against a plain array-of-characters model over random edits
/// with accents, combining marks, CJK, emoji and ZWJ pieces.
@Suite("Note editor")
struct NoteEditorTests {
    /// Pieces chosen to stress cluster boundaries: a combining accent or a lone ZWJ joins
    /// the character before it; flags are two regional indicators.
    static let pieces = ["a", "e", "\u{301}", "日本", "👍", "🏽", "👨‍👩‍👧", "\u{200D}", "🇫", "🇷", " ", "word ", "\n", "é", "x"]

    enum Operation: Int, CaseIterable {
        case insert, insert2, backspace, delete, left, right, home, end, newline
    }

    /// The reference: clusters in an array, the cursor an index into it.
    struct Model {
        var characters: [Character] = []
        var cursor = 0

        mutating func insert(_ piece: String) {
            let prefix = String(characters[..<cursor]) + piece
            characters = Array(prefix + String(characters[cursor...]))
            cursor = Array(prefix).count
            // A piece that joins onto the next cluster leaves the cursor after the joined cluster.
            var scalars = 0
            var position = 0
            for character in characters where scalars < prefix.unicodeScalars.count {
                scalars += character.unicodeScalars.count
                position += 1
            }
            cursor = position
        }

        mutating func remove(at index: Int) {
            characters.remove(at: index)
            characters = Array(String(characters))
        }
    }

    @Test func randomEditsAgreeWithTheModelAndTheCursorStaysOnAClusterBoundary() async {
        let operation = Gen.int(in: 0...(Operation.allCases.count - 1))
        let piece = Gen.int(in: 0...(Self.pieces.count - 1))
        await propertyCheck(count: 300, input: zip(operation, piece).array(of: 0...60)) { steps in
            var editor = NoteEditor()
            var model = Model()
            for (code, pieceIndex) in steps {
                let piece = Self.pieces[pieceIndex]
                switch Operation(rawValue: code)! {
                case .insert, .insert2:
                    editor.insert(piece)
                    model.insert(piece)
                case .newline:
                    editor.insertNewline()
                    model.insert("\n")
                case .backspace:
                    editor.deleteBackward()
                    if model.cursor > 0 {
                        model.remove(at: model.cursor - 1)
                        model.cursor = min(model.cursor - 1, model.characters.count)
                    }
                case .delete:
                    editor.deleteForward()
                    if model.cursor < model.characters.count {
                        model.remove(at: model.cursor)
                        model.cursor = min(model.cursor, model.characters.count)
                    }
                case .left:
                    editor.moveLeft()
                    model.cursor = max(0, model.cursor - 1)
                case .right:
                    editor.moveRight()
                    model.cursor = min(model.characters.count, model.cursor + 1)
                case .home:
                    editor.moveHome()
                    model.cursor = 0
                case .end:
                    editor.moveEnd()
                    model.cursor = model.characters.count
                }
                #expect(editor.text == String(model.characters))
                #expect(editor.cursor == model.cursor)
                #expect(Self.isClusterBoundary(editor))
            }
        }
    }

    @Test func wordAndLineCommandsKeepTheCursorOnBoundariesAndUndoReturnsToEmpty() async {
        let operation = Gen.int(in: 0...9)
        let piece = Gen.int(in: 0...(Self.pieces.count - 1))
        await propertyCheck(count: 200, input: zip(operation, piece).array(of: 0...50)) { steps in
            var editor = NoteEditor()
            for (code, pieceIndex) in steps {
                let piece = Self.pieces[pieceIndex]
                let before = editor.text
                switch code {
                case 0, 1, 2: editor.insert(piece)
                case 3: editor.moveWordLeft()
                case 4: editor.moveWordRight()
                case 5: editor.deleteWordBackward()
                case 6: editor.killToLineEnd()
                case 7: editor.moveUp()
                case 8: editor.moveDown()
                default: editor.moveLineStart()
                }
                #expect(Self.isClusterBoundary(editor))
                if [3, 4, 7, 8, 9].contains(code) { #expect(editor.text == before, "moving never changes the text") }
            }
            while editor.canUndo { editor.undo() }
            #expect(editor.text.isEmpty, "undoing everything gives back the empty note")
        }
    }

    @Test func typingAWordUndoesAsOneStep() {
        var editor = NoteEditor()
        for character in "brief late" { editor.insert(String(character)) }
        editor.undo()
        #expect(editor.text == "brief ")
        editor.undo()
        #expect(editor.text == "brief")
    }

    @Test func controlWDeletesTheWordBeforeTheCursorAndControlKToTheEndOfTheLine() {
        var editor = NoteEditor(text: "tracking links late\nsecond line")
        editor.moveHome()
        editor.moveWordRight()
        editor.moveWordRight()
        editor.deleteWordBackward()
        #expect(editor.text == "tracking  late\nsecond line")
        editor.killToLineEnd()
        #expect(editor.text == "tracking \nsecond line")
        editor.killToLineEnd()
        #expect(editor.text == "tracking second line", "at the end of a line, Ctrl-K joins the next one")
    }

    @Test func upAndDownMoveBetweenLinesKeepingTheColumn() {
        var editor = NoteEditor(text: "first line\nsecond\nthird line")
        var moved = editor.moveUp()
        #expect(moved)
        #expect(editor.cursor == "first line\nsecond".count, "column 10 clamps to the end of 'second'")
        moved = editor.moveUp()
        #expect(moved && editor.cursor == 6)
        moved = editor.moveUp()
        #expect(!moved, "no line above the first")
        editor.moveLineEnd()
        #expect(editor.cursor == 10)
    }

    @Test func theCursorNeverSplitsAFamilyEmojiOrAnAccent() {
        var editor = NoteEditor(text: "a👨‍👩‍👧e\u{301}")
        #expect(editor.cursor == 3)
        editor.moveLeft()
        editor.deleteBackward()
        #expect(editor.text == "ae\u{301}", "backspace removes the whole family")
    }

    static func isClusterBoundary(_ editor: NoteEditor) -> Bool {
        let offset = String(editor.text.prefix(editor.cursor)).unicodeScalars.count
        var boundaries: Set<Int> = [0]
        var total = 0
        for character in editor.text {
            total += character.unicodeScalars.count
            boundaries.insert(total)
        }
        return editor.cursor >= 0 && editor.cursor <= editor.text.count && boundaries.contains(offset)
    }

    @Test func controlUClearsToTheStartOfTheLineAndControlZBringsItBack() {
        var driver = CaptureDriver(section: "worked")
        driver.type("first line")
        driver.press(.alt(.enter))
        driver.type("typo here keep")
        driver.press(.controlLeft)
        driver.press(.control("u"))
        #expect(driver.model.editor.text == "first line\nkeep", "only the current line, up to the cursor")
        #expect(driver.model.editor.cursor == "first line\n".count)
        driver.press(.control("z"))
        #expect(driver.model.editor.text == "first line\ntypo here keep", "undone like any edit")
        #expect(driver.suspensions == 0)
    }
}
