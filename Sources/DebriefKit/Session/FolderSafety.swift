#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Checks an existing sessions folder before Debrief trusts it, as ssh checks `~/.ssh`:
/// the notes are confidential, and a folder someone else can write lets them plant,
/// replace or remove session files and journals.
///
/// - A folder others can write (group or world write bit) is refused unless the user
///   says it is shared on purpose (`--allow-shared-folder`).
/// - A folder owned by another user (root aside) is refused: its owner can read and
///   change every note.
/// - A symbolic link, or a folder others can read, is used with a warning.
/// A folder that does not exist yet is fine: Debrief creates it 0700.
public enum FolderSafety {
    public struct Verdict: Equatable, Sendable {
        /// One line for stderr, or nil when there is nothing to say.
        public var warning: String?
    }

    public static func check(_ folder: URL, allowShared: Bool,
                             userID: uid_t = geteuid()) throws(StorageError) -> Verdict {
        let path = folder.path
        var link = stat()
        guard lstat(path, &link) == 0 else { return Verdict(warning: nil) }  // created 0700 later
        var notes: [String] = []
        var target = link
        if (link.st_mode & S_IFMT) == S_IFLNK {
            guard stat(path, &target) == 0 else { return Verdict(warning: nil) }  // dangling: makeFolder says so
            let resolved = folder.resolvingSymlinksInPath().path
            notes.append("is a symbolic link to \(resolved)")
        }
        guard (target.st_mode & S_IFMT) == S_IFDIR else { return Verdict(warning: nil) }  // makeFolder says so
        let mode = target.st_mode & 0o7777
        if target.st_uid != userID && target.st_uid != 0 {
            throw StorageError(path: path, action: "use sessions folder", reason:
                "it belongs to another user (uid \(target.st_uid)), who can read and change every note; use a folder of your own (--sessions DIR)")
        }
        if mode & 0o022 != 0 && !allowShared {
            let who = mode & 0o002 != 0 ? "anyone" : "its group"
            throw StorageError(path: path, action: "use sessions folder", reason:
                "\(who) can write to it (mode \(octal(mode))), so others could change or remove notes; "
                + "run 'chmod 700 \(path)', or pass --allow-shared-folder if it is shared on purpose")
        }
        if mode & 0o077 != 0 {
            notes.append("can be opened by others (mode \(octal(mode)); 'chmod 700' keeps notes private)")
        }
        guard !notes.isEmpty else { return Verdict(warning: nil) }
        return Verdict(warning: "sessions folder \(path) " + notes.joined(separator: " and "))
    }

    private static func octal(_ mode: mode_t) -> String { "0" + String(mode, radix: 8) }
}
