/// A typed character put on screen as soon as it is read, before the key is handled and
/// its frame drawn: the character where the cursor stands, in the plain style, and the
/// cursor one column on. Only a key that appends to the note input on a row with room is
/// echoed (`IncrementalScreen.echo`), and that is exactly what its frame then shows there.
/// The frame is still drawn and compared with what the terminal shows (the last frame with
/// the echo on it), so the screen ends as the frame even when keys read with the echoed
/// one took it back.
///
/// Why: the frame (handling the key, wrapping the input, comparing frames, the terminal
/// library's update) takes most of a key's time, and the typist waits for the character.
public struct TypedEcho: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var character: Unicode.Scalar

    public init(x: Int, y: Int, character: Unicode.Scalar) {
        self.x = x
        self.y = y
        self.character = character
    }

    /// Where the echo leaves the cursor.
    public var cursorAfter: (x: Int, y: Int) { (x + 1, y) }
}

extension Canvas {
    /// The cells to draw to turn a screen that shows `previous` with `echo` on it into this
    /// canvas: `changedCells(since:)`, less the echoed cell where this canvas shows the echo,
    /// plus it where this canvas shows something else (a key read with the echoed one took
    /// it back).
    public func changedCells(since previous: Canvas?, echoed echo: TypedEcho?) -> [Int] {
        var changed = changedCells(since: previous)
        guard let echo, let previous, previous.width == width, previous.height == height,
              (0..<width).contains(echo.x), (0..<height).contains(echo.y) else { return changed }
        let index = echo.y * width + echo.x
        let showsEcho = content(at: index) == .scalar(echo.character) && style(at: index) == .normal
        // `changed` is in order: the echoed cell goes in its place, or out.
        var place = changed.count
        while place > 0, changed[place - 1] >= index { place -= 1 }
        let listed = place < changed.count && changed[place] == index
        if showsEcho, listed { changed.remove(at: place) }
        if !showsEcho, !listed { changed.insert(index, at: place) }
        return changed
    }
}
