/// A countdown in digits the back of a room can read: a 3×5 pixel font drawn with block
/// characters, 3, 5 or 7 rows tall. At 3 rows two pixel rows share a cell (▀ ▄ █); at 5
/// and 7 each pixel row is a cell row, the two rows between the bars drawn taller at 7.
public enum BigDigits {
    /// The heights the font comes in, tallest first.
    public static let heights = [7, 5, 3]

    /// The font's digits, colon, plus and minus; a clock's 1 is the bare right-hand bar
    /// (the titles' 1 has a flag and a foot), as digital clocks draw it.
    private static let glyphs: [Character: [[Bool]]] = {
        var glyphs = PixelFont.pixels.filter { "0123456789:+-".contains($0.key) }
        glyphs["1"] = Array(repeating: [false, false, true], count: 5)
        return glyphs
    }()

    /// Columns `text` takes at `height` (characters the font lacks are left out).
    public static func width(_ text: String, height: Int) -> Int {
        let shown = text.compactMap { glyphs[$0] }
        guard !shown.isEmpty else { return 0 }
        let gap = height == 3 ? 1 : 2
        return shown.map { glyphWidth($0, height: height) }.reduce(0, +) + gap * (shown.count - 1)
    }

    /// The tallest height, at most `maxHeight`, at which `text` fits in `maxWidth` columns.
    public static func height(for text: String, maxWidth: Int, maxHeight: Int) -> Int? {
        heights.first { $0 <= maxHeight && width(text, height: $0) <= maxWidth }
    }

    public static func draw(_ text: String, height: Int, in canvas: inout Canvas, x: Int, y: Int, style: Style) {
        let gap = height == 3 ? 1 : 2
        var column = x
        for pixels in text.compactMap({ glyphs[$0] }) {
            if height == 3 {
                PixelFont.drawHalfBlocks(pixels, in: &canvas, x: column, y: y, style: style)
            } else {
                drawBlocks(pixels, stretch: (height - 5) / 2, in: &canvas, x: column, y: y, style: style)
            }
            column += glyphWidth(pixels, height: height) + gap
        }
    }

    private static func glyphWidth(_ glyph: [[Bool]], height: Int) -> Int {
        let pixels = glyph[0].count
        guard height > 3 else { return pixels }
        // Outer pixel columns two cells wide, the middle one wider as the digits grow.
        return pixels == 1 ? 2 : 6 + 2 * ((height - 5) / 2)
    }

    /// One block a pixel; the rows between the bars (1 and 3) `stretch` cells taller, the
    /// middle column twice that wider, so 7 rows keep the shape of 5.
    private static func drawBlocks(_ pixels: [[Bool]], stretch: Int, in canvas: inout Canvas, x: Int, y: Int, style: Style) {
        let rowHeights = [1, 1 + stretch, 1, 1 + stretch, 1]
        let columnWidths = pixels[0].count == 1 ? [2] : [2, 2 + 2 * stretch, 2]
        var top = y
        for (row, rowHeight) in rowHeights.enumerated() {
            var left = x
            for (column, columnWidth) in columnWidths.enumerated() {
                if pixels[row][column] {
                    for line in 0..<rowHeight { canvas.run(of: "█", count: columnWidth, x: left, y: top + line, style: style) }
                }
                left += columnWidth
            }
            top += rowHeight
        }
    }
}
