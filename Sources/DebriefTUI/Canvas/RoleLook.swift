/// How a color role is shown on one terminal: its colors and, where color carries no
/// meaning (monochrome, or a projector's contrast theme), attributes of its own.
public struct RoleLook: Sendable, Equatable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold = false
    public var underline = false
    public var reverse = false

    public init(foreground: TerminalColor? = nil, background: TerminalColor? = nil,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }

    /// Each role's look under `theme`: colors when the terminal has them, and the role's
    /// emphasis when it has none or the theme asks for both.
    public static func looks(theme: Theme, usesColor: Bool) -> [RoleLook] {
        ColorRole.allCases.map { role in
            let emphasis = role.emphasis
            let emphasized = RoleLook(bold: emphasis.bold, underline: emphasis.underline, reverse: emphasis.reverse)
            guard usesColor else { return emphasized }
            let (foreground, background) = theme.colors(for: role)
            var look = theme.emphasizesRoles ? emphasized : RoleLook()
            look.foreground = foreground
            look.background = background
            return look
        }
    }
}
