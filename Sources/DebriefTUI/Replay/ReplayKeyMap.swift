/// Everything a key can do during a replay.
public enum ReplayCommand: Hashable, Sendable {
    case togglePlay, slower, faster, stepBack, stepForward, previousSection, nextSection
    case toStart, toEnd, minuteBack, minuteForward, showHelp, suspend, quit
}

/// The replay's single table of keys: dispatch, its status line and its help overlay.
public enum ReplayKeyMap {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var command: ReplayCommand
        public var name: String
        public var help: String
        public var inStatusLine: Bool
    }

    public static let bindings: [Binding] = [
        Binding(keys: [.function(1)], command: .showHelp, name: "Help", help: "Show or hide this list of keys", inStatusLine: true),
        Binding(keys: [.character(" ")], command: .togglePlay, name: "Play/Pause", help: "Play or pause", inStatusLine: true),
        Binding(keys: [.character("<"), .character("-")], command: .slower, name: "Slower",
                help: "Slower (1×, 4×, 16×, 64×)", inStatusLine: false),
        Binding(keys: [.character(">"), .character("+")], command: .faster, name: "Faster",
                help: "Faster (1×, 4×, 16×, 64×)", inStatusLine: true),
        Binding(keys: [.left], command: .stepBack, name: "Prev event", help: "Step back to the previous event", inStatusLine: false),
        Binding(keys: [.right], command: .stepForward, name: "Step", help: "Step to the next event", inStatusLine: true),
        Binding(keys: [.pageUp], command: .previousSection, name: "Prev section",
                help: "Jump to the start of this section, or the previous one", inStatusLine: false),
        Binding(keys: [.pageDown], command: .nextSection, name: "Next section",
                help: "Jump to the start of the next section", inStatusLine: true),
        Binding(keys: [.home], command: .toStart, name: "Start", help: "Jump to the start of the meeting", inStatusLine: false),
        Binding(keys: [.end], command: .toEnd, name: "End", help: "Jump to the end of the meeting", inStatusLine: false),
        Binding(keys: [.character("[")], command: .minuteBack, name: "-1 min", help: "One minute back on the timeline", inStatusLine: false),
        Binding(keys: [.character("]")], command: .minuteForward, name: "+1 min", help: "One minute forward on the timeline", inStatusLine: false),
        Binding(keys: [.control("z")], command: .suspend, name: "Suspend",
                help: "Give the terminal back to the shell (fg returns)", inStatusLine: false),
        Binding(keys: [.function(10), .character("q"), .escape, .control("c")], command: .quit, name: "Quit",
                help: "Leave the replay (the session file is never changed)", inStatusLine: true),
    ]

    private static let byKey: [Key: ReplayCommand] = {
        var table: [Key: ReplayCommand] = [:]
        for binding in bindings {
            for key in binding.keys { table[key] = binding.command }
        }
        return table
    }()

    public static func command(for key: Key) -> ReplayCommand? { byKey[key] }
}
