import DebriefTUI
#if canImport(Glibc)
import Glibc
#endif

/// Text printed to the shell before or after the full screen: prose wrapped between words
/// at 80 columns, or at the terminal's width when it is narrower (a 60-column split pane),
/// and a path or command that does not fit beside its label put on its own line, whole,
/// so it can be copied. Left to the terminal, both would be cut mid-word.
enum ShellText {
    static var width: Int { min(80, terminalColumns ?? 80) }

    /// The columns of the terminal on standard output, if it is one and says.
    private static var terminalColumns: Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 else { return nil }
        return Int(size.ws_col)
    }

    /// Prose, wrapped between words; `indent` spaces before the first line, two more
    /// before the lines that continue it.
    static func wrapped(_ text: String, indent: Int = 0) -> String {
        let margin = String(repeating: " ", count: indent)
        let lines = TextWrap.lines(text, width: width - indent - 2)
        return lines.enumerated().map { ($0.offset == 0 ? margin : margin + "  ") + $0.element }.joined(separator: "\n")
    }

    /// `Session: /path/…`, or the label alone with the value on the next line, indented.
    static func labelled(_ label: String, _ value: String) -> String {
        guard (label + value).count > width else { return label + value }
        var head = label
        while head.last == " " { head.removeLast() }
        return head + "\n  " + value
    }
}
