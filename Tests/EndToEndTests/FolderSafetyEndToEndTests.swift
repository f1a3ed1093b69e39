import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The sessions folder holds confidential notes: one that others can write is refused
/// (unless shared on purpose), one owned by someone else is refused, a symlinked or
/// readable one is used with a warning, and files stay 0600 whatever the umask.
@Suite("End to end: sessions folder safety and umask", .serialized)
struct FolderSafetyEndToEndTests {
    private func sessionsFolder(mode: mode_t) -> (parent: URL, sessions: URL) {
        let parent = Debrief.freshFolder()
        let sessions = parent.appending(path: "sessions")
        mkdir(sessions.path, 0o700)
        chmod(sessions.path, mode)
        return (parent, sessions)
    }

    @Test func aWorldWritableFolderIsRefusedByEveryCommandUnlessAllowed() throws {
        let (_, sessions) = sessionsFolder(mode: 0o777)
        for arguments in [["sessions"], ["show", "x"], ["export", "x", "--format", "json"], ["replay", "x"], ["resume", "x"], ["run"]] {
            let refused = try Subprocess.run([Debrief.binary] + arguments + ["--sessions", sessions.path])
            #expect(refused.status == 1, "\(arguments): \(refused.output)")
            #expect(refused.output.contains("anyone can write to it (mode 0777)"), "\(arguments): \(refused.output)")
            #expect(refused.output.contains("--allow-shared-folder"))
            #expect(!refused.output.contains("Fatal error"))
        }
        let allowed = try Subprocess.run([Debrief.binary, "sessions", "--sessions", sessions.path, "--allow-shared-folder"])
        #expect(allowed.status == 0, "\(allowed.output)")
        #expect(allowed.output.contains("No sessions in"))
        #expect(allowed.output.contains("warning: sessions folder \(sessions.path) can be opened by others (mode 0777"))
    }

    /// With no folder named, meetings go under `$HOME`, whoever runs Debrief: root in a
    /// container or a CI job that sets its own HOME must not see (or offer to resume) the
    /// meetings in the password database's home.
    @Test func withNoFolderNamedAMeetingIsSavedUnderHOME() throws {
        let home = Debrief.freshFolder()
        let sessions = home.appending(path: ".local/share/debrief/sessions")
        let environment = "unset DEBRIEF_SESSIONS XDG_DATA_HOME; export HOME='\(home.path)'"
        let listed = try Subprocess.run(["/bin/sh", "-c", "\(environment); '\(Debrief.binary)' sessions"])
        #expect(listed.output == "No sessions in \(sessions.path).\n", "\(listed.output)")

        let tmux = try Tmux("\(environment); cd '\(home.path)' && '\(Debrief.binary)' --time-scale 60")
        try tmux.waitFor("● saved")
        try tmux.type("Kept at home")
        try tmux.press("Enter")
        try tmux.waitFor("Kept at home")
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let saved = try FileManager.default.contentsOfDirectory(atPath: sessions.path)
        let session = try #require(saved.first { $0.hasSuffix(".debrief.jsonl") }, "\(saved)")
        #expect(try String(contentsOf: sessions.appending(path: session), encoding: .utf8).contains("Kept at home"))
    }

    @Test func aGroupWritableFolderIsRefusedToo() throws {
        let (_, sessions) = sessionsFolder(mode: 0o775)
        let refused = try Subprocess.run([Debrief.binary, "sessions", "--sessions", sessions.path])
        #expect(refused.status == 1)
        #expect(refused.output.contains("its group can write to it (mode 0775)"))
    }

    @Test func everyCommandWithSessionsDocumentsTheOption() throws {
        for command in ["run", "resume", "sessions", "show", "replay", "export"] {
            let help = try Subprocess.run([Debrief.binary, command, "--help"])
            #expect(help.output.contains("--allow-shared-folder"), "\(command) --help")
        }
    }

    @Test func aFolderOwnedByAnotherUserIsRefused() throws {
        guard geteuid() == 0 else {
            print("skipped: only root can give a folder to another user here")
            return
        }
        let (_, sessions) = sessionsFolder(mode: 0o700)
        try #require(chown(sessions.path, 54_321, 54_321) == 0)
        let refused = try Subprocess.run([Debrief.binary, "sessions", "--sessions", sessions.path, "--allow-shared-folder"])
        #expect(refused.status == 1)
        #expect(refused.output.contains("belongs to another user (uid 54321)"))
    }

    /// A meeting run through a symlinked, readable folder under umask 000: one warning
    /// line, and every file Debrief makes is still 0600 (its folders 0700).
    @Test func aMeetingUnderUmask000InASymlinkedFolderWarnsOnceAndKeepsFilesPrivate() throws {
        let (parent, target) = sessionsFolder(mode: 0o755)
        let link = parent.appending(path: "link")
        try #require(symlink(target.path, link.path) == 0)
        let nested = link.appending(path: "new/inner")  // folders Debrief creates itself, under umask 000
        let binary = Debrief.binary
        let tmux = try Tmux("cd '\(parent.path)' && umask 000 && '\(binary)' --sessions '\(link.path)' --time-scale 60 --client Acme"
            + " 2>'\(parent.path)/stderr'; '\(binary)' --sessions '\(nested.path)' --time-scale 60")
        try tmux.waitFor("● saved")
        try tmux.type("Private note")
        try tmux.press("Enter")
        try tmux.waitFor("Private note")
        let journal = try #require(Debrief.files(in: parent, suffix: ".journal.jsonl").first)
        #expect(Debrief.permissions(journal) == 0o600)
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")

        try tmux.waitFor("● saved")
        try tmux.type("Deeper note")
        try tmux.press("Enter")
        try tmux.waitFor("Deeper note")
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)

        let warnings = try String(contentsOf: parent.appending(path: "stderr"), encoding: .utf8)
            .split(separator: "\n").filter { $0.contains("warning:") }
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.contains("is a symbolic link to") == true)
        for suffix in [".debrief.jsonl", ".md"] {
            let file = try #require(Debrief.files(in: parent, suffix: suffix).first)
            #expect(Debrief.permissions(file) == 0o600, "\(file.lastPathComponent)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: nested.path)
        #expect(names.count == 2, "\(names)")
        for name in names { #expect(Debrief.permissions(nested.appending(path: name)) == 0o600, "\(name)") }
        #expect(Debrief.permissions(nested) == 0o700)
        #expect(Debrief.permissions(nested.deletingLastPathComponent()) == 0o700)
    }
}
