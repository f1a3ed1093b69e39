import DebriefKit
import FoundationEssentials

/// The meeting screen, frame after frame, drawn in full only when something besides the
/// note input and the clocks changed. A typed key changes the editor and nothing else on
/// screen: the frame is then the last full frame with the input's rows drawn again, which
/// costs a tenth of drawing every widget (and stays as cheap after 5,000 notes as before
/// the first). A shown clock turning over (once a second while the meeting runs) redraws
/// the parts that show the time (`ClockSlots`) into the kept frame.
///
/// Why that is the same picture as a full render (the property test in
/// `IncrementalScreenTests` checks it after every key of random meetings, at several sizes):
/// - the full frame depends on the model through `Backdrop`, the size, the clock and the
///   editor; the input's rows depend on the editor alone (and on where the frame put them);
///   the clock's parts on the clock and the backdrop alone (the layout does not move with time);
/// - a kept frame is reused only when the backdrop is equal, the input keeps its height
///   (the layout above it depends on that and nothing else of the editor), and no overlay
///   or other view covers the input;
/// - the clocks on screen are those of the kept frame until the next moment a shown clock
///   turns over, when they are drawn again for the time then.
///
/// One value per meeting loop: the backdrop compares a count of the meeting's changes, not
/// the meeting itself.
public struct IncrementalScreen: Sendable {
    private var kept: Kept?
    /// The frame for the input one row taller, drawn ahead (`prepareGrowth`) around the
    /// kept frame's backdrop, and dropped with the kept frame: while it is here, it matches
    /// whatever the kept frame matches.
    private var grown: Kept?
    /// Whether the last key left the input's text near the end of its last row.
    private var growthIsNear = false
    /// Frames drawn by redrawing only the input (for tests and benchmarks).
    public private(set) var partialFrames = 0
    /// Of those, frames whose clocks were drawn again too (a shown clock turned over).
    public private(set) var clockFrames = 0
    /// Frames drawn ahead for the input's next row (`prepareGrowth`).
    public private(set) var framesDrawnAhead = 0

    private struct Kept: Sendable {
        var canvas: Canvas
        var backdrop: Backdrop
        var input: InputSlot
        var clocks: ClockSlots
        /// The last two frames drawn from it, redrawn in turn: the terminal keeps the one it
        /// shows (`shown`) until it takes the next, so the other (`spare`) is ours alone and
        /// the input is redrawn into it in place. Copying the kept frame instead cost a
        /// 24 KB allocation and copy a key at 100×30. Outside the input's rows both are the
        /// kept frame (the input is drawn only inside its area), or were, before a clock
        /// turned over: such a frame takes the kept frame's cells again before it is drawn into.
        var shown: Canvas?
        var spare: Canvas?
        /// Its identity in `Canvas.Lineage`.
        var frame: Canvas.Lineage.Frame
        /// Meeting time of the kept frame, and the time its shown clocks turn over.
        var drawnAt: Int
        var validUntil: Int

        /// A full frame kept, with its lineage identity; nil for a frame without an input.
        init?(_ frame: (canvas: Canvas, input: InputSlot?, clocks: ClockSlots?), _ model: AppModel, size: TerminalSize) {
            guard let input = frame.input, let clocks = frame.clocks else { return nil }
            // A terminal compares two frames by their redrawn rows only when they come from
            // one kept frame (`Canvas.Lineage`).
            self.frame = Canvas.Lineage.Frame()
            canvas = frame.canvas
            canvas.lineage = Canvas.Lineage(frame: self.frame, rows: 0..<0)
            backdrop = Backdrop(model, size: size)
            self.input = input
            self.clocks = clocks
            drawnAt = model.now
            validUntil = model.now + MeetingScreen.millisecondsToClockChange(model)
        }

        /// Whether the frame's clocks show this moment.
        func showsClocks(at now: Int) -> Bool {
            now >= drawnAt && now < validUntil
        }

        /// The clocks drawn again for `model.now` into the kept frame, which gets a new
        /// identity: the last two frames no longer match it outside the input (they are
        /// brought up to date when next drawn into), and the terminal compares the next frame
        /// with the last one in full.
        mutating func redrawClocks(_ model: AppModel) {
            clocks.draw(model, in: &canvas)
            frame = Canvas.Lineage.Frame()
            canvas.lineage = Canvas.Lineage(frame: frame, rows: 0..<0)
            drawnAt = model.now
            validUntil = model.now + MeetingScreen.millisecondsToClockChange(model)
        }

        /// This frame as the child of `parent` (`Canvas.Lineage.Frame.parent`): a frame drawn
        /// ahead beside the kept frame, and compared with the screen showing it on the rows
        /// where the two differ, found now.
        mutating func descend(from parent: Kept) {
            let unlike = canvas.changedCells(since: parent.canvas)
            let rows = unlike.isEmpty ? 0..<0 : (unlike[0] / canvas.width)..<(unlike[unlike.count - 1] / canvas.width + 1)
            frame = Canvas.Lineage.Frame(after: parent.frame, unlikeIn: rows)
            canvas.lineage = Canvas.Lineage(frame: frame, rows: 0..<0)
        }

        /// A spare frame of its own, made now: the key that first draws into this kept frame
        /// (the one that wraps the input, for a frame drawn ahead) then draws in place
        /// instead of copying the kept frame's cells as it comes.
        mutating func makeSpare() {
            var made = Canvas(width: canvas.width, height: canvas.height)
            made.take(cellsOf: canvas)
            made.lineage = Canvas.Lineage(frame: frame, rows: 0..<0)
            spare = made
        }

        /// The kept frame with the input's rows drawn anew, into the spare frame.
        mutating func redrawInput(_ editor: NoteEditor, rows: [Range<Int>]) -> Canvas {
            // The spare is held here only once it moves out (see `spare`): drawn in place.
            var drawn = spare ?? canvas
            spare = shown
            shown = nil
            // Drawn from the kept frame before its clocks turned over: its cells again, in
            // place (the allocation and copy of a new frame cost more).
            if drawn.lineage?.frame !== frame { drawn.take(cellsOf: canvas) }
            let area = input.area
            drawn.fill(x: area.x, y: area.y, width: area.width, height: area.height)
            drawn.cursor = nil
            input.draw(editor, rows: rows, in: &drawn)
            drawn.lineage = Canvas.Lineage(frame: frame, rows: area.y..<(area.y + area.height))
            shown = drawn
            return drawn
        }
    }

    public init() {}

    /// The frame for `model` at `size`: what `MeetingScreen.render` draws, cheaper.
    /// - Parameter clocksMayWait: a typed key's frame, whose clocks may stay as they were for
    ///   the loop's next frame, drawn right after it (see `clocksAreDue`): the key shows first.
    public mutating func render(_ model: AppModel, size: TerminalSize, clocksMayWait: Bool = false) -> Canvas {
        // Other views (the projector) have no note input to redraw: always in full.
        guard model.view == .notes else {
            kept = nil
            grown = nil
            return MeetingScreen.render(model, size: size)
        }
        // The kept frame is read and redrawn in place, through `kept?` and `kept!`: binding it
        // (`if var kept`) copied it, retaining its three canvases and its backdrop's strings
        // and releasing them again, on every key.
        if model.overlay == nil, kept?.backdrop.matches(model, size: size) == true, let area = kept?.input.area {
            let rows = NoteInput.wrap(model.editor, width: area.width)
            let height = NoteInput.height(of: rows)
            // The input wrapped to a new row: its frame was drawn ahead (`prepareGrowth`).
            if height != area.height, grown?.input.area.height == height {
                kept = grown
                grown = nil
            }
            if height == kept!.input.area.height {
                partialFrames += 1
                growthIsNear = height < NoteInput.maximumRows
                    && (rows.last?.count ?? 0) >= NoteInput.textWidth(area.width) - Self.growthReach
                if kept?.showsClocks(at: model.now) == false, !clocksMayWait {
                    clockFrames += 1
                    kept!.redrawClocks(model)
                }
                return kept!.redrawInput(model.editor, rows: rows)
            }
        }
        grown = nil
        growthIsNear = false
        let frame = MeetingScreen.frame(model, size: size)
        guard let next = Kept(frame, model, size: size) else {
            kept = nil
            return frame.canvas
        }
        kept = next
        return next.canvas
    }

    /// Columns from the end of the input's last row within which the frame for one more
    /// row is drawn ahead: a few keys of warning, and most notes end before they wrap.
    static let growthReach = 12

    /// Draws the frame for the input one row taller when its text is near the end of its
    /// last row: the loop calls this once a key's frame is out and no key waits. The key
    /// that wraps the input moves the layout above it, and its frame was drawn in full
    /// before its first byte went out (0.4 ms against 0.2 for other keys, every 95 or so
    /// characters); with this frame ready it is drawn as any other key's. The layout
    /// depends on the editor through the input's height alone (see above), so the frame is
    /// drawn for the text's rows and one empty row after them; its input is drawn anew
    /// when the frame is taken.
    public mutating func prepareGrowth(_ model: AppModel, size: TerminalSize) {
        guard growthIsNear, grown == nil else { return }
        growthIsNear = false
        guard model.view == .notes, model.overlay == nil, let area = kept?.input.area,
              kept?.backdrop.matches(model, size: size) == true else { return }
        var rows = NoteInput.wrap(model.editor, width: area.width)
        guard let end = rows.last?.upperBound else { return }
        rows.append(end..<end)
        let frame = MeetingScreen.frame(model, size: size, inputRows: rows)
        guard var ahead = Kept(frame, model, size: size), ahead.input.area.height == area.height + 1 else { return }
        ahead.descend(from: kept!)
        ahead.makeSpare()
        grown = ahead
        framesDrawnAhead += 1
    }

    /// The frames the next key brings if it wraps the input to a new row: one for each way
    /// the typed keys cut the text into rows (a letter carries its word down, a space starts
    /// the row). The terminal puts the one for the key on screen the moment it reads it, as
    /// it echoes a letter, so the key that wraps is not the one slow key of a row. They are
    /// drawn into the frame that key's frame comes from: the one drawn ahead for the input
    /// a row taller (`prepareGrowth`), or the kept frame once the input is at its tallest
    /// and scrolls. Empty unless the next key typed at the end of the input wraps it. Asked
    /// before the loop waits, after `echoPlace` said no.
    public func foreseenWraps(_ model: AppModel, size: TerminalSize) -> [ForeseenFrame] {
        guard model.appendsTypedText, let kept, kept.backdrop.matches(model, size: size) else { return [] }
        let width = kept.input.area.width
        var typed = model.editor
        typed.insert("x")
        let wrapped = NoteInput.wrap(typed, width: width)
        guard wrapped.count > NoteInput.wrap(model.editor, width: width).count else { return [] }
        let height = NoteInput.height(of: wrapped)
        guard let base = height == kept.input.area.height ? kept : grown, base.input.area.height == height else { return [] }
        var groups: [(rows: [Range<Int>], keys: [UInt8])] = []
        for byte in UInt8(0x20)..<0x7F where AppModel.textKeys.contains(UInt32(byte)) {
            typed = model.editor
            typed.insert(String(UnicodeScalar(byte)))
            let rows = NoteInput.wrap(typed, width: width)
            guard NoteInput.height(of: rows) == height else { continue }
            if let group = groups.firstIndex(where: { $0.rows == rows }) {
                groups[group].keys.append(byte)
            } else {
                groups.append((rows, [byte]))
            }
        }
        return groups.compactMap { Self.foresee(model.editor, typing: $0.keys, rows: $0.rows, in: base) }
    }

    /// The frame drawn ahead with the input as typing any of `keys` leaves it (`rows`): drawn
    /// with the first two keys, the one cell where they differ is the letter's.
    private static func foresee(_ editor: NoteEditor, typing keys: [UInt8], rows: [Range<Int>], in base: Kept) -> ForeseenFrame? {
        let area = base.input.area
        func frame(typing byte: UInt8) -> Canvas {
            var typed = editor
            typed.insert(String(UnicodeScalar(byte)))
            var canvas = base.canvas
            canvas.fill(x: area.x, y: area.y, width: area.width, height: area.height)
            canvas.cursor = nil
            base.input.draw(typed, rows: rows, in: &canvas)
            // As `redrawInput` stamps the key's frame: the terminal compares the two by these rows.
            canvas.lineage = Canvas.Lineage(frame: base.frame, rows: area.y..<(area.y + area.height))
            return canvas
        }
        let first = frame(typing: keys[0])
        guard keys.count > 1 else { return ForeseenFrame(canvas: first, letterIndex: nil, keys: ASCIISet(keys)) }
        let unlike = first.changedCells(since: frame(typing: keys[1]))
        guard unlike.count == 1 else { return nil }
        return ForeseenFrame(canvas: first, letterIndex: unlike[0], keys: ASCIISet(keys))
    }

    /// Where the terminal may show the next key's character before the model takes it: the
    /// next frame will show just it, where the terminal's cursor stands, and the cursor one
    /// column on. So when the model appends a typed character to the input
    /// (`AppModel.appendsTypedText`), the last frame is this meeting's input with its cursor
    /// at the end of the text, and the character fits on the row (up to its last column:
    /// the column after it is kept for the cursor), so nothing wraps or moves. The key at
    /// that kept column is not echoed: its word may move to the next row. The frame is
    /// still drawn and sent as ever, and corrects the screen if this was wrong. Asked before
    /// the loop waits, so the key's first byte waits for none of it.
    public func echoPlace(_ model: AppModel, size: TerminalSize) -> EchoPlace? {
        guard model.appendsTypedText, kept?.backdrop.matches(model, size: size) == true, let area = kept?.input.area,
              let cursor = kept?.shown?.cursor ?? kept?.canvas.cursor else { return nil }
        // Read in place, through `kept?`: binding the kept frame copies it. The last frame is
        // the last one redrawn from it, or the kept frame itself when none was since.
        let textX = area.x + NoteInput.promptWidth
        guard cursor.y >= area.y, cursor.y < area.y + area.height, cursor.x >= textX,
              cursor.x < textX + NoteInput.textWidth(area.width) else { return nil }
        return EchoPlace(x: cursor.x, y: cursor.y, style: .normal, keys: AppModel.textKeys)
    }

    /// Whether the last frame kept its clocks from before their turnover (`clocksMayWait`).
    public func clocksAreDue(_ model: AppModel) -> Bool {
        model.view == .notes && kept?.showsClocks(at: model.now) == false
    }

    /// `MeetingScreen.millisecondsToClockChange(model)`, read off the kept frame when it
    /// shows this meeting at this moment (the loop asks after every frame it draws, and
    /// working it out copies the meeting into a `Schedule`).
    public func millisecondsToClockChange(_ model: AppModel) -> Int {
        // Read in place: binding the kept frame (`if let kept`) copied it, retaining its canvases.
        if model.view == .notes, kept?.backdrop.meetingVersion == model.meetingVersion,
           let drawnAt = kept?.drawnAt, let validUntil = kept?.validUntil, model.now >= drawnAt, model.now < validUntil {
            return validUntil - model.now
        }
        return MeetingScreen.millisecondsToClockChange(model)
    }
}

/// Where the note input sits on a frame and how it is drawn there: everything the input
/// needs from the model besides the editor.
struct InputSlot: Equatable, Sendable {
    var area: Rect
    var active: Bool
    /// The hint of the empty input while looking back (where its notes go).
    var label: String?

    func draw(_ editor: NoteEditor, rows: [Range<Int>], in canvas: inout Canvas) {
        NoteInput.draw(editor, in: &canvas, area: area, active: active, label: label, rows: rows)
    }
}

/// Everything of the model that the meeting screen draws, except the editor and the
/// clock: two equal backdrops draw the same frame around the same input. A stored field
/// of `AppModel` that is drawn belongs here; `IncrementalScreenTests` lists every field
/// and fails for a new one until it is placed here or said not to be drawn.
struct Backdrop: Equatable, Sendable {
    var size: TerminalSize
    var meetingVersion: Int
    var overlay: AppModel.Overlay?
    var view: ViewKind
    var focus: AppModel.Focus
    var selectedNoteID: Int?
    var viewedSection: Int?
    var editingNoteID: Int?
    var rewritingLearning: Bool
    var inputSection: Int
    var promptsToggled: Bool
    var selectedRecordID: Int?
    var selectedColumn: Int
    var contentMetric: String
    var showsPatterns: Bool
    var message: String?
    var storageProblem: String?
    var savingToDisk: Bool
    var clockZero: Date?
    var showsSinceLastTime: Bool

    init(_ model: AppModel, size: TerminalSize) {
        self.size = size
        meetingVersion = model.meetingVersion
        overlay = model.overlay
        view = model.view
        focus = model.focus
        selectedNoteID = model.selectedNoteID
        viewedSection = model.viewedSection
        editingNoteID = model.editingNoteID
        rewritingLearning = model.rewritingLearning
        inputSection = model.inputSection
        promptsToggled = model.promptsToggled
        selectedRecordID = model.selectedRecordID
        selectedColumn = model.selectedColumn
        contentMetric = model.contentMetric
        showsPatterns = model.showsPatterns
        message = model.message
        storageProblem = model.storageProblem
        savingToDisk = model.savingToDisk
        clockZero = model.clockZero
        showsSinceLastTime = model.sinceLastTime != nil
    }
}

extension Backdrop {
    /// `Backdrop(model, size: size) == self`, without making one: asked on every typed key,
    /// where copying these fields out of the model (strings, the overlay, a `Date`) cost more
    /// than redrawing the input. Every stored field of `Backdrop` is compared here; a debug
    /// build checks the answer against the definition on every call.
    func matches(_ model: AppModel, size: TerminalSize) -> Bool {
        let answer = size == self.size && meetingVersion == model.meetingVersion && overlay == model.overlay
            && view == model.view && focus == model.focus && selectedNoteID == model.selectedNoteID
            && viewedSection == model.viewedSection && editingNoteID == model.editingNoteID
            && rewritingLearning == model.rewritingLearning && inputSection == model.inputSection
            && promptsToggled == model.promptsToggled && selectedRecordID == model.selectedRecordID
            && selectedColumn == model.selectedColumn && contentMetric == model.contentMetric
            && showsPatterns == model.showsPatterns && message == model.message
            && storageProblem == model.storageProblem && savingToDisk == model.savingToDisk
            && clockZero == model.clockZero
            && showsSinceLastTime == (model.sinceLastTime != nil)
        assert(answer == (Backdrop(model, size: size) == self), "Backdrop.matches misses a field")
        return answer
    }
}

extension MeetingScreen {
    /// Meeting milliseconds until a clock on screen turns over: the meeting's elapsed
    /// time or the section's countdown, whichever comes first. The loop waits this long
    /// for a key before it redraws; a kept frame is good until then.
    static func millisecondsToClockChange(_ model: AppModel) -> Int {
        var next = 1000 - model.now % 1000
        if model.meeting.runningSince != nil {
            let schedule = Schedule(state: model.meeting, now: model.now)
            next = min(next, 1000 - schedule.sectionElapsed % 1000)
        }
        return next
    }
}
