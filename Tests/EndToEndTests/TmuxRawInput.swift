import Foundation
import TestSupport
import Testing

/// Input a person cannot type with send-keys' key names: raw bytes, large pastes from a
/// file, and the same key pressed until the program takes it.
extension Tmux {
    /// Writes these exact bytes to the pane in one burst, as a terminal would.
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// Sends a lone first byte of a UTF-8 character (what a Latin-1 terminal sends for "é")
    /// and checks that the meeting goes on: its clock moves and the next key is typed.
    func sendALoneLeadByteAndSeeTheMeetingGoOn() throws {
        func clock(_ screen: String) -> String? { screen.split(separator: "\n").first { $0.contains(" left") }.map(String.init) }
        try sendBytes([0xC3])
        let before = clock(try screen())
        try waitUntil("the clock moves on") { clock($0) != before }
        try press("x")
        try waitFor("› x")
    }

    /// Pastes the contents of `file` with bracketed paste (for pastes too large for a
    /// command-line argument).
    func pasteFile(_ file: URL) throws {
        try tmux(["load-buffer", "-b", "e2e-file", file.path])
        try tmux(["paste-buffer", "-p", "-b", "e2e-file", "-t", target])
    }

    /// Presses `key` until the screen shows `text`: a command key right after a paste is
    /// held on purpose, and a second press is what a person does then.
    @discardableResult
    func press(_ key: String, until text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        while Date() < deadline {
            try press(key)
            let pressed = Date()
            while Date().timeIntervalSince(pressed) < 1 {
                let shown = try screen()
                if shown.contains(text) { return shown }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        return try waitFor(text, timeout: 0, sourceLocation: sourceLocation)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else { throw TmuxError.failed(arguments.joined(separator: " "), result.output) }
        return result.output
    }
}

extension Debrief {
    /// The command line to run debrief under a given TERM with a private sessions folder.
    static func command(_ arguments: String, sessions: URL, term: String) -> String {
        "cd '\(sessions.path)' && DEBRIEF_SESSIONS='\(sessions.appending(path: "sessions").path)' TERM='\(term)' '\(binary)' \(arguments)"
    }
}
