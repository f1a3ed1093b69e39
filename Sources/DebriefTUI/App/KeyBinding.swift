/// Where a key goes. The meeting keys work everywhere in a meeting; the others only with
/// that focus or while that box is open. The raw value heads the key's group in F1.
public enum KeyContext: String, Sendable, CaseIterable {
    case meeting = "Meeting (always)"
    case typing = "Typing a note"
    case list = "The list of notes (Tab)"
    case table = "The section's table (F5)"
    case recordCard = "A row opened in full (o)"
    case tagPicker = "Tagging a problem (F4)"
    case linkPicker = "Linking an action to a problem"
    case endDialog = "Ending the meeting (F10)"
    case interruptDialog = "Stopping the meeting (Ctrl-C)"
    case help = "This help (F1)"
    case sinceLastTime = "Since last time (a meeting's open actions from before)"
    case replay = "Replay"
    case clientReview = "Reviewing the client version"
}

/// One key binding: the keys, what they do and where, and how the status line, F1 and a
/// dialog's hint name them. Generic over what the keys do, so the meeting and the replay
/// share one kind of table.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    public var context: KeyContext
    /// Short name for the status line or a dialog's hint ("Next", "end the meeting"); nil
    /// keeps the binding out of both.
    public var name: String?
    /// One line for F1.
    public var help: String
    /// How the status line and hints write the keys ("Enter or y"), when not as the first
    /// key's label.
    public var statusKeys: String

    public init(_ keys: [Key], _ action: Action, _ context: KeyContext, status name: String? = nil, keys statusKeys: String? = nil,
                _ help: String) {
        self.keys = keys
        self.action = action
        self.context = context
        self.name = name
        self.help = help
        self.statusKeys = statusKeys ?? keys[0].label
    }
}

/// A table of bindings: dispatch, status lines, dialog hints and F1 are all read from it,
/// so a key is written down once.
public struct KeyTable<Action: Hashable & Sendable>: Sendable {
    public let bindings: [KeyBinding<Action>]
    private let lookup: [KeyContext: [Key: Action]]
    /// The contexts where a plain character is a command (the list's letters, a box's keys).
    /// Anywhere else a typed character is text: it is told so without hashing it.
    private let characterContexts: [KeyContext]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
        var lookup: [KeyContext: [Key: Action]] = [:]
        var characterContexts: [KeyContext] = []
        for binding in bindings {
            for key in binding.keys {
                lookup[binding.context, default: [:]][key] = binding.action
                if case .character = key, !characterContexts.contains(binding.context) { characterContexts.append(binding.context) }
            }
        }
        self.lookup = lookup
        self.characterContexts = characterContexts
    }

    /// What the key does in `context`, else in `fallback` (the meeting keys under a focus).
    public func action(for key: Key, in context: KeyContext, fallback: KeyContext? = nil) -> Action? {
        if case .character = key, !characterContexts.contains(context),
           fallback.map({ !characterContexts.contains($0) }) ?? true { return nil }
        return lookup[context]?[key] ?? fallback.flatMap { lookup[$0]?[key] }
    }

    public func bindings(in context: KeyContext) -> [KeyBinding<Action>] {
        bindings.filter { $0.context == context }
    }

    /// The named keys of a box, one line each: "Esc or c: cancel, back to the meeting".
    public func hintLines(in context: KeyContext, except excluded: Set<Action> = []) -> [String] {
        bindings(in: context).compactMap { binding in
            guard !excluded.contains(binding.action), let name = binding.name else { return nil }
            return "\(binding.statusKeys): \(name)"
        }
    }

    /// The same on one line, for a box's last row.
    public func hint(in context: KeyContext, except excluded: Set<Action> = []) -> String {
        hintLines(in: context, except: excluded).joined(separator: "   ")
    }
}
