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
        if let problem = Self.problem(sessions) { throw ValidationError(problem) }
    }

    /// What is wrong with `--sessions DIR` before anything is opened, if anything.
    static func problem(_ sessions: String?) -> String? {
        guard let sessions, SecureFiles.isFolder(sessions) == false else { return nil }
        return "--sessions \(VisibleText.line(sessions)): it is a file, not a folder"
    }

    /// The sessions folder, once it is known to be safe to use (see `FolderSafety`); a
    /// warning about it goes to stderr. Read it once per command.
    var store: SessionStore {
        get throws { try Self.store(sessions, allowShared: allowSharedFolder) }
    }

    static func store(_ sessions: String?, allowShared: Bool) throws -> SessionStore {
        let folder = sessions.map { URL(fileURLWithPath: $0) } ?? SessionStore.defaultFolder()
        try checkSafety(folder, allowShared: allowShared)
        return SessionStore(folder: folder)
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
