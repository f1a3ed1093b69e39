/// How a cell looks. Colors are semantic roles, so a monochrome terminal can map each
/// role to an attribute instead (bold, reverse, underline) and lose no meaning.
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(_ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let normal = Style()
    public static let title = Style(.accent, bold: true)
    public static let muted = Style(.muted, dim: true)
    public static let selected = Style(.normal, reverse: true)
    public static let bar = Style(.bar, reverse: true)
    public static let warning = Style(.warning, bold: true)
    public static let alert = Style(.alert, bold: true, reverse: true)
    public static let success = Style(.success)
    public static let key = Style(.key, bold: true)
}

public enum ColorRole: Int, CaseIterable, Sendable {
    case normal, accent, muted, bar, warning, alert, success, key
    case problem, win, action, question
}
