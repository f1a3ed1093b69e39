import Foundation
import TestSupport
import Testing

/// A real terminal for end-to-end tests: one private tmux server per test, keys typed
/// with send-keys, the screen read with capture-pane, and polling (never fixed sleeps).
final class Tmux {
    let socket = "debrief-e2e-\(UUID().uuidString.prefix(8))"
    let target = "e2e"
    static let timeout: TimeInterval = 20

    /// Starts `command` (a shell command line) in a detached session of the given size. When
    /// the command exits, the pane prints `[exit CODE TERMINAL]` and stays open, where
    /// TERMINAL is `sane` if echo and canonical mode were restored, else `raw`.
    init(_ command: String, width: Int = 100, height: Int = 30) throws {
        let wrapped = """
        \(command); code=$?; if stty -a | grep -q ' icanon' && stty -a | grep -q ' echo '; then t=sane; else t=raw; fi; \
        echo "[exit $code $t]"; sleep 600
        """
        try run(["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", wrapped])
        try run(["set-option", "-g", "window-size", "manual"])
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Named keys, as tmux spells them: Enter, Escape, NPage, PPage, F10, BSpace, C-c…
    func press(_ keys: String...) throws { try run(["send-keys", "-t", target] + keys) }

    /// Literal text, typed as a person would (no key-name lookup).
    func type(_ text: String) throws { try run(["send-keys", "-t", target, "-l", text]) }

    /// Pastes text the way a terminal does with bracketed paste enabled.
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "e2e", text])
        try run(["paste-buffer", "-p", "-b", "e2e", "-t", target])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", target]) }

    /// The screen with its attributes and colours as SGR escapes (`capture-pane -e`).
    func styledScreen() throws -> String { try run(["capture-pane", "-p", "-e", "-t", target]) }

    /// tmux's view of the pane: alternate screen on? cursor visible?
    func paneFlags() throws -> (alternateScreen: Bool, cursorVisible: Bool) {
        let flags = try run(["display-message", "-p", "-t", target, "#{alternate_on} #{cursor_flag}"])
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (flags.first == "1", flags.last == "1")
    }

    /// Where tmux shows the cursor: column and row, from 0.
    func cursor() throws -> (x: Int, y: Int) {
        let place = try run(["display-message", "-p", "-t", target, "#{cursor_x} #{cursor_y}"])
            .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (place.first ?? -1, place.last ?? -1)
    }

    /// Ends the meeting as a facilitator does (F10, then Enter at its question) and expects
    /// the program to exit with 0.
    func endMeeting(_ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try press("F10")
        try waitFor("End the meeting now?", sourceLocation: sourceLocation)
        try press("Enter")
        #expect(try waitForExit().code == 0, comment, sourceLocation: sourceLocation)
    }

    /// Waits until the screen contains `text`; fails the test with the screen if it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = Tmux.timeout,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("screen shows \"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = Tmux.timeout,
                   sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting until \(what). Screen:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError.timedOut(what)
    }

    /// Waits for the program to exit and returns its exit code and whether the terminal was left sane.
    func waitForExit(timeout: TimeInterval = Tmux.timeout) throws -> (code: Int, sane: Bool, screen: String) {
        let screen = try waitUntil("the program exits", timeout: timeout) { $0.contains("[exit ") }
        let marker = screen.components(separatedBy: "[exit ").last!.prefix { $0 != "]" }.split(separator: " ")
        return (Int(marker.first ?? "") ?? -1, marker.last == "sane", screen)
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else { throw TmuxError.failed(arguments.joined(separator: " "), result.output) }
        return result.output
    }
}

enum TmuxError: Error {
    case failed(String, String)
    case timedOut(String)
}

/// Paths of the built binary and a fresh sessions folder for each test.
enum Debrief {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: String { product("debrief") }

    /// A product built beside the test bundle (the debug build `swift test` made).
    static func product(_ name: String) -> String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: name)
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        return repository.appending(path: ".build/debug/\(name)").path
    }

    static func freshFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "debrief-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The command line to run debrief with a private sessions folder.
    static func command(_ arguments: String, sessions: URL) -> String {
        "cd '\(sessions.path)' && DEBRIEF_SESSIONS='\(sessions.appending(path: "sessions").path)' '\(binary)' \(arguments)"
    }

    static func files(in folder: URL, suffix: String) -> [URL] {
        let sessions = folder.appending(path: "sessions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { sessions.appending(path: $0) }
    }

    static func permissions(_ url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? Int
    }
}
