import ArgumentParser
import DebriefKit
import Foundation

/// `--sessions DIR`, shared by every command that reads or writes sessions.
struct SessionsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Folder of session files.",
        discussion: "Default: $DEBRIEF_SESSIONS, else $XDG_DATA_HOME/debrief/sessions, else ~/.local/share/debrief/sessions.",
        valueName: "dir"))
    var sessions: String?

    var store: SessionStore {
        SessionStore(folder: sessions.map { URL(fileURLWithPath: $0) } ?? SessionStore.defaultFolder())
    }
}
