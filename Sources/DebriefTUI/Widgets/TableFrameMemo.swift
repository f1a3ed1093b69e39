import DebriefKit
import Synchronization

/// The table pane as last drawn, and the notes that point at its rows (`RowMentions`), kept
/// between frames: a keystroke in the note input changes neither, yet counting the mentions
/// in every note and laying out and drawing every cell cost more than the rest of the frame
/// (typing with a table on screen took twice the CPU of typing without). The app model
/// starts a new memo whenever a row or a note changes, so a memo never outlives what it
/// was drawn from; within one, the last drawing is reused while the pane's place and state
/// (size, selection, focus, metric) stay the same. Moving the selection draws anew.
public final class TableFrameMemo: Sendable {
    /// Everything besides the rows and the notes that the pane's drawing follows.
    struct Key: Equatable, Sendable {
        var table: RecordTable
        var area: Rect
        var selectedRecord: Int?
        var selectedColumn: Int?
        var focused: Bool
        var metric: String
        var showsPatterns: Bool
    }

    private struct Kept {
        var mentions: RowMentions?
        /// One drawing: a canvas drawn with the screen's coordinates, of which `key.area` is the pane.
        var drawing: (key: Key, canvas: Canvas)?
        var drawn = 0
    }

    private let kept = Mutex(Kept())

    public init() {}

    /// The notes' pointers at rows, counted once.
    func mentions(_ meeting: MeetingState) -> RowMentions {
        if let cached = kept.withLock({ $0.mentions }) { return cached }
        let mentions = RowMentions(meeting)
        kept.withLock { $0.mentions = mentions }
        return mentions
    }

    /// The pane as `draw` draws it for `key`, drawn once.
    func drawing(_ key: Key, draw: () -> Canvas) -> Canvas {
        if let cached = kept.withLock({ $0.drawing }), cached.key == key { return cached.canvas }
        let canvas = draw()
        kept.withLock {
            $0.drawing = (key, canvas)
            $0.drawn += 1
        }
        return canvas
    }

    /// How many times the pane was drawn rather than reused (what a test of it counts).
    var drawings: Int { kept.withLock { $0.drawn } }
}
