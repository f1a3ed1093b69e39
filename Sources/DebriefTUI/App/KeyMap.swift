import DebriefKit

/// Everything a key can do. The app performs commands; the key map decides which key
/// means which command.
public enum Command: Hashable, Sendable {
    // The meeting, whatever has focus.
    case showHelp, nextSection, previousSection, togglePause, extendSection, endMeeting, interrupt, suspend
    case switchFocus, tagProblem, togglePrompts
    /// F7: the notes console or the projector, on this terminal.
    case switchView
    /// F8: the sections not reached yet take the minutes that end the meeting on time.
    case rebalanceAgenda
    // Typing a note.
    case commitNote, insertNewline, cancelEdit
    case deleteBackward, deleteForward, deleteWordBackward, killToLineEnd, killToLineStart, undo
    /// Ctrl-Z: undo (a note edit, a deletion in the list, a row removed from the table);
    /// with nothing to undo, suspend.
    case undoOrSuspend
    case cursorLeft, cursorRight, wordLeft, wordRight, lineStart, lineEnd, cursorUp, cursorDown
    // The list of notes.
    case selectPrevious, selectNext, editNote, removeNote, restoreNote, linkAction, toggleClientVisible, leaveList
    case toggleLearning, rewriteLearning
    case markKind(NoteKind)
    // The section's table.
    case focusTable, columnLeft, columnRight, editCell, openRow, removeRow, restoreRow, addRow, switchMetric, togglePatterns, leaveTable
    case closeRow
    // Inside a box (a picker, the F10 and Ctrl-C dialogs, F1).
    /// A number key: the n-th choice of a picker or of the F10 checklist.
    case choose
    case confirm, cancel, leaveForLater, otherRootCause
    case scrollDown, scrollUp, scrollPageDown, scrollPageUp, closeHelp
    // "Since last time", before the first section.
    case markFollowUp(FollowUpStatus)
    case leaveSinceLastTime
}

/// The single table of the meeting's key bindings: dispatch, the status line, the boxes'
/// hints and the help overlay are all generated from it, so a key never exists in two places.
public enum KeyMap {
    public typealias Binding = KeyBinding<Command>

    public static let table = KeyTable(meeting + typing + list + tableKeys + boxes + sinceLastTime)
    public static var bindings: [Binding] { table.bindings }

    static let meeting: [Binding] = [
        Binding([.function(1)], .showHelp, .meeting, status: "Help", "Show or hide this list of keys"),
        Binding([.pageDown], .nextSection, .meeting, status: "Next", "Next section (presentation clickers send this)"),
        Binding([.pageUp], .previousSection, .meeting, status: "Back", "Previous section"),
        Binding([.function(2)], .togglePause, .meeting, status: "Pause", "Pause or resume the clock"),
        Binding([.function(3)], .extendSection, .meeting, status: "+5 min", "Give the current section 5 more minutes"),
        Binding([.tab, .backTab], .switchFocus, .meeting, status: "Notes", "Move between the note input and the list of notes"),
        Binding([.function(4)], .tagProblem, .meeting, status: "Tag",
                   "Tag a problem: root cause, then severity (selected, else last untagged)"),
        Binding([.function(10)], .endMeeting, .meeting, status: "End",
                   "End the meeting: shows what is open, then writes session file and brief"),
        Binding([.control("p")], .togglePrompts, .meeting, status: "Prompts",
                   "Prompts on one line (more room for notes), or all of them"),
        Binding([.control("c")], .interrupt, .meeting, "End the meeting, or leave it to resume later"),
        Binding([.function(5)], .focusTable, .meeting, status: "Table",
                "Move to the section's table (KPIs, creators, content): arrows move, Enter corrects a cell"),
        Binding([.function(6)], .switchMetric, .meeting, "Content: rank the top 3 and bottom 3 by the next metric"),
        Binding([.function(7)], .switchView, .meeting, status: "Projector",
                "Switch this terminal between the notes and the projector (big clock for the room)"),
        // No room on the status line for a key that only matters when behind: the agenda's
        // proposal names it when there is one.
        Binding([.function(8)], .rebalanceAgenda, .meeting,
                "Running behind: give the sections not reached yet the minutes that end the meeting on time"),
    ]

    /// Keys in the section's table (F5). Typing anything else goes to the input, so a form
    /// (= …) can be started from here.
    static let tableKeys: [Binding] = [
        Binding([.up], .selectPrevious, .table, "Select the row above"),
        Binding([.down], .selectNext, .table, "Select the row below"),
        Binding([.left], .columnLeft, .table, "Select the column to the left (a hidden one comes into view)"),
        Binding([.right], .columnRight, .table, "Select the column to the right"),
        Binding([.enter], .editCell, .table, status: "Edit",
                "Correct the selected cell: its form opens in the input (= name column value), Enter saves"),
        Binding([.character("o"), .character(" ")], .openRow, .table, status: "Open", "Open the row in full: every column, its notes"),
        Binding([.character("a")], .addRow, .table, status: "Add", "Add a row: the input starts a form (= name column value …)"),
        Binding([.delete, .backspace], .removeRow, .table, status: "Delete", "Remove the selected row"),
        Binding([.character("u")], .restoreRow, .table, "Bring back the last removed row"),
        Binding([.control("z")], .undoOrSuspend, .table, "Bring back the last removed row; with none, suspend"),
        Binding([.escape], .leaveTable, .table, status: "Back", "Back to typing"),
        Binding([.character("m")], .switchMetric, .table, status: "Metric", "Content: rank the top 3 and bottom 3 by the next metric"),
        Binding([.character("p")], .togglePatterns, .table, status: "Patterns",
                "Creators on a narrow screen: the patterns (tier, platform, brief) in the table's place, or back"),
    ]

    static let typing: [Binding] = [
        Binding([.enter], .commitNote, .typing,
                   "Save the note: ! problem  + win  > action  ? question"),
        Binding([.alt(.enter)], .insertNewline, .typing, "New line inside the note"),
        Binding([.escape], .cancelEdit, .typing, "Stop editing a saved note (keeps it as it was)"),
        Binding([.left], .cursorLeft, .typing, "Move left one character"),
        Binding([.right], .cursorRight, .typing, "Move right one character"),
        Binding([.controlLeft, .alt(.left), .alt(.character("b"))], .wordLeft, .typing, "Move left one word"),
        Binding([.controlRight, .alt(.right), .alt(.character("f"))], .wordRight, .typing, "Move right one word"),
        Binding([.home, .control("a")], .lineStart, .typing, "Start of the line"),
        Binding([.end, .control("e")], .lineEnd, .typing, "End of the line"),
        Binding([.up], .cursorUp, .typing, "Line up; in an empty input, the notes saved before (history)"),
        Binding([.down], .cursorDown, .typing, "Line down; forward through the history"),
        Binding([.backspace], .deleteBackward, .typing, "Delete the character before the cursor"),
        Binding([.delete], .deleteForward, .typing, "Delete the character under the cursor"),
        Binding([.control("w"), .alt(.backspace)], .deleteWordBackward, .typing, "Delete the word before the cursor"),
        Binding([.control("k")], .killToLineEnd, .typing, "Delete to the end of the line"),
        Binding([.control("u")], .killToLineStart, .typing, "Delete to the start of the line"),
        Binding([.control("z")], .undoOrSuspend, .typing,
                   "Undo the last change to the note; with nothing to undo, suspend (fg returns)"),
        Binding([.control("_")], .undo, .typing, "Undo the last change to the note"),
    ]

    static let list: [Binding] = [
        Binding([.up], .selectPrevious, .list, "Select the previous note"),
        Binding([.down], .selectNext, .list, "Select the next note"),
        Binding([.enter], .editNote, .list, status: "Edit", "Edit the selected note"),
        Binding([.delete, .backspace], .removeNote, .list, status: "Delete", "Delete the selected note"),
        Binding([.character("u")], .restoreNote, .list, "Bring back the last deleted note"),
        Binding([.control("z")], .undoOrSuspend, .list, "Bring back the last deleted note; with none, suspend"),
        Binding([.character("!")], .markKind(.problem), .list, "Make it a problem"),
        Binding([.character("+")], .markKind(.win), .list, "Make it a win"),
        Binding([.character(">")], .markKind(.action), .list, "Make it an action item"),
        Binding([.character("?")], .markKind(.question), .list, "Make it an open question"),
        Binding([.character(".")], .markKind(.note), .list, status: "Kind", keys: "!+>?.", "Make it a plain note"),
        Binding([.character("l")], .linkAction, .list, status: "Link", "Link the selected action to the problem it answers"),
        Binding([.character("*")], .toggleLearning, .list,
                   "Mark or unmark the note as a learning for the client's log (3–5 a meeting)"),
        Binding([.character("w")], .rewriteLearning, .list,
                   "Rewrite the selected learning for the log (the note keeps its words)"),
        Binding([.character("v")], .toggleClientVisible, .list, status: "Client",
                   "Show or hide the note in the client-facing export"),
        Binding([.escape], .leaveList, .list, "Back to typing"),
    ]

    static let digits: [Key] = (1...9).map { .character(Character(String($0))) }

    /// Keys inside the boxes: each box takes only these, and hints are written from them.
    static let boxes: [Binding] = [
        Binding(digits, .choose, .tagPicker, "Choose the root cause, then the severity"),
        Binding([.backspace], .otherRootCause, .tagPicker, status: "other root cause", "Back to the root cause"),
        Binding([.escape], .cancel, .tagPicker, status: "leave untagged for now (F4 tags it later)", "Leave the problem untagged for now"),
        Binding(digits, .choose, .linkPicker,
                "Choose the problem the action answers by its number (3 for #3); past #9, by its place in the list"),
        Binding([.escape, .character("0")], .cancel, .linkPicker, status: "no link for now (l in the list links it later)", keys: "Esc or 0",
                "No link for now (l in the list links it later)"),
        Binding([.enter, .character("y"), .character("Y"), .function(10)], .confirm, .endDialog, status: "end the meeting",
                keys: "Enter or y", "End the meeting: write the session file and the brief"),
        Binding([.escape, .character("n"), .character("N"), .control("c")], .cancel, .endDialog, status: "back to the meeting",
                keys: "Esc", "Back to the meeting"),
        Binding(digits, .choose, .endDialog, "Go back and fix that open item (the input is saved first)"),
        Binding([.character("e"), .character("E")], .confirm, .interruptDialog,
                status: "end the meeting and write the session file and brief", "End the meeting"),
        Binding([.character("l"), .character("L")], .leaveForLater, .interruptDialog,
                status: "leave it and resume later with 'debrief resume'", "Leave the meeting to resume later"),
        Binding([.escape, .character("c"), .character("C"), .control("c")], .cancel, .interruptDialog,
                status: "cancel, back to the meeting", keys: "Esc or c", "Back to the meeting"),
        Binding([.down], .scrollDown, .help, "Scroll down one line"),
        Binding([.up], .scrollUp, .help, "Scroll up one line"),
        Binding([.pageDown, .character(" ")], .scrollPageDown, .help, status: "scroll", keys: "↑↓ PgUp PgDn", "Scroll down a page"),
        Binding([.pageUp], .scrollPageUp, .help, "Scroll up a page"),
        Binding([.escape, .function(1), .enter, .character("q")], .closeHelp, .help, status: "close this help", keys: "Esc or F1",
                "Close this help"),
        Binding([.escape, .enter, .character("o"), .character(" ")], .closeRow, .recordCard, status: "close", keys: "Esc",
                "Close the row"),
    ]

    /// "Since last time": the open actions of earlier meetings, one key each.
    static let sinceLastTime: [Binding] = [
        Binding([.up], .selectPrevious, .sinceLastTime, "Select the previous action"),
        Binding([.down], .selectNext, .sinceLastTime, "Select the next action"),
        Binding([.character("d")], .markFollowUp(.done), .sinceLastTime, status: "Done", "Mark the selected action done"),
        Binding([.character("n")], .markFollowUp(.notDone), .sinceLastTime, status: "Not done",
                "Not done: it is carried again to the next meeting"),
        Binding([.character("x")], .markFollowUp(.dropped), .sinceLastTime, status: "Drop",
                "Drop the selected action: no longer needed"),
        Binding([.pageDown, .enter, .escape], .leaveSinceLastTime, .sinceLastTime, status: "Go on",
                "On to the first section (actions left unmarked stay open)"),
    ]

    /// The command for a key with the given focus; meeting keys apply everywhere.
    public static func command(for key: Key, in context: KeyContext) -> Command? {
        table.action(for: key, in: context, fallback: .meeting)
    }

    /// The command for a key inside a box: only the box's own keys.
    public static func boxCommand(for key: Key, in context: KeyContext) -> Command? {
        table.action(for: key, in: context)
    }

    /// A binding's name in the status line: F2 names what it does now (Pause, or Resume
    /// while the clock is paused).
    public static func statusName(of binding: Binding, paused: Bool) -> String? {
        binding.action == .togglePause && paused ? "Resume" : binding.name
    }

    /// The status line for a focus. Typing: the facilitator's keys. In the list: the note
    /// keys, between Help and Tag/End.
    public static func statusLine(for context: KeyContext) -> [Binding] {
        switch context {
        case .list: listStatusLine
        case .sinceLastTime: sinceLastTimeStatusLine
        case .table: tableStatusLine
        default: meetingStatusLine
        }
    }

    private static let sinceLastTimeStatusLine: [Binding] = meetingStatusLine.filter { $0.action == .showHelp }
        + bindings.filter { $0.name != nil && $0.context == .sinceLastTime }
        + meetingStatusLine.filter { $0.action == .endMeeting }
    private static let tableStatusLine: [Binding] = meetingStatusLine.filter { $0.action == .showHelp }
        + bindings.filter { $0.name != nil && $0.context == .table } + meetingStatusLine.filter { $0.action == .endMeeting }

    // Made once: the status line is drawn on every frame.
    private static let meetingStatusLine = bindings.filter { $0.name != nil && $0.context == .meeting }

    private static let listStatusLine: [Binding] = {
        let kept: Set<Command> = [.tagProblem, .endMeeting]
        return meetingStatusLine.filter { $0.action == .showHelp } + bindings.filter { $0.name != nil && $0.context == .list }
            + meetingStatusLine.filter { kept.contains($0.action) }
    }()
}
