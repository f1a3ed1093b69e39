import DebriefKit
@testable import DebriefTUI
import PropertyBased
import Testing

@Suite("Word wrapping: one wrapper for the note input, notes, prompts and dialogs")
struct TextWrapTests {
    static let pieces = ["a", "brief", "creators", "engagement-rate", "Lumière", "日本語", "👨‍👩‍👧", "❤️", "e\u{301}",
                         "supercalifragilisticexpialidocious", "1.2M", "—", "ok", "\n"]

    /// Text as people type it: words, single spaces, line breaks.
    static func text(_ picks: [Int]) -> String {
        var text = ""
        for pick in picks {
            let piece = pieces[pick]
            if piece != "\n", let last = text.last, last != "\n" { text += " " }
            text += piece
        }
        return text
    }

    /// (TextWrap.lines had an algorithm of its own until it was proved to agree with these
    /// rows, up to the rows it left a column short; see the history of this file.)
    @Test func rowsFitTheWidthKeepWordsWholeAndLoseNothing() async {
        let picks = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...30)
        await propertyCheck(count: 500, input: picks, Gen.int(in: 2...40)) { picks, width in
            let text = Self.text(picks)
            let characters = Array(text)
            let rows = TextWrap.rows(text, width: width)
            // Contiguous: each row starts where the last ended, or after a line break.
            var expectedStart = 0
            for row in rows {
                #expect(row.lowerBound == expectedStart, "\(text.debugDescription) at \(width)")
                expectedStart = row.upperBound + (row.upperBound < characters.count && characters[row.upperBound] == "\n" ? 1 : 0)
            }
            #expect(expectedStart >= characters.count)
            let lines = TextWrap.lines(text, width: width)
            #expect(lines.count == rows.count)
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "\(line.debugDescription) at \(width)")
                #expect(!line.hasPrefix(" "), "a wrapped row never starts with a space")
            }
            // A word is cut only when it is wider than the row.
            let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            for line in lines {
                for word in line.split(separator: " ").map(String.init) where !words.contains(word) {
                    #expect(Self.pieces.contains { DisplayWidth.of($0) > width && $0.contains(word) }, "\(word) cut at \(width)")
                }
            }
        }
    }

    @Test func aWordEndingAtTheLastColumnStaysOnItsRow() {
        #expect(TextWrap.lines("abcd efgh", width: 4) == ["abcd", "efgh"])
        #expect(TextWrap.lines("ab cd ef", width: 5) == ["ab cd", "ef"])
        #expect(TextWrap.lines("日本語 a", width: 2) == ["日", "本", "語", "a"])
    }

    /// Plain ASCII is wrapped from its bytes (the note input's fast path); it must cut the
    /// same rows as the general path, which measures each Character.
    @Test func plainTextWrapsAsTheGeneralPathDoes() async {
        let asciiPieces = ["a", "brief", "creators", "engagement-rate", "supercalifragilisticexpialidocious", "1.2M",
                           "ok", "\n", " ", "  ", "x!"]
        let picks = Gen.int(in: 0...(asciiPieces.count - 1)).array(of: 0...30)
        await propertyCheck(count: 500, input: picks, Gen.int(in: 1...40), Gen.int(in: 0...1)) { picks, width, overflow in
            let text = picks.map { asciiPieces[$0] }.joined(separator: " ")
            let general = TextWrap.rows(ofCells: TextWrap.cells(of: text), width: width, rowAfterOverflow: overflow == 1)
            #expect(TextWrap.rows(text, width: width, rowAfterOverflow: overflow == 1) == general, "\(text.debugDescription) at \(width)")
            // The rows as text (prompts, notes, dialogs) are cut from the bytes too.
            let characters = Array(text)
            let lines = TextWrap.rows(ofCells: TextWrap.cells(of: text), width: width, rowAfterOverflow: false)
                .map { String(characters[$0]).trimmingTrailingSpaces }
            #expect(TextWrap.lines(text, width: width) == lines, "\(text.debugDescription) at \(width)")
        }
    }
}
