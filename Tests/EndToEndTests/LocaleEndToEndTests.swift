import DebriefKit
import Foundation
import Testing

/// A login without a UTF-8 locale (a container, an SSH login without LANG) still types
/// every character: nothing of a note is dropped for the locale's sake.
@Suite("End to end: the C locale")
struct LocaleEndToEndTests {
    @Test(arguments: ["env -u LANG -u LC_ALL -u LC_CTYPE", "env LANG=C LC_ALL=C"])
    func accentsTypedUnderTheCLocaleAreSavedWhole(_ environment: String) throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(environment + " sh -c " + "'" + Debrief.command("run", sessions: folder).replacingOccurrences(of: "'", with: "'\\''") + "'")
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.type("Café naïve: 12 € per post")
        try tmux.press("Enter")
        try tmux.waitFor("Notes · 1")
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("y")
        _ = try tmux.waitForExit()
        let session = try #require(Debrief.files(in: folder, suffix: SessionStore.sessionSuffix).first)
        #expect(try String(contentsOf: session, encoding: .utf8).contains("\"text\":\"Café naïve: 12 € per post\""))
    }
}
