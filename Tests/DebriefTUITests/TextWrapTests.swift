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

    /// The old string wrapper required a word's trailing space to fit on its row too, so a
    /// word ending at the last column went down a row (and a word exactly as wide as the row
    /// left its space to start the next one). Apart from that, the two agree: they give the
    /// same rows up to the first row the new wrapper fills to its last column.
    @Test func theRowsAsTextAreWhatTheStringWrapperGaveUpToAFullRow() async {
        let picks = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...30)
        await propertyCheck(count: 1000, input: picks, Gen.int(in: 2...40)) { picks, width in
            let text = Self.text(picks)
            let old = TextWrap.wrap(text, width: width), new = TextWrap.linesFromRows(text, width: width)
            guard old != new else { return }
            let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
            let filled = first < new.count && DisplayWidth.of(new[first]) == width
            let spilledSpace = first > 0 && DisplayWidth.of(new[first - 1]) == width && first < old.count && old[first].hasPrefix(" ")
            #expect(filled || spilledSpace, "\(text.debugDescription) at \(width): \(old) became \(new)")
        }
    }
}
