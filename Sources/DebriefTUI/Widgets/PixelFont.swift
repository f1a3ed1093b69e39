/// The five-pixel-tall font of the projector's big digits and block-letter titles: letters
/// A–Z (lower case drawn as upper case), digits, space and common punctuation, each glyph
/// parsed once into pixels. Drawn by `BigDigits` and `BigText` at their own sizes.
enum PixelFont {
    /// Pixels of each glyph, top row first: `#` on, `.` off. Letters are upper case (lower
    /// case is drawn as upper case); M, N and W are wider so they stay letters.
    private static let rows: [Character: [String]] = [
        "A": [".#.", "#.#", "###", "#.#", "#.#"],
        "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"],
        "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"],
        "F": ["###", "#..", "##.", "#..", "#.."],
        "G": [".##", "#..", "#.#", "#.#", ".##"],
        "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "I": ["###", ".#.", ".#.", ".#.", "###"],
        "J": ["..#", "..#", "..#", "#.#", ".#."],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"],
        "L": ["#..", "#..", "#..", "#..", "###"],
        "M": ["#...#", "##.##", "#.#.#", "#...#", "#...#"],
        "N": ["#..#", "##.#", "#.##", "#..#", "#..#"],
        "O": [".#.", "#.#", "#.#", "#.#", ".#."],
        "P": ["##.", "#.#", "##.", "#..", "#.."],
        "Q": [".#.", "#.#", "#.#", "##.", ".##"],
        "R": ["##.", "#.#", "##.", "#.#", "#.#"],
        "S": [".##", "#..", ".#.", "..#", "##."],
        "T": ["###", ".#.", ".#.", ".#.", ".#."],
        "U": ["#.#", "#.#", "#.#", "#.#", "###"],
        "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#...#", "#...#", "#.#.#", "##.##", "#...#"],
        "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."],
        "Z": ["###", "..#", ".#.", "#..", "###"],
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", "###", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        " ": ["..", "..", "..", "..", ".."],
        ".": [".", ".", ".", ".", "#"],
        ",": [".", ".", ".", "#", "#"],
        ":": [".", "#", ".", "#", "."],
        ";": [".", "#", ".", "#", "#"],
        "!": ["#", "#", "#", ".", "#"],
        "?": ["##.", "..#", ".#.", "...", ".#."],
        "'": ["#", "#", ".", ".", "."],
        "\"": ["#.#", "#.#", "...", "...", "..."],
        "-": ["...", "...", "###", "...", "..."],
        "+": ["...", ".#.", "###", ".#.", "..."],
        "/": ["..#", "..#", ".#.", "#..", "#.."],
        "&": [".#.", "#.#", ".#.", "#.#", ".##"],
        "%": ["#.#", "..#", ".#.", "#..", "#.#"],
        "(": [".#", "#.", "#.", "#.", ".#"],
        ")": ["#.", ".#", ".#", ".#", "#."],
        "·": [".", ".", "#", ".", "."],
    ]

    /// Characters drawn as another glyph: typographic quotes and dashes.
    private static let aliases: [Character: Character] = ["’": "'", "‘": "'", "“": "\"", "”": "\"", "–": "-", "—": "-"]

    /// The glyphs as pixels, lower case and aliases included: made once, read every frame.
    static let pixels: [Character: [[Bool]]] = {
        var table = rows.mapValues { rows in rows.map { $0.map { $0 == "#" } } }
        for (key, glyph) in table where key.isLetter { table[Character(key.lowercased())] = glyph }
        for (alias, key) in aliases { table[alias] = table[key] }
        return table
    }()

    /// Pixel rows 0–1, 2–3 and 4 share cells: ▀ the top one, ▄ the bottom one, █ both.
    static func drawHalfBlocks(_ pixels: [[Bool]], in canvas: inout Canvas, x: Int, y: Int, style: Style) {
        for row in 0..<3 {
            for column in pixels[0].indices {
                let top = pixels[row * 2][column]
                let bottom = row * 2 + 1 < pixels.count && pixels[row * 2 + 1][column]
                let cell: Character? = top && bottom ? "█" : top ? "▀" : bottom ? "▄" : nil
                if let cell { canvas.run(of: cell, count: 1, x: x + column, y: y + row, style: style) }
            }
        }
    }
}
