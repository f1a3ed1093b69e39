/// Everything a key can do during a replay.
public enum ReplayCommand: Hashable, Sendable {
    case togglePlay, slower, faster, stepBack, stepForward, previousSection, nextSection
    case toStart, toEnd, minuteBack, minuteForward, showHelp, closeHelp, suspend, quit
}

/// The replay's key table, the same kind as the meeting's: dispatch, its status line and
/// its help overlay are generated from it.
public enum ReplayKeyMap {
    public typealias Binding = KeyBinding<ReplayCommand>

    public static let table = KeyTable<ReplayCommand>([
        Binding([.function(1)], .showHelp, .replay, status: "Help", "Show or hide this list of keys"),
        Binding([.character(" ")], .togglePlay, .replay, status: "Play/Pause", "Play or pause"),
        Binding([.character("<"), .character("-")], .slower, .replay, "Slower (1×, 4×, 16×, 64×)"),
        Binding([.character(">"), .character("+")], .faster, .replay, status: "Faster", "Faster (1×, 4×, 16×, 64×)"),
        Binding([.left], .stepBack, .replay, "Step back to the previous event"),
        Binding([.right], .stepForward, .replay, status: "Step", "Step to the next event"),
        Binding([.pageUp], .previousSection, .replay, "Jump to the start of this section, or the previous one"),
        Binding([.pageDown], .nextSection, .replay, status: "Next section", "Jump to the start of the next section"),
        Binding([.home], .toStart, .replay, "Jump to the start of the meeting"),
        Binding([.end], .toEnd, .replay, "Jump to the end of the meeting"),
        Binding([.character("[")], .minuteBack, .replay, "One minute back on the timeline"),
        Binding([.character("]")], .minuteForward, .replay, "One minute forward on the timeline"),
        Binding([.control("z")], .suspend, .replay, "Give the terminal back to the shell (fg returns)"),
        Binding([.function(10), .character("q"), .escape, .control("c")], .quit, .replay, status: "Quit",
                "Leave the replay (the session file is never changed)"),
        Binding([.escape, .function(1), .enter, .character("q")], .closeHelp, .help, status: "close this help",
                keys: "Esc or F1", "Close this help"),
    ])

    public static var bindings: [Binding] { table.bindings(in: .replay) }

    public static func command(for key: Key, in context: KeyContext = .replay) -> ReplayCommand? {
        table.action(for: key, in: context)
    }
}
