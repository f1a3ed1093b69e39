/// Puts canvases on a screen and reads input. The ncurses terminal is one implementation;
/// the headless one, for tests, is another.
@MainActor
public protocol Terminal: AnyObject {
    var size: TerminalSize { get }
    func present(_ canvas: Canvas)
    /// Waits up to `timeoutMilliseconds` for input; nil when none came (the clock's tick).
    func nextInput(timeoutMilliseconds: Int) -> Input?
    /// Gives the terminal back to the shell (Ctrl-Z) and takes it again on `fg`.
    func suspend()
    /// Rings the terminal's bell once (`--bell`, at a section's time up).
    func bell()
}

extension Terminal {
    public func suspend() {}
    public func bell() {}
}

public struct TerminalSize: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
