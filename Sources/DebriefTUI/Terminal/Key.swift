/// A key press, as the app sees it once the terminal has decoded its bytes.
/// Only `alt` is boxed: a whole indirect enum allocated a box for every typed character.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, tab, backTab, backspace, delete, escape, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl plus a letter or one of `_ [ \ ] ^`, as the lowercase character.
    case control(Character)
    /// Alt (Meta) plus a key: the terminal sends ESC before it.
    indirect case alt(Key)
    case controlLeft, controlRight

    /// How the key is written in the status line and help: "F1", "PgDn", "Ctrl-W".
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .escape: return "Esc"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .control(let c): return "Ctrl-\(String(c).uppercased())"
        case .alt(let key): return "Alt-\(key.label)"
        case .controlLeft: return "Ctrl-←"
        case .controlRight: return "Ctrl-→"
        }
    }
}

/// What the terminal delivers to the app loop.
public enum Input: Equatable, Sendable {
    case key(Key)
    /// Bracketed paste: text to insert literally, newlines and escapes included.
    case paste(String)
    case resize
    /// The shell asked Debrief to stop (SIGTSTP from outside): suspend as for Ctrl-Z.
    case suspend
    /// Bytes no terminal sends for a key we know: swallowed whole (never typed into a note)
    /// and named, e.g. "ESC [ 9 9 ~", for the message line.
    case unknownSequence(String)
    /// A command key that came right after a paste, too soon to be a person's: it may have
    /// been smuggled in with the pasted text, so it is not acted on; pressing it again is.
    case heldAfterPaste(Key)
}
