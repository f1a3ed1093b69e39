import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The terminal as the shell should have it. A Debrief killed with kill -9 (or anything
/// else that cannot be caught) leaves it raw: no echo, no line editing, Enter sending a
/// bare carriage return, the alternate screen on. Nothing can restore it at that moment,
/// so the next Debrief does, before asking anything: otherwise a yes/no prompt could not
/// even be answered, and ncurses would save the raw modes as "the shell's" and restore
/// them again on exit.
enum ShellTerminal {
    static func repairIfLeftRaw() {
        guard isatty(STDIN_FILENO) == 1 else { return }
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        let cooked = tcflag_t(ICANON | ECHO)
        guard modes.c_lflag & cooked != cooked else { return }
        modes.c_lflag |= tcflag_t(ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN)
        modes.c_iflag |= tcflag_t(ICRNL | BRKINT | IXON)
        modes.c_oflag |= tcflag_t(OPOST | ONLCR)
        tcsetattr(STDIN_FILENO, TCSANOW, &modes)
        // Main screen, cursor shown, bracketed paste off.
        StandardStreams.out("\u{1B}[?1049l\u{1B}[?25h\u{1B}[?2004l")
    }
}
