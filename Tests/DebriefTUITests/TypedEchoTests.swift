@testable import DebriefTUI
import PropertyBased
import Testing

/// A character echoed before its frame: whatever the frame then shows, the cells the
/// terminal draws turn the screen (the last frame with the echo on it) into the frame.
@Suite("A typed character echoed before its frame")
struct TypedEchoTests {
    static let width = 12, height = 4
    static let looks: [(String, Style)] = [(" ", .normal), ("a", .normal), ("b", .normal), ("a", .muted), ("日", .normal)]

    /// A canvas of random cells (a wide character takes two).
    static func canvas(_ picks: [Int]) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        for (index, pick) in picks.prefix(width * height).enumerated() {
            let (text, style) = looks[pick]
            canvas.text(text, x: index % width, y: index / width, style: style)
        }
        return canvas
    }

    /// What a terminal shows after the echo and then the cells drawn for the frame.
    static func shown(after echo: TypedEcho, previous: Canvas, frame: Canvas) -> [Canvas.Cell] {
        var screen = previous
        screen.text(String(echo.character), x: echo.x, y: echo.y)
        var shown = screen.cells
        for index in frame.changedCells(since: previous, echoed: echo) { shown[index] = frame.cells[index] }
        return shown
    }

    @Test func afterAnEchoAndItsFrameTheScreenShowsTheFrame() async {
        let cells = Gen.int(in: 0...(Self.looks.count - 1)).array(of: (Self.width * Self.height)...(Self.width * Self.height))
        await propertyCheck(count: 300, input: cells, cells, Gen.int(in: 0...(Self.width - 2)), Gen.int(in: 0...(Self.height - 1)),
                            Gen.int(in: 0...1)) { before, after, x, y, letter in
            let previous = Self.canvas(before)
            let frame = Self.canvas(after)
            let echo = TypedEcho(x: x, y: y, character: letter == 0 ? "a" : "b")
            let same = Self.shown(after: echo, previous: previous, frame: frame) == frame.cells  // a Bool: a failure would print every cell
            #expect(same, "\(before) → \(after), echo at \(x),\(y)")
        }
    }

    @Test func anEchoTheFrameShowsCostsNoCellAndOneItDoesNotIsDrawnOver() {
        let previous = Canvas(width: 8, height: 2)
        var frame = previous
        frame.text("a", x: 3, y: 1)
        let echo = TypedEcho(x: 3, y: 1, character: "a")
        #expect(frame.changedCells(since: previous) == [11])
        #expect(frame.changedCells(since: previous, echoed: echo) == [], "the screen shows the frame already")
        #expect(previous.changedCells(since: previous, echoed: echo) == [11], "a blank there (the key was taken back): drawn over")
        var muted = previous
        muted.text("a", x: 3, y: 1, style: .muted)
        #expect(muted.changedCells(since: previous, echoed: echo) == [11], "the same letter in another style")
    }

    @Test func onANewSizeOrAFirstFrameEveryCellIsDrawnEchoOrNot() {
        let echo = TypedEcho(x: 1, y: 0, character: "a")
        let frame = Canvas(width: 4, height: 2)
        #expect(frame.changedCells(since: nil, echoed: echo) == Array(0..<8))
        #expect(frame.changedCells(since: Canvas(width: 5, height: 2), echoed: echo) == Array(0..<8))
    }
}
