import DebriefTUI
import NcursesTerminal

/// The full-screen terminal of `run`, `resume` and `replay`: the one file of the command
/// line that reaches for the ncurses adapter, so the rest of it never imports ncurses.
@MainActor
enum CursesScreen {
    typealias Terminal = NcursesTerminal

    static func open(theme: Theme = .dark) -> NcursesTerminal { NcursesTerminal(theme: theme) }
    static func refusal(term: String?) -> String? { TerminalCapability.refusal(term: term) }
}
