import ArgumentParser
import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `--sessions DIR`, shared by every command that reads or writes sessions.
struct SessionsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Folder of session files.",
        discussion: "Default: $DEBRIEF_SESSIONS, else $XDG_DATA_HOME/debrief/sessions, else ~/.local/share/debrief/sessions.",
        valueName: "dir"))
    var sessions: String?

    @Flag(name: .customLong("allow-shared-folder"), help: ArgumentHelp(
        "Use a sessions folder that others can write to (refused otherwise, as ssh refuses a shared ~/.ssh)."))
    var allowSharedFolder = false

    /// A file where the folder should be is said at once, not read as an empty folder.
    func validate() throws {
        if let sessions, SecureFiles.isFolder(sessions) == false {
            throw ValidationError("--sessions \(VisibleText.line(sessions)): it is a file, not a folder")
        }
    }

    /// The sessions folder, once it is known to be safe to use (see `FolderSafety`); a
    /// warning about it goes to stderr. Read it once per command.
    var store: SessionStore {
        get throws {
            let folder = sessions.map { URL(fileURLWithPath: $0) } ?? SessionStore.defaultFolder()
            try Self.checkSafety(folder, allowShared: allowSharedFolder)
            return SessionStore(folder: folder)
        }
    }

    static func checkSafety(_ folder: URL, allowShared: Bool) throws {
        do {
            if let warning = try FolderSafety.check(folder, allowShared: allowShared).warning {
                SessionLocator.warn(VisibleText.line(warning))
            }
        } catch {
            throw CommandError(VisibleText.line(error.description))
        }
    }
}
