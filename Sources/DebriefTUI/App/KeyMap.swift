/// Everything a key can do. The app performs commands; the key map decides which key
/// means which command.
public enum Command: Hashable, Sendable {
    case showHelp, nextSection, previousSection, togglePause, extendSection, endMeeting, interrupt, suspend
    case commitNote, deleteBackward, deleteForward, cursorLeft, cursorRight, cursorHome, cursorEnd
}

/// One key binding: the keys, what they do, and how help and the status line name them.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    /// Short name for the status line ("Next").
    public var name: String
    /// One line for the F1 overlay.
    public var help: String
    public var inStatusLine: Bool
    public var group: Group

    public enum Group: String, Sendable, CaseIterable {
        case meeting = "Meeting"
        case notes = "Notes"
    }
}

/// The single table of key bindings: dispatch, the status line and the help overlay are
/// all generated from it, so a key never exists in two places.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.function(1)], command: .showHelp, name: "Help",
                   help: "Show or hide this list of keys", inStatusLine: true, group: .meeting),
        KeyBinding(keys: [.pageDown], command: .nextSection, name: "Next",
                   help: "Next section (presentation clickers send this)", inStatusLine: true, group: .meeting),
        KeyBinding(keys: [.pageUp], command: .previousSection, name: "Back",
                   help: "Previous section", inStatusLine: true, group: .meeting),
        KeyBinding(keys: [.function(2)], command: .togglePause, name: "Pause",
                   help: "Pause or resume the clock", inStatusLine: true, group: .meeting),
        KeyBinding(keys: [.function(3)], command: .extendSection, name: "+5 min",
                   help: "Give the current section 5 more minutes", inStatusLine: true, group: .meeting),
        KeyBinding(keys: [.function(10)], command: .endMeeting, name: "End",
                   help: "End the meeting and write the session file and brief", inStatusLine: true, group: .meeting),
        KeyBinding(keys: [.control("c")], command: .interrupt, name: "Quit",
                   help: "End the meeting, or leave it to resume later", inStatusLine: false, group: .meeting),
        KeyBinding(keys: [.control("z")], command: .suspend, name: "Suspend",
                   help: "Suspend Debrief (fg brings it back)", inStatusLine: false, group: .meeting),
        KeyBinding(keys: [.enter], command: .commitNote, name: "Save note",
                   help: "Save the note to the current section (! problem, + win, > action, ? question)",
                   inStatusLine: false, group: .notes),
        KeyBinding(keys: [.backspace], command: .deleteBackward, name: "Delete",
                   help: "Delete the character before the cursor", inStatusLine: false, group: .notes),
        KeyBinding(keys: [.delete], command: .deleteForward, name: "Delete",
                   help: "Delete the character under the cursor", inStatusLine: false, group: .notes),
        KeyBinding(keys: [.left], command: .cursorLeft, name: "Left",
                   help: "Move the cursor left", inStatusLine: false, group: .notes),
        KeyBinding(keys: [.right], command: .cursorRight, name: "Right",
                   help: "Move the cursor right", inStatusLine: false, group: .notes),
        KeyBinding(keys: [.home, .control("a")], command: .cursorHome, name: "Start",
                   help: "Move to the start of the note", inStatusLine: false, group: .notes),
        KeyBinding(keys: [.end, .control("e")], command: .cursorEnd, name: "End of note",
                   help: "Move to the end of the note", inStatusLine: false, group: .notes),
    ]

    private static let byKey: [Key: Command] = {
        var table: [Key: Command] = [:]
        for binding in bindings {
            for key in binding.keys { table[key] = binding.command }
        }
        return table
    }()

    public static func command(for key: Key) -> Command? { byKey[key] }

    public static var statusLine: [KeyBinding] { bindings.filter(\.inStatusLine) }
}
