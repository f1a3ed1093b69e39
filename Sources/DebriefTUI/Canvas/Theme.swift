/// The colours a terminal maps the semantic roles of `Style` to, chosen per terminal
/// (`--theme`, `DEBRIEF_THEME`). Meaning never rests on colour alone: every role that
/// carries meaning also has an attribute or a mark, so `NO_COLOR` loses nothing.
public enum Theme: String, CaseIterable, Sendable {
    case dark, light, contrast

    /// A role's foreground and background; nil is the terminal's own default.
    /// Dark suits a dark background; light swaps the yellows (unreadable on white) for
    /// deeper colours; contrast is white on black for a washed-out projector.
    public func colors(for role: ColorRole) -> (foreground: TerminalColor?, background: TerminalColor?) {
        switch self {
        case .dark:
            switch role {
            case .normal, .bar, .muted: return (nil, nil)
            case .accent: return (.cyan, nil)
            case .warning, .key: return (.yellow, nil)
            case .alert, .problem: return (.red, nil)
            case .success, .win: return (.green, nil)
            case .action: return (.blue, nil)
            case .question: return (.magenta, nil)
            }
        case .light:
            switch role {
            case .normal, .bar, .muted: return (nil, nil)
            case .accent, .key, .action: return (.blue, nil)
            case .warning, .question: return (.magenta, nil)
            case .alert, .problem: return (.red, nil)
            case .success, .win: return (.green, nil)
            }
        case .contrast:
            switch role {
            case .normal, .bar, .muted, .accent, .success, .win, .action, .question: return (.white, .black)
            case .warning, .key: return (.yellow, .black)
            case .alert, .problem: return (.red, .black)
            }
        }
    }

    /// Whether the roles' attributes (`ColorRole.emphasis`) are drawn on top of the colours:
    /// on a projector that washes colours out, contrast keeps the meaning in the attributes.
    public var emphasizesRoles: Bool { self == .contrast }

    /// Whether dim text is drawn dim: on a projector it all but vanishes, so contrast does not.
    public var dimsText: Bool { self != .contrast }
}

/// The eight colours every colour terminal has, numbered as curses numbers them.
public enum TerminalColor: Int16, CaseIterable, Sendable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

extension ColorRole {
    /// How a role stands out without colour (`NO_COLOR`, a monochrome terminal, and the
    /// contrast theme): every role that carries meaning gets an attribute.
    public var emphasis: (bold: Bool, underline: Bool, reverse: Bool) {
        switch self {
        case .alert, .bar: return (false, false, true)
        case .warning, .problem, .action: return (true, true, false)
        case .accent, .key, .win, .question: return (true, false, false)
        case .normal, .muted, .success: return (false, false, false)
        }
    }
}
