import DebriefKit

/// Where a meeting's parts go on the screen, shared by the live meeting and its replay so
/// that both look the same: the agenda as a column on wide screens or a strip on narrow
/// ones, the section pane on top, the notes below it.
struct MeetingLayout {
    /// From this size on, the agenda gets its own column instead of a strip.
    static let wideSize = TerminalSize(width: 120, height: 30)
    static let sidebarWidth = 34

    let isWide: Bool
    /// Left edge and width of everything but the agenda column.
    let mainX: Int
    let mainWidth: Int
    let pane: Rect
    /// The rule with the notes' title.
    let notesRule: Int
    let notes: Rect
    /// The rule under the notes, with the agenda strip below it (narrow screens only).
    let stripRule: Int
    /// The prompts on one line: when all of them would leave the notes fewer than
    /// `minimumNoteRows`, or the other way round after Ctrl-P.
    let promptsCollapsed: Bool

    /// Below this many note rows the prompts collapse to one line by themselves.
    static let minimumNoteRows = 6
    /// Under a table the notes give up rows to the numbers, but never all of them.
    static let minimumNoteRowsUnderTable = 3

    /// - Parameter footer: the first row below the meeting (the rule above the note input,
    ///   or above the replay's timeline).
    init(_ model: AppModel, size: TerminalSize, footer: Int) {
        isWide = Self.isWide(size)
        mainX = Self.mainX(size)
        mainWidth = size.width - mainX
        stripRule = footer - (isWide ? 0 : 1 + AgendaProgress.stripRows)
        // The pane gets the rows its prompts need, the notes the rest, but never less than
        // two fifths of the space (room for the newest note above a tag picker): a long
        // prompt list is cut, with "…", before the notes are.
        let space = stripRule - 3
        let full = SectionPane.preferredHeight(model, width: mainWidth)
        let paneRows: Int
        if let table = model.tablePane {
            // A section with a table: numbers first. The prompts take one line (Ctrl-P shows
            // them all), the table what it needs, the notes keep a few rows.
            promptsCollapsed = !model.promptsToggled
            let prompts = promptsCollapsed ? 1 : full - 3
            let wanted = 2 + prompts + table.preferredHeight(width: mainWidth)
            // At least the heading and a row: a heading alone hides the numbers (and, after
            // F5, the selected row). While the table has focus the notes keep one row.
            let least = 2 + prompts + (table.rows.isEmpty ? 1 : 2)
            let notesKept = model.focus == .table ? 1 : Self.minimumNoteRowsUnderTable
            paneRows = max(min(least, space - 1), min(wanted, space - notesKept))
        } else if (full > space - Self.minimumNoteRows) != model.promptsToggled {
            promptsCollapsed = true
            // The chart's two rows only while the notes keep their minimum.
            let wanted = SectionPane.collapsedHeight(model)
            paneRows = min(wanted, max(SectionPane.collapsedRows, space - Self.minimumNoteRows))
        } else {
            promptsCollapsed = false
            paneRows = max(min(5, space - 2), min(full, space - max(3, space * 2 / 5)))
        }
        pane = Rect(x: mainX, y: 2, width: mainWidth, height: paneRows)
        notesRule = 2 + paneRows
        notes = Rect(x: mainX, y: notesRule + 1, width: mainWidth, height: stripRule - notesRule - 1)
    }

    static func isWide(_ size: TerminalSize) -> Bool {
        size.width >= wideSize.width && size.height >= wideSize.height
    }

    /// Left edge of everything but the agenda column, known before the rows are laid out.
    static func mainX(_ size: TerminalSize) -> Int { isWide(size) ? sidebarWidth : 0 }

    /// The agenda: a column down to `bottom` on wide screens, else a strip under the notes.
    func drawAgenda(_ model: AppModel, in canvas: inout Canvas, bottom: Int) {
        if isWide {
            AgendaProgress.drawList(model.meetingView, in: &canvas, area: Rect(x: 0, y: 2, width: Self.sidebarWidth, height: bottom - 2))
            for row in 1..<bottom { canvas.text("│", x: Self.sidebarWidth - 1, y: row, style: .muted) }
        } else {
            canvas.horizontalLine(y: stripRule, x: 0)
            AgendaProgress.drawStrip(model.meetingView, in: &canvas, y: stripRule + 1, width: canvas.width)
        }
    }
}
