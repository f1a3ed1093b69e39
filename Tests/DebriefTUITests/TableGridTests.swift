import DebriefKit
@testable import DebriefTUI
import Testing

/// The grid under any table: what does not fit is said on the heading row, apart from the
/// last heading shown, at every width.
@Suite("Table grid: columns left out")
struct TableGridTests {
    /// The creators of the table screens: eighteen columns, so most widths leave some out
    /// and some leave out ten or more.
    private static let grid: TableGrid = {
        let forms = [
            "= @lena platform Instagram tier micro followers 18.4k format reel er 3.1% organic 2.4% clicks 1,240 conversions 61 fee €900 draft yes revisions 1 rating 4 brief detailed",
            "= @marco_fit platform TikTok followers 212k format video er 5.6% organic 6.1% clicks 4,800 conversions 130 fee €4,200 draft no revisions 3 rating 3 brief vague",
            "= @tom_reviews platform YouTube followers 640k format long video er 2.2% clicks 9,100 conversions 402 fee €12k draft yes revisions 2 rating 4 brief standard",
        ]
        let rows = forms.enumerated().map { index, form in
            let parsed = try! RecordFormParser.parse(form, table: .creators).get()
            var fields: [String: FieldValue] = ["handle": .text(parsed.key)]
            for case let (key, value?) in parsed.fields { fields[key] = value }
            return Record(id: index + 1, table: .creators, fields: fields)
        }
        return RecordGrids.creators(rows, mentions: RowMentions())
    }()

    @Test(arguments: Array(20...200))
    func theLeftOutLabelNeverTouchesAHeading(width: Int) {
        var canvas = Canvas(width: width, height: 4)
        let shown = Self.grid.draw(in: &canvas, area: Rect(x: 0, y: 0, width: width, height: 4))
        let heading = canvas.lines[0]
        let leftOut = Self.grid.columns.count - shown.count
        guard leftOut > 0 else { return }
        #expect(heading.contains(" +\(leftOut) col"), "the label counts what was left out, apart: \(heading)")
    }
}
