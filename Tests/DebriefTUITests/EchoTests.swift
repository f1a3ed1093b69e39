import DebriefKit
@testable import DebriefTUI
import PropertyBased
import Testing

/// A typed letter goes to the terminal as it is read, before the model takes the key (the
/// loop says where before it waits: `IncrementalScreen.echoPlace`), where its frame shows
/// it; the frame then writes nothing more for it, and corrects the screen if the echo was wrong.
@MainActor
@Suite("Echo: a typed letter is on screen before its frame, as its frame shows it")
struct EchoTests {
    static let prose = "Reels beat static posts on engagement, stories drove clicks and the brief came two days late"

    private func typedApart(_ text: String, before: [Input] = [], width: Int = 80, height: Int = 24) throws -> HeadlessTerminal {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let terminal = HeadlessTerminal(width: width, height: height)
        terminal.keysArriveApart = true
        for input in before { terminal.type(input) }
        terminal.type(text: text)
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), wall: TestClock(), recorder: recorder, model: model)
        _ = loop.run(stopRequested: { terminal.idleWaits > 0 })
        return terminal
    }

    @Test(arguments: [(60, 16), (80, 24), (200, 60)])
    func eachLetterTypedAloneIsEchoedAsItsFrameShowsIt(size: (Int, Int)) throws {
        let terminal = try typedApart(Self.prose, width: size.0, height: size.1)
        #expect(terminal.screen.text.contains("stories drove"))
        // All but the key that starts each row after the first, whose word may move to it.
        let rows = Self.inputRows(Self.prose, size: size)
        #expect(terminal.echoes == Self.prose.count - (rows - 1), "\(terminal.echoes) of \(Self.prose.count), \(rows) rows")
        #expect(terminal.echoesOverruled == 0)
        // Those keys' frames were on screen as they were read, as the loop then drew them.
        #expect(terminal.framesForeseen == rows - 1)
        #expect(terminal.foreseenOverruled == 0)
    }

    /// Rows of the note input for `text` (the input spans the main column less its edge).
    private static func inputRows(_ text: String, size: (Int, Int)) -> Int {
        let mainWidth = size.0 - MeetingLayout.mainX(TerminalSize(width: size.0, height: size.1))
        return TextWrap.rows(text, width: NoteInput.textWidth(mainWidth - 1), rowAfterOverflow: true).count
    }

    /// Words of every length typed a key at a time, so that rows fill to their last column
    /// with a letter, a space or a word's end: every key is echoed as its frame shows it
    /// (none is overruled), the key that fills a row to its last column included, and only
    /// the key typed past it (a word moving down, or a space starting the next row) is not.
    @Test func keysUpToTheLastColumnOfARowAreEchoedAndTheOneThatWrapsIsNot() async throws {
        let word = Gen.int(in: 1...13).map { String(repeating: "w", count: $0) }
        let separator = Gen.int(in: 1...2).map { String(repeating: " ", count: $0) }
        await propertyCheck(count: 60, input: zip(word, separator).array(of: 1...16)) { pieces in
            let text = String(pieces.map { $0 + $1 }.joined().prefix(150))
            let terminal = try typedApart(text, width: 60, height: 16)
            let rows = Self.inputRows(text, size: (60, 16))
            #expect(terminal.echoesOverruled == 0, "\(text.debugDescription)")
            #expect(terminal.echoes == text.count - (rows - 1), "\(text.debugDescription): \(rows) rows")
            #expect(terminal.framesForeseen == rows - 1, "\(text.debugDescription): \(rows) rows")
            #expect(terminal.foreseenOverruled == 0, "\(text.debugDescription)")
        }
    }

    @Test func theFirstLetterOfANoteIsEchoedOverTheInputsHint() throws {
        let terminal = try typedApart("R")
        #expect(terminal.echoes == 1)
        #expect(terminal.echoesOverruled == 0)
        #expect(terminal.screen.lines.contains { $0.hasSuffix("› R") }, "the hint is gone with the frame")
    }

    @Test func keysThatDoNotTypeIntoTheInputAreNotEchoed() throws {
        // Help open: letters scroll or close it, they are not typed (the "a" before F1 is).
        let help = try typedApart("bcd", before: [.key(.character("a")), .key(.function(1))])
        #expect(help.echoes == 1)
        #expect(help.echoesOverruled == 0)
        // A burst of keys (arrived together) is drawn in one frame, echoed by its first only.
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let terminal = HeadlessTerminal()
        terminal.type(text: "a")
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), wall: TestClock(), recorder: recorder, model: model)
        _ = loop.run(stopRequested: { terminal.idleWaits > 0 })
        terminal.resetIdleWaits()
        terminal.type(text: "bcd")
        _ = loop.run(stopRequested: { terminal.idleWaits > 0 })
        #expect(terminal.echoes == 2, "the lone \"a\", then only the burst's first key, which ended the wait")
        #expect(terminal.echoesOverruled == 0)
    }
}

@Suite("Echo place: which keys, and until when")
struct EchoPlaceTests {
    @Test func aPlaceEchoesItsKeysOnlyAtEveryBitOfTheSet() {
        let keys = ASCIISet([0x20, 0x3F, 0x40, 0x61, 0x7E])
        let place = EchoPlace(x: 3, y: 4, style: .normal, keys: keys)
        #expect([0x20, 0x3F, 0x40, 0x61, 0x7E].allSatisfy { place.echo(of: $0) != nil })
        #expect([0x00, 0x1F, 0x21, 0x41, 0x7F, 0x80, 0xE9, 0x1F600].allSatisfy { place.echo(of: $0) == nil })
        #expect(place.echo(of: 0x61) == Echo(byte: 0x61, x: 3, y: 4, style: .normal))
    }

    @Test func everyPrintableLetterDigitAndPunctuationTypesTextInTheInput() {
        let printable = (0x20..<0x7F).map { UInt32($0) }
        #expect(printable.allSatisfy { AppModel.textKeys.contains($0) })
        #expect(!AppModel.textKeys.contains(0x0D) && !AppModel.textKeys.contains(0x1B) && !AppModel.textKeys.contains(0x7F))
    }

    @MainActor
    @Test func aPlaceIsForgottenAtTheNextFrameOrKey() {
        let terminal = HeadlessTerminal(width: 20, height: 3)
        var canvas = Canvas(width: 20, height: 3)
        canvas.cursor = (4, 1)
        terminal.present(canvas)
        let place = EchoPlace(x: 4, y: 1, style: .normal, keys: AppModel.textKeys)
        terminal.expectEcho(at: place)
        terminal.present(canvas)
        terminal.type(text: "a")
        _ = terminal.nextInput(timeoutMilliseconds: 10)
        #expect(terminal.echoes == 0, "a frame came between")
        terminal.expectEcho(at: place)
        terminal.type(text: "bc")
        _ = terminal.nextInput(timeoutMilliseconds: 10)
        _ = terminal.nextInput(timeoutMilliseconds: 0)
        #expect(terminal.echoes == 1, "the first key only")
    }
}

extension FrameEncoder {
    /// An echo prepared and drawn at once, as the terminal does across its wait: the bytes
    /// appended, or false and nothing when `prepareEcho` declines or the byte is not
    /// printable ASCII.
    mutating func echo(_ echo: Echo, over shown: Canvas, into bytes: inout [UInt8]) -> Bool {
        guard (0x20..<0x7F).contains(echo.byte),
              let prepared = prepareEcho(x: echo.x, y: echo.y, style: echo.style, over: shown) else { return false }
        bytes += prepared.prefix
        bytes.append(echo.byte)
        noteEchoed(prepared, byte: echo.byte)
        return true
    }
}

@Suite("Frame encoder: an echo ahead of its frame")
struct FrameEncoderEchoTests {
    static func encoder() -> FrameEncoder { FrameEncoderTests.encoder() }
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// An input showing "› hi", the cursor after it: the encoder that drew it, and its bytes.
    static func shownInput() -> (FrameEncoder, Canvas, [UInt8]) {
        var encoder = encoder()
        var canvas = Canvas(width: 20, height: 3)
        canvas.text("› hi", x: 0, y: 1)
        canvas.cursor = (4, 1)
        var bytes: [UInt8] = []
        encoder.encode(canvas, since: nil, into: &bytes)
        return (encoder, canvas, bytes)
    }

    /// The terminal prepares the echo before it waits and draws it only if the key types
    /// text: a prepared echo never drawn leaves the next frame's bytes as they were.
    @Test func anEchoPreparedButNotDrawnChangesNothing() {
        var (encoder, before, _) = Self.shownInput()
        var untouched = encoder
        #expect(encoder.prepareEcho(x: 4, y: 1, style: .title, over: before) != nil)
        var after = before
        after.text("x", x: 4, y: 1)
        after.cursor = (5, 1)
        var bytes: [UInt8] = []
        var expected: [UInt8] = []
        encoder.encode(after, since: before, into: &bytes)
        untouched.encode(after, since: before, into: &expected)
        #expect(bytes == expected)
        #expect(Self.text(bytes) == "x")
    }

    @Test func aLetterEchoedIsOneByteAndItsFrameWritesNothingMore() {
        var (encoder, before, _) = Self.shownInput()
        var bytes: [UInt8] = []
        #expect(encoder.echo(Echo(byte: 0x21, x: 4, y: 1, style: .normal), over: before, into: &bytes))
        #expect(Self.text(bytes) == "!")
        var after = before
        after.text("!", x: 4, y: 1)
        after.cursor = (5, 1)
        bytes.removeAll()
        encoder.encode(after, since: before, into: &bytes)
        #expect(bytes.isEmpty)
    }

    @Test func anEchoTheFrameDoesNotShowIsDrawnOver() {
        var (encoder, before, first) = Self.shownInput()
        var screen = VirtualScreen(width: 20, height: 3)
        screen.feed(first)
        var bytes: [UInt8] = []
        #expect(encoder.echo(Echo(byte: 0x78, x: 4, y: 1, style: .normal), over: before, into: &bytes))
        screen.feed(bytes)
        // The model took the key otherwise: the same frame again puts the blank back.
        bytes.removeAll()
        encoder.encode(before, since: before, into: &bytes)
        screen.feed(bytes)
        #expect(screen.cells == VirtualScreen.expected(before, looks: FrameEncoderTests.looks, dimsText: true))
        #expect(screen.row == 1 && screen.column == 4)
    }

    @Test func noEchoWhereTheCursorIsNotOrOverACharacterThatIsNotASCII() {
        let (encoder, shown, _) = Self.shownInput()
        var bytes: [UInt8] = []
        var elsewhere = encoder
        #expect(!elsewhere.echo(Echo(byte: 0x21, x: 6, y: 1, style: .normal), over: shown, into: &bytes))
        var overText = encoder
        var moved = shown
        moved.cursor = (0, 1)  // on "›"
        overText.encode(moved, since: shown, into: &bytes)
        bytes.removeAll()
        #expect(!overText.echo(Echo(byte: 0x21, x: 0, y: 1, style: .normal), over: moved, into: &bytes))
        var hidden = encoder
        var noCursor = shown
        noCursor.cursor = nil
        hidden.encode(noCursor, since: shown, into: &bytes)
        bytes.removeAll()
        #expect(!hidden.echo(Echo(byte: 0x21, x: 4, y: 1, style: .normal), over: noCursor, into: &bytes))
        #expect(bytes.isEmpty)
    }

    /// Frames drawn over each other at random, with a random letter echoed at the cursor
    /// before some of them (right or wrong about the frame): after each frame the screen
    /// shows exactly that frame, and an echo the frame agrees with is not written twice.
    @Test func everyFrameAfterAnEchoLeavesTheScreenShowingIt() async {
        let pieces: [(String, Style)] = [("ab", .normal), ("x", .title), ("字", .normal), ("  ", .selected), ("é", .muted)]
        let draw = zip(Gen.int(in: 0...(pieces.count - 1)), Gen.int(in: -1...6), Gen.int(in: 0...2))
        let step = zip(draw.array(of: 0...3), Gen.int(in: -1...17), Gen.int(in: 0...3))
        await propertyCheck(count: 1000, input: step.array(of: 1...6)) { steps in
            var encoder = Self.encoder()
            var screen = VirtualScreen(width: 6, height: 3)
            var previous: Canvas?
            var canvas = Canvas(width: 6, height: 3)
            for (draws, cursor, echoKind) in steps {
                var bytes: [UInt8] = []
                var echoed: Echo?
                // Echo a letter at the cursor (kinds 1–3), one the frame will show for kind 1.
                if let shown = previous, let at = shown.cursor, echoKind > 0 {
                    let echo = Echo(byte: echoKind == 3 ? 0x20 : 0x71, x: at.x, y: at.y, style: echoKind == 2 ? .title : .normal)
                    if encoder.echo(echo, over: shown, into: &bytes) { echoed = echo }
                    screen.feed(bytes)
                    bytes.removeAll()
                }
                if let echoed, echoKind == 1 {
                    canvas.text("q", x: echoed.x, y: echoed.y)
                    canvas.cursor = (echoed.x + 1, echoed.y)
                }
                for (piece, x, y) in draws { canvas.text(pieces[piece].0, x: x, y: y, style: pieces[piece].1) }
                if echoed == nil || echoKind != 1 { canvas.cursor = cursor < 0 ? nil : (cursor % 6, cursor / 6 % 3) }
                encoder.encode(canvas, since: previous, into: &bytes)
                if echoed != nil, echoKind == 1, draws.isEmpty { #expect(bytes.isEmpty, "an echo the frame shows is not written again") }
                screen.feed(bytes)
                previous = canvas
                #expect(screen.cells == VirtualScreen.expected(canvas, looks: FrameEncoderTests.looks, dimsText: true), "\(steps)")
                #expect(screen.cursorShown == (canvas.cursor != nil))
                if let at = canvas.cursor { #expect(screen.row == at.y && screen.column == at.x) }
            }
        }
    }
}
