import CNcurses

/// Whether the terminal TERM names can show Debrief's screen at all. Checked before
/// anything is created: under TERM=dumb a meeting would otherwise run invisibly.
public enum TerminalCapability {
    /// One line saying why Debrief cannot run on this terminal, or nil when it can.
    public static func refusal(term: String?) -> String? {
        guard let term, !term.isEmpty else {
            return "TERM is not set: Debrief cannot draw its screen; set TERM to your terminal's type (e.g. xterm-256color)"
        }
        let shown = term.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0.value < 127 } ? term : "(unprintable)"
        switch debrief_terminal_addresses_cursor(term) {
        case 1: return nil
        case 0:
            return "TERM=\(shown) cannot move the cursor, which Debrief needs; use a full terminal (e.g. TERM=xterm-256color)"
        default:
            return "TERM=\(shown) is unknown here (no terminfo entry); set TERM to your terminal's type (e.g. xterm-256color)"
        }
    }
}
