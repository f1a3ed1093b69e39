import DebriefKit
@testable import DebriefTUI
import PropertyBased
import TestSupport
import Testing

@Suite("Frame encoder: a frame's bytes put exactly that frame on screen")
struct FrameEncoderTests {
    static let looks = RoleLook.looks(theme: .dark, usesColor: true)

    static func encoder(lastCellScrolls: Bool = false, theme: Theme = .dark, usesColor: Bool = true) -> FrameEncoder {
        FrameEncoder(codes: .ansi(lastCellScrolls: lastCellScrolls), looks: RoleLook.looks(theme: theme, usesColor: usesColor),
                     dimsText: usesColor && theme.dimsText)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func aTypedLetterAtTheCursorIsThatOneByte() {
        var encoder = Self.encoder()
        var before = Canvas(width: 20, height: 3)
        before.text("› hi", x: 0, y: 1)
        before.cursor = (4, 1)
        var bytes: [UInt8] = []
        encoder.encode(before, since: nil, into: &bytes)
        var after = before
        after.text("!", x: 4, y: 1)
        after.cursor = (5, 1)
        bytes.removeAll()
        encoder.encode(after, since: before, into: &bytes)
        #expect(Self.text(bytes) == "!")
        bytes.removeAll()
        encoder.encode(after, since: after, into: &bytes)
        #expect(bytes.isEmpty, "the same frame again writes nothing")
    }

    @Test func aFirstFrameClearsThenDrawsEveryCellAndPlacesTheCursor() {
        var encoder = Self.encoder()
        var canvas = Canvas(width: 4, height: 2)
        canvas.text("ab", x: 0, y: 0, style: .title)
        canvas.cursor = (1, 1)
        var bytes: [UInt8] = []
        encoder.encode(canvas, since: nil, into: &bytes)
        #expect(Self.text(bytes) == "\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[0m\u{1B}[1m\u{1B}[36mab\u{1B}[0m  \u{1B}[2;1H    \u{1B}[2;2H\u{1B}[?25h")
    }

    @Test func changesApartOnARowMoveTheCursorOnceEachAndChangeStyleOnlyWhenItChanges() {
        var encoder = Self.encoder()
        let before = Canvas(width: 10, height: 1)
        var bytes: [UInt8] = []
        encoder.encode(before, since: nil, into: &bytes)
        var after = before
        after.text("a", x: 2, y: 0)
        after.text("b", x: 6, y: 0, style: .warning)
        after.text("c", x: 7, y: 0, style: .warning)
        bytes.removeAll()
        encoder.encode(after, since: before, into: &bytes)
        #expect(Self.text(bytes) == "\u{1B}[1;3Ha\u{1B}[1;7H\u{1B}[0m\u{1B}[1m\u{1B}[33mbc")
    }

    @Test func aControlCharacterNeverReachesTheTerminalRaw() {
        var encoder = Self.encoder()
        var canvas = Canvas(width: 6, height: 1)
        // `run` draws what it is given: the encoder still refuses to send a control byte.
        canvas.run(of: "\u{1B}", count: 2, x: 0, y: 0)
        canvas.run(of: "\u{9B}", count: 1, x: 2, y: 0)
        var bytes: [UInt8] = []
        encoder.encode(canvas, since: nil, into: &bytes)
        #expect(Self.text(bytes) == "\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[0m???   \u{1B}[?25l", "nor a C1 one")
    }

    @Test func theBottomRightCellIsLeftAloneWhereWritingItWouldScroll() {
        var encoder = Self.encoder(lastCellScrolls: true)
        var canvas = Canvas(width: 3, height: 2)
        canvas.text("abc", x: 0, y: 0)
        canvas.text("def", x: 0, y: 1)
        var screen = VirtualScreen(width: 3, height: 2)
        var bytes: [UInt8] = []
        encoder.encode(canvas, since: nil, into: &bytes)
        screen.feed(bytes)
        #expect(!screen.scrolled)
        #expect(screen.cells.map(\.text).joined() == "abcde ")
        // A wide character would end there: blank; a narrow one drawn over it shows.
        var wide = canvas
        wide.text("字", x: 1, y: 1)
        var narrow = wide
        narrow.text("e\u{301}", x: 1, y: 1)
        var previous = canvas
        for (frame, shown) in [(wide, "abcd  "), (narrow, "abcde\u{301} ")] {
            bytes.removeAll()
            encoder.encode(frame, since: previous, into: &bytes)
            screen.feed(bytes)
            #expect(screen.cells.map(\.text).joined() == shown)
            previous = frame
        }
    }

    @Test func handingBackResetsTheStyleShowsTheCursorAndForgetsWhereItWas() {
        var encoder = Self.encoder()
        var canvas = Canvas(width: 4, height: 1)
        canvas.text("ab", x: 0, y: 0, style: .alert)
        var bytes: [UInt8] = []
        encoder.encode(canvas, since: nil, into: &bytes)
        bytes.removeAll()
        encoder.handBack(cursorAt: 0, column: 0, into: &bytes)
        #expect(Self.text(bytes) == "\u{1B}[0m\u{1B}[?25h\u{1B}[1;1H")
        bytes.removeAll()
        encoder.encode(canvas, since: canvas, into: &bytes)
        #expect(Self.text(bytes) == "\u{1B}[?25l", "the cursor's state is sent again; the unchanged cells are not")
    }

    @Test func terminfoPaddingIsTakenOutAndADollarSignKept() {
        func stripped(_ text: String) -> String { Self.text(TerminalCodes.withoutPadding(Array(text.utf8))) }
        #expect(stripped("\u{1B}[m\u{0F}$<2>") == "\u{1B}[m\u{0F}")
        #expect(stripped("\u{1B}[%i%p1%d;%p2%dH$<5*/>") == "\u{1B}[%i%p1%d;%p2%dH")
        #expect(stripped("$<1.5>a$b$<x>") == "a$b$<x>")
    }

    /// The cursor moves made without terminfo are the ones terminfo makes, for the entries
    /// that use the ANSI template (`tput cup` expands it through the same library), at the
    /// corners of small and large screens. `infocmp` shows which entries do.
    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "xterm"])
    func movesMadeWithoutTerminfoAreTerminfosOwn(term: String) throws {
        let entry = try Subprocess.run(["infocmp", "-1", term])
        try #require(entry.status == 0, "no terminfo entry for \(term)")
        #expect(entry.output.contains("cup=\\E[%i%p1%d;%p2%dH,"), "\(term) has another cup")
        for (row, column) in [(0, 0), (0, 9), (9, 0), (15, 59), (29, 99), (59, 199), (123, 456)] {
            let expanded = try Subprocess.run(["tput", "-T", term, "cup", "\(row)", "\(column)"])
            #expect(expanded.status == 0)
            #expect(Self.text(TerminalCodes.ansiMove(row, column)) == expanded.output, "\(term) \(row),\(column)")
        }
        #expect(String(decoding: TerminalCodes.ansiMoveTemplate, as: UTF8.self) == "\u{1B}[%i%p1%d;%p2%dH")
    }

    @Test func monochromeRolesKeepTheirMeaningInAttributes() {
        let looks = RoleLook.looks(theme: .dark, usesColor: false)
        #expect(looks[ColorRole.alert.rawValue] == RoleLook(reverse: true))
        #expect(looks[ColorRole.warning.rawValue] == RoleLook(bold: true, underline: true))
        let contrast = RoleLook.looks(theme: .contrast, usesColor: true)
        #expect(contrast[ColorRole.alert.rawValue] == RoleLook(foreground: .red, background: .black, reverse: true))
    }

    /// Frames of text in every kind of cell (ASCII, accented and box-drawing symbols, wide
    /// characters, emoji clusters, blanks, several styles), drawn over each other at random
    /// places so wide characters lose halves as overlays cut them: after each frame's bytes,
    /// the screen shows that frame, cursor included, and nothing scrolled.
    @Test(arguments: [false, true])
    func everyFrameInASequenceLeavesTheScreenShowingIt(lastCellScrolls: Bool) async {
        let pieces: [(String, Style)] = [
            ("ab", .normal), ("x", .title), ("é─", .muted), ("字", .normal), ("字z", .alert), ("👍🏽", .warning),
            ("e\u{301}", .normal), ("  ", .selected), ("•▶", .key), ("한", .bar),
        ]
        let draw = zip(Gen.int(in: 0...(pieces.count - 1)), Gen.int(in: -1...6), Gen.int(in: 0...2))
        let frame = zip(draw.array(of: 0...8), Gen.int(in: -1...17))
        await propertyCheck(count: 1000, input: frame.array(of: 1...4)) { frames in
            var encoder = Self.encoder(lastCellScrolls: lastCellScrolls)
            var screen = VirtualScreen(width: 6, height: 3)
            var previous: Canvas?
            var canvas = Canvas(width: 6, height: 3)
            for (draws, cursor) in frames {
                for (piece, x, y) in draws { canvas.text(pieces[piece].0, x: x, y: y, style: pieces[piece].1) }
                canvas.cursor = cursor < 0 ? nil : (cursor % 6, cursor / 6 % 3)
                var bytes: [UInt8] = []
                encoder.encode(canvas, since: previous, into: &bytes)
                screen.feed(bytes)
                previous = canvas
                var expected = VirtualScreen.expected(canvas, looks: Self.looks, dimsText: true)
                var shown = screen.cells
                if lastCellScrolls {
                    // Left alone, and so is a wide character that would end there.
                    expected.removeLast(); shown.removeLast()
                    if DisplayWidth.of(expected[expected.count - 1].text) == 2 { expected[expected.count - 1].text = " " }
                }
                #expect(shown == expected, "\(frames)")
                #expect(!screen.scrolled)
                #expect(screen.cursorShown == (canvas.cursor != nil))
                if let cursor = canvas.cursor { #expect(screen.row == cursor.y && screen.column == cursor.x) }
            }
        }
    }
}
