/// A section title in block letters, for the projector, in `PixelFont`. 3 rows tall (two pixel rows share a cell, as the 3-row digits do) or
/// 5 (a pixel is a cell row and two columns). Text with a character the font lacks is not
/// drawn: the caller shows it as a plain line instead, so nothing is ever left out.
public enum BigText {
    /// The heights the font comes in, tallest first.
    public static let heights = [5, 3]

    /// The glyphs of `text`, or nil when the font lacks one of its characters.
    private static func shapes(_ text: String) -> [[[Bool]]]? {
        var shapes: [[[Bool]]] = []
        for character in text {
            guard let glyph = PixelFont.pixels[character] else { return nil }
            shapes.append(glyph)
        }
        return shapes.isEmpty ? nil : shapes
    }

    /// Columns `text` takes at `height`; nil when the font cannot draw it.
    public static func width(_ text: String, height: Int) -> Int? {
        guard let shapes = shapes(text) else { return nil }
        let scale = height == 3 ? 1 : 2
        return shapes.map { $0[0].count * scale }.reduce(0, +) + scale * (shapes.count - 1)
    }

    /// The tallest height, at most `maxHeight`, at which `text` fits in `maxWidth` columns;
    /// nil when it fits at none, or the font cannot draw it.
    public static func height(for text: String, maxWidth: Int, maxHeight: Int) -> Int? {
        heights.first { $0 <= maxHeight && (width(text, height: $0).map { $0 <= maxWidth } ?? false) }
    }

    public static func draw(_ text: String, height: Int, in canvas: inout Canvas, x: Int, y: Int, style: Style) {
        guard let shapes = shapes(text) else { return }
        let scale = height == 3 ? 1 : 2
        var column = x
        for pixels in shapes {
            if height == 3 {
                PixelFont.drawHalfBlocks(pixels, in: &canvas, x: column, y: y, style: style)
            } else {
                for (row, line) in pixels.enumerated() {
                    for (index, on) in line.enumerated() where on {
                        canvas.run(of: "█", count: 2, x: column + index * 2, y: y + row, style: style)
                    }
                }
            }
            column += (pixels[0].count + 1) * scale
        }
    }
}
