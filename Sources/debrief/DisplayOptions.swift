import ArgumentParser
import DebriefKit
import DebriefTUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ViewKind: NamedArgument {}
extension Theme: NamedArgument {}

/// How this terminal shows the meeting: `--view`, `--theme`, `--bell`. Shared by `run`,
/// `resume` and `join`, since each terminal of a meeting chooses its own.
struct DisplayOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The view this terminal starts in: notes (the note-taker's console) or projector (the room's view); F7 switches.",
        valueName: "notes|projector"))
    var view: ViewKind = Display().view

    @Option(help: ArgumentHelp(
        "This terminal's colours: dark, light, or contrast (white on black, no dim text, for a washed-out projector).",
        discussion: "Default: $DEBRIEF_THEME, else dark. NO_COLOR turns colour off (attributes only).",
        valueName: "dark|light|contrast"))
    var theme: Theme?

    @Flag(help: "Ring this terminal's bell when a section's time is up.")
    var bell = false

    /// What was chosen, as a plain value.
    var chosen: Display { Display(view: view, theme: theme, bell: bell) }
}

/// How this terminal shows the meeting, once the command line is read: a plain value that
/// `run`'s quick reading of its arguments (`QuickRunArguments`) can make as well.
struct Display: Equatable {
    var view: ViewKind = .notes
    var theme: Theme?
    var bell = false

    /// `--theme`, else `DEBRIEF_THEME` when it names a theme, else dark.
    var chosenTheme: Theme {
        theme ?? ProcessEnvironment.variables["DEBRIEF_THEME"].flatMap(Theme.init(rawValue:)) ?? .dark
    }
}
