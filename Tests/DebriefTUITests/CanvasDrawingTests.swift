import DebriefKit
@testable import DebriefTUI
import PropertyBased
import Testing

/// Canvas drawing fast paths: plain ASCII and rules land exactly where the general path would.
@Suite("Canvas drawing")
struct CanvasDrawingTests {
    @Test func asciiTextIsClippedAtItsWidthAndTheEdge() {
        var canvas = Canvas(width: 10, height: 2)
        #expect(canvas.text("abcdefgh", x: 6, y: 0) == 4)
        #expect(canvas.text("abcdefgh", x: -2, y: 1, maxWidth: 6) == 6)
        #expect(canvas.lines == ["      abcd", "cdef"])
    }

    @Test func controlCharactersStillBecomeSymbols() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.text("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(canvas.lines == ["a^[[2Jb"])
    }

    @Test func rulesFillTheirSpanAndNothingElse() {
        var canvas = Canvas(width: 8, height: 3)
        canvas.horizontalLine(y: 0, x: 5, width: 10)
        canvas.horizontalLine(y: 1, x: -3, width: 5)
        canvas.horizontalLine(y: 2)
        canvas.horizontalLine(y: 3)
        canvas.horizontalLine(y: -1)
        #expect(canvas.lines == ["     ───", "──", "────────"])
        #expect(canvas[5, 0].style == .muted)
    }

    @Test func changedCellsAreExactlyTheCellsThatDiffer() {
        var before = Canvas(width: 6, height: 2)
        before.text("abc", x: 0, y: 0)
        var after = before
        #expect(after.changedCells(since: before).isEmpty)
        after.text("x", x: 1, y: 0)
        after.text("y", x: 5, y: 1, style: .muted)
        after.text("c", x: 2, y: 0, style: .warning)
        #expect(after.changedCells(since: before) == [1, 2, 11])
        #expect(after.changedCells(since: nil) == Array(0..<12))
        #expect(after.changedCells(since: Canvas(width: 4, height: 3)) == Array(0..<12), "a new size redraws everything")
    }

    /// Two frames of one lineage differ only in their redrawn rows: those alone are compared.
    @Test func framesOfOneLineageAreComparedOnTheirRedrawnRows() {
        let seven = Canvas.Lineage.Frame(), eight = Canvas.Lineage.Frame()
        var kept = Canvas(width: 4, height: 3)
        kept.text("abcd", x: 0, y: 0)
        kept.lineage = Canvas.Lineage(frame: seven, rows: 0..<0)
        var typed = kept
        typed.text("x", x: 1, y: 2)
        #expect(typed.lineage == nil, "drawing on a stamped canvas breaks its promise, so it drops it")
        typed.lineage = Canvas.Lineage(frame: seven, rows: 2..<3)
        #expect(typed.changedCells(since: kept) == [9])
        var next = kept
        next.text("y", x: 0, y: 1)
        next.lineage = Canvas.Lineage(frame: seven, rows: 1..<2)
        #expect(next.changedCells(since: typed) == [4, 9], "the rows either frame redrew")
        next.lineage = Canvas.Lineage(frame: eight, rows: 1..<2)
        #expect(next.changedCells(since: typed) == [4, 9], "another kept frame: every cell is compared")
        next.lineage = nil
        #expect(next.changedCells(since: typed) == [4, 9])
    }

    @Test func barsLandWhereTheSameTextWould() {
        for (count, x) in [(5, 4), (0, 2), (3, -1), (2, 6), (6, 0)] {
            var bar = Canvas(width: 6, height: 1)
            var text = bar
            bar.run(of: "█", count: count, x: x, y: 0, style: .warning)
            text.text(String(repeating: "█", count: count), x: x, y: 0, style: .warning)
            #expect(bar == text, "\(count) from \(x)")
        }
    }

    @Test func clustersAndWideCharactersReadBackAsText() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.text("e\u{301}字👍🏽x", x: 0, y: 0, style: .muted)
        #expect(canvas.lines == ["e\u{301}字👍🏽x"])
        #expect(canvas[1, 0].text == "字" && canvas[2, 0].text.isEmpty && canvas[2, 0].style == .muted)
        #expect(canvas.content(at: 0) == .cluster("e\u{301}"))
        #expect(canvas.content(at: 1) == .scalar("字") && canvas.content(at: 2) == .continuation)
    }

    @Test func clustersCompareByTextNotByWhereTheyAreKept() {
        var before = Canvas(width: 6, height: 1)
        before.text("👍🏽", x: 4, y: 0)
        var after = Canvas(width: 6, height: 1)
        after.text("e\u{301}", x: 0, y: 0)
        after.text("👍🏽", x: 4, y: 0)
        #expect(after.changedCells(since: before) == [0])
        after.text("é", x: 0, y: 0)
        var plain = Canvas(width: 6, height: 1)
        plain.text("e\u{301}", x: 0, y: 0)
        plain.text("👍🏽", x: 4, y: 0)
        #expect(after == plain, "a precomposed letter equals its decomposed form, as Strings do")
    }

    @Test func changedCellsFindsWhatComparingEveryCellFindsWithClustersOrWithout() async {
        let looks: [(String, Style)] = [(" ", .normal), ("a", .normal), ("a", .muted), ("字", .normal), ("👍🏽", .normal), ("e\u{301}", .normal)]
        let picks = Gen.int(in: 0...(looks.count - 1)).array(of: 0...12)
        await propertyCheck(count: 300, input: picks, picks) { before, after in
            func canvas(_ picks: [Int]) -> Canvas {
                var canvas = Canvas(width: 5, height: 3)
                for (index, pick) in picks.enumerated() { canvas.text(looks[pick].0, x: index % 4, y: index / 4, style: looks[pick].1) }
                return canvas
            }
            let (old, new) = (canvas(before), canvas(after))
            let differing = new.cells.indices.filter { new.cells[$0] != old.cells[$0] }
            #expect(new.changedCells(since: old) == differing, "\(before) → \(after)")
        }
    }

    @Test func aClusterKeptAtTheSamePlaceOfItsTableIsStillComparedByText() {
        var before = Canvas(width: 3, height: 1)
        before.text("👍🏽", x: 0, y: 0)
        var after = Canvas(width: 3, height: 1)
        after.text("👍🏿", x: 0, y: 0)  // the first cluster of each canvas: the same slot, another text
        #expect(after.changedCells(since: before) == [0])
    }

    @Test func plainScalarsAreEachOneClusterOfOneColumn() {
        // What lets `text` store them without grapheme breaking or width lookups.
        for value in UInt32(0x20)..<0x2600 {
            guard let scalar = Unicode.Scalar(value), DisplayWidth.isPlainCell(scalar) else { continue }
            let character = Character(scalar)
            #expect("a\(character)\(character)b".count == 4, "U+\(String(value, radix: 16)) joins a neighbour")
            #expect(DisplayWidth.of(character) == 1 && VisibleText.line(String(character)) == String(character))
            #expect(DisplayWidth.of("a\(character)\(character)b") == 4)
        }
    }
}
