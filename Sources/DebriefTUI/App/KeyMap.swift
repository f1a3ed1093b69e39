import DebriefKit

/// Everything a key can do. The app performs commands; the key map decides which key
/// means which command.
public enum Command: Hashable, Sendable {
    // The meeting, whatever has focus.
    case showHelp, nextSection, previousSection, togglePause, extendSection, endMeeting, interrupt, suspend
    case switchFocus, tagProblem, togglePrompts
    // Typing a note.
    case commitNote, insertNewline, cancelEdit
    case deleteBackward, deleteForward, deleteWordBackward, killToLineEnd, undo
    /// Ctrl-Z: undo (a note edit, or a deletion in the list); with nothing to undo, suspend.
    case undoOrSuspend
    case cursorLeft, cursorRight, wordLeft, wordRight, lineStart, lineEnd, cursorUp, cursorDown
    // The list of notes.
    case selectPrevious, selectNext, editNote, removeNote, restoreNote, linkAction, toggleClientVisible, leaveList
    case markKind(NoteKind)
}

/// Where the key goes: the meeting keys work everywhere, the others only with that focus.
public enum KeyContext: String, Sendable, CaseIterable {
    case meeting = "Meeting (always)"
    case typing = "Typing a note"
    case list = "The list of notes (Tab)"
}

/// One key binding: the keys, what they do, and how help and the status line name them.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    /// Short name for the status line ("Next"); nil keeps it out of the status line.
    public var name: String?
    /// One line for the F1 overlay.
    public var help: String
    public var context: KeyContext
    /// How the status line writes the keys, when not as the first key's label.
    public var statusKeys: String

    init(_ keys: [Key], _ command: Command, _ context: KeyContext, status name: String? = nil, keys statusKeys: String? = nil,
         _ help: String) {
        self.keys = keys
        self.statusKeys = statusKeys ?? keys[0].label
        self.command = command
        self.name = name
        self.help = help
        self.context = context
    }
}

/// The single table of key bindings: dispatch, the status line and the help overlay are
/// all generated from it, so a key never exists in two places.
public enum KeyMap {
    public static let bindings: [KeyBinding] = meeting + typing + list

    static let meeting: [KeyBinding] = [
        KeyBinding([.function(1)], .showHelp, .meeting, status: "Help", "Show or hide this list of keys"),
        KeyBinding([.pageDown], .nextSection, .meeting, status: "Next", "Next section (presentation clickers send this)"),
        KeyBinding([.pageUp], .previousSection, .meeting, status: "Back", "Previous section"),
        KeyBinding([.function(2)], .togglePause, .meeting, status: "Pause", "Pause or resume the clock"),
        KeyBinding([.function(3)], .extendSection, .meeting, status: "+5 min", "Give the current section 5 more minutes"),
        KeyBinding([.tab, .backTab], .switchFocus, .meeting, status: "Notes", "Move between the note input and the list of notes"),
        KeyBinding([.function(4)], .tagProblem, .meeting, status: "Tag",
                   "Tag a problem: root cause, then severity (selected, else last untagged)"),
        KeyBinding([.function(10)], .endMeeting, .meeting, status: "End",
                   "End the meeting: shows what is open, then writes session file and brief"),
        KeyBinding([.control("p")], .togglePrompts, .meeting, status: "Prompts",
                   "Prompts on one line (more room for notes), or all of them"),
        KeyBinding([.control("c")], .interrupt, .meeting, "End the meeting, or leave it to resume later"),
    ]

    static let typing: [KeyBinding] = [
        KeyBinding([.enter], .commitNote, .typing,
                   "Save the note: ! problem  + win  > action  ? question"),
        KeyBinding([.alt(.enter)], .insertNewline, .typing, "New line inside the note"),
        KeyBinding([.escape], .cancelEdit, .typing, "Stop editing a saved note (keeps it as it was)"),
        KeyBinding([.left], .cursorLeft, .typing, "Move left one character"),
        KeyBinding([.right], .cursorRight, .typing, "Move right one character"),
        KeyBinding([.controlLeft, .alt(.left), .alt(.character("b"))], .wordLeft, .typing, "Move left one word"),
        KeyBinding([.controlRight, .alt(.right), .alt(.character("f"))], .wordRight, .typing, "Move right one word"),
        KeyBinding([.home, .control("a")], .lineStart, .typing, "Start of the line"),
        KeyBinding([.end, .control("e")], .lineEnd, .typing, "End of the line"),
        KeyBinding([.up], .cursorUp, .typing, "Line up; in an empty input, the notes saved before (history)"),
        KeyBinding([.down], .cursorDown, .typing, "Line down; forward through the history"),
        KeyBinding([.backspace], .deleteBackward, .typing, "Delete the character before the cursor"),
        KeyBinding([.delete], .deleteForward, .typing, "Delete the character under the cursor"),
        KeyBinding([.control("w"), .alt(.backspace)], .deleteWordBackward, .typing, "Delete the word before the cursor"),
        KeyBinding([.control("k")], .killToLineEnd, .typing, "Delete to the end of the line"),
        KeyBinding([.control("z")], .undoOrSuspend, .typing,
                   "Undo the last change to the note; with nothing to undo, suspend (fg returns)"),
        KeyBinding([.control("_")], .undo, .typing, "Undo the last change to the note"),
    ]

    static let list: [KeyBinding] = [
        KeyBinding([.up], .selectPrevious, .list, "Select the previous note"),
        KeyBinding([.down], .selectNext, .list, "Select the next note"),
        KeyBinding([.enter], .editNote, .list, status: "Edit", "Edit the selected note"),
        KeyBinding([.delete, .backspace], .removeNote, .list, status: "Delete", "Delete the selected note"),
        KeyBinding([.character("u")], .restoreNote, .list, "Bring back the last deleted note"),
        KeyBinding([.control("z")], .undoOrSuspend, .list, "Bring back the last deleted note; with none, suspend"),
        KeyBinding([.character("!")], .markKind(.problem), .list, "Make it a problem"),
        KeyBinding([.character("+")], .markKind(.win), .list, "Make it a win"),
        KeyBinding([.character(">")], .markKind(.action), .list, "Make it an action item"),
        KeyBinding([.character("?")], .markKind(.question), .list, "Make it an open question"),
        KeyBinding([.character(".")], .markKind(.note), .list, status: "Kind", keys: "!+>?.", "Make it a plain note"),
        KeyBinding([.character("l")], .linkAction, .list, status: "Link", "Link the selected action to the problem it answers"),
        KeyBinding([.character("v")], .toggleClientVisible, .list, status: "Client",
                   "Show or hide the note in the client-facing export"),
        KeyBinding([.escape], .leaveList, .list, "Back to typing"),
    ]

    private static let tables: [KeyContext: [Key: Command]] = {
        var tables: [KeyContext: [Key: Command]] = [:]
        for binding in bindings {
            for key in binding.keys { tables[binding.context, default: [:]][key] = binding.command }
        }
        return tables
    }()

    /// The command for a key with the given focus; meeting keys apply everywhere.
    public static func command(for key: Key, in context: KeyContext) -> Command? {
        tables[context]?[key] ?? tables[.meeting]?[key]
    }

    /// A binding's name in the status line: F2 names what it does now (Pause, or Resume
    /// while the clock is paused).
    public static func statusName(of binding: KeyBinding, paused: Bool) -> String? {
        binding.command == .togglePause && paused ? "Resume" : binding.name
    }

    /// The status line for a focus. Typing: the facilitator's keys. In the list: the note
    /// keys, between Help and Tag/End.
    public static func statusLine(for context: KeyContext) -> [KeyBinding] {
        context == .list ? listStatusLine : meetingStatusLine
    }

    // Made once: the status line is drawn on every frame.
    private static let meetingStatusLine = bindings.filter { $0.name != nil && $0.context == .meeting }

    private static let listStatusLine: [KeyBinding] = {
        let kept: Set<Command> = [.tagProblem, .endMeeting]
        return meetingStatusLine.filter { $0.command == .showHelp } + bindings.filter { $0.name != nil && $0.context == .list }
            + meetingStatusLine.filter { kept.contains($0.command) }
    }()
}
