import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// README's recipe for a note-taker over SSH, as a user runs it: a real sshd whose
/// `authorized_keys` holds exactly `command="… join --view notes",restrict,pty KEY`, a host
/// meeting in one terminal, and `ssh -t HOST` in another.
@Suite("End to end: debrief join over SSH")
struct SSHJoinEndToEndTests {
    /// A host meeting and a private sshd whose one key can only join it.
    final class Setup {
        private let meeting: JoinEndToEndTests.HostAlone
        let sshd: PrivateSSHServer
        var folder: URL { meeting.folder }
        var host: Tmux { meeting.host }

        init() throws {
            meeting = try JoinEndToEndTests.HostAlone()
            let (folder, runtime) = (meeting.folder, meeting.runtime)
            // The forced command by its full path, as README says for a debrief outside
            // sshd's PATH. The login has none of the test's environment: a two-line
            // `debrief` gives it the host's sessions and runtime folders (a real account
            // has them by default) and runs the built binary with the recipe's arguments.
            let bin = folder.appending(path: "bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            let debrief = bin.appending(path: "debrief").path
            try """
            #!/bin/sh
            export DEBRIEF_SESSIONS='\(folder.appending(path: "sessions").path)' XDG_RUNTIME_DIR='\(runtime)'
            exec '\(Debrief.binary)' "$@"

            """.write(toFile: debrief, atomically: true, encoding: .utf8)
            chmod(debrief, 0o755)
            let ssh = folder.appending(path: "ssh")
            try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
            sshd = try PrivateSSHServer(authorizedKeyOptions: "command=\"\(debrief) join --view notes\",restrict,pty", in: ssh)
        }

        /// Waits until someone joined over SSH; on a refused login, sshd's log says why.
        func waitForJoin(on terminal: Tmux) throws {
            do {
                try terminal.waitFor("1/6  Performance vs. goals")
                try host.waitFor(" joined the meeting")
            } catch {
                Issue.record("sshd's log:\n\(sshd.output)")
                throw error
            }
        }
    }

    @Test func aNoteTakerJoinsWithSshTTypesANoteAndIsToldWhereTheFilesAreWhenTheHostEnds() throws {
        let setup = try Setup()
        let laptop = try Tmux(setup.sshd.client())
        try setup.waitForJoin(on: laptop)
        #expect(try laptop.screen().contains("Notes · 0"), "the meeting, drawn in UTF-8 over SSH")

        try laptop.type("Café links broke over SSH")
        try laptop.press("Enter")
        try setup.host.waitFor("Café links broke over SSH")
        try laptop.waitFor("Notes · 1")

        try setup.host.press("F10")
        try setup.host.waitFor("End the meeting now?")
        try setup.host.press("y")
        let exit = try laptop.waitForExit()
        #expect(exit.code == 0, "ssh passes on debrief join's exit code")
        #expect(exit.sane)
        #expect(exit.screen.contains("Meeting ended."))
        let session = try #require(Debrief.files(in: setup.folder, suffix: SessionStore.sessionSuffix).first)
        #expect(exit.screen.replacingOccurrences(of: "\n", with: "").contains(session.lastPathComponent))
        let added = try String(contentsOf: session, encoding: .utf8).split(separator: "\n").filter { $0.contains("\"note_added\"") }
        #expect(added.count == 1 && added[0].contains("Café links broke over SSH"))
    }

    @Test func theKeyRunsNothingButDebriefJoinAndForwardsNoPort() throws {
        let setup = try Setup()
        // Asking for a command of one's own still joins the meeting; the command never runs.
        let planted = setup.folder.appending(path: "planted").path
        let laptop = try Tmux(setup.sshd.client(command: "touch '\(planted)'"))
        try setup.waitForJoin(on: laptop)
        #expect(!FileManager.default.fileExists(atPath: planted), "the client's command did not run")

        // Port forwarding through the key: the local end listens (that is the client's
        // side), but the server refuses the channel, so nothing reaches the target, here
        // sshd itself, whose banner would come back if it were allowed. (ssh reports the
        // refusal at its default log level, INFO; the first -o of a kind wins.)
        let local = try PrivateSSHServer.freePort()
        let tunnel = try Tmux(setup.sshd.client("-N -L \(local):127.0.0.1:\(setup.sshd.port) -o LogLevel=INFO"))
        var answer: String?
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        while answer == nil, Date() < deadline {
            answer = try? PrivateSSHServer.connectAndRead(port: local)  // refused until ssh listens
            if answer == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let received = try #require(answer, "ssh -L never listened on \(local)")
        #expect(!received.contains("SSH-2.0"), "nothing went through the forward")
        try tunnel.waitFor("administratively prohibited")
    }
}
