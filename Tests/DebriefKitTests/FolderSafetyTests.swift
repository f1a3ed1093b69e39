import DebriefKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// An existing sessions folder is checked before notes go into it, as ssh checks ~/.ssh.
@Suite("Sessions folder safety")
struct FolderSafetyTests {
    private func folder(mode: mode_t) -> URL {
        let url = Fixtures.temporaryFolder().appending(path: "sessions")
        mkdir(url.path, 0o700)
        chmod(url.path, mode)
        return url
    }

    @Test func aPrivateFolderOrOneNotYetCreatedIsUsedSilently() throws {
        #expect(try FolderSafety.check(folder(mode: 0o700), allowShared: false).warning == nil)
        let missing = Fixtures.temporaryFolder().appending(path: "not/yet")
        #expect(try FolderSafety.check(missing, allowShared: false).warning == nil)
    }

    @Test(arguments: [0o777, 0o775, 0o770, 0o1777, 0o702] as [mode_t])
    func aFolderOthersCanWriteIsRefusedWithTheFix(mode: mode_t) throws {
        let url = folder(mode: mode)
        #expect {
            try FolderSafety.check(url, allowShared: false)
        } throws: { error in
            let text = "\(error)"
            return text.contains("can write to it") && text.contains("chmod 700 \(url.path)") && text.contains("--allow-shared-folder")
        }
    }

    @Test func aSharedFolderIsUsedWhenAllowedWithAWarning() throws {
        let url = folder(mode: 0o777)
        let warning = try #require(try FolderSafety.check(url, allowShared: true).warning)
        #expect(warning.contains(url.path) && warning.contains("mode 0777"))
        #expect(!warning.contains("\n"))
    }

    @Test func aFolderOthersCanReadIsUsedWithAOneLineWarning() throws {
        let url = folder(mode: 0o755)
        let warning = try #require(try FolderSafety.check(url, allowShared: false).warning)
        #expect(warning.contains("can be opened by others (mode 0755"))
        #expect(!warning.contains("\n"))
    }

    @Test func aFolderOwnedByAnotherUserIsRefused() throws {
        let url = folder(mode: 0o700)
        // As root the folder can be given away; otherwise pretend to be someone else.
        let otherUser: uid_t = 54_321
        if geteuid() == 0 { try #require(chown(url.path, otherUser, gid_t(otherUser)) == 0) }
        let me = geteuid() == 0 ? geteuid() : otherUser
        #expect {
            try FolderSafety.check(url, allowShared: true, userID: me)
        } throws: { error in
            "\(error)".contains("belongs to another user")
        }
    }

    @Test func aSymlinkedFolderIsUsedWithAOneLineWarningNamingTheTarget() throws {
        let target = folder(mode: 0o700)
        let link = target.deletingLastPathComponent().appending(path: "link")
        try #require(symlink(target.path, link.path) == 0)
        let warning = try #require(try FolderSafety.check(link, allowShared: false).warning)
        #expect(warning.contains("is a symbolic link to \(target.resolvingSymlinksInPath().path)"))
        #expect(!warning.contains("\n"))

        chmod(target.path, 0o755)
        let both = try #require(try FolderSafety.check(link, allowShared: false).warning)
        #expect(both.contains("symbolic link") && both.contains("mode 0755") && !both.contains("\n"))

        chmod(target.path, 0o777)
        #expect(throws: StorageError.self) { try FolderSafety.check(link, allowShared: false) }
    }
}
