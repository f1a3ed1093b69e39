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

    /// A file where the folder should be is said at once, not read as an empty folder.
    func validate() throws {
        var isFolder: ObjCBool = false
        if let sessions, FileManager.default.fileExists(atPath: sessions, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--sessions \(VisibleText.line(sessions)): it is a file, not a folder")
        }
    }

    var store: SessionStore {
        SessionStore(folder: sessions.map { URL(fileURLWithPath: $0) } ?? SessionStore.defaultFolder())
    }
}
