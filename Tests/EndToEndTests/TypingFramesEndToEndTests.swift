import Foundation
import TestSupport
import Testing

/// Typed keys redraw only the note input (`IncrementalScreen`), and curses sends only what
/// changed: whatever the keys, one by one or several in one write, the terminal ends showing
/// what a full repaint shows, under the TERMs people type in.
@Suite("End to end: typing shows what a full repaint shows")
struct TypingFramesEndToEndTests {
    static let terms = ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"]
        .filter(KeyMatrixEndToEndTests.hasTerminfo)

    /// The note input's row, text and styles (`capture-pane -e`).
    static func inputRow(_ tmux: Tmux) throws -> String {
        try tmux.styledScreen().components(separatedBy: "\n").first { $0.contains("Reels") } ?? ""
    }

    @Test(arguments: terms)
    func keysTypedOneByOneOrTakenBackInOneWriteLeaveTheScreenAFullRepaintShows(term: String) throws {
        let folder = Debrief.freshFolder()
        let tmux = try Tmux(Debrief.command("run", sessions: folder, term: term), width: 80, height: 24)
        try tmux.waitFor("1/6  Performance vs. goals")
        // One key at a time, each on screen before the next: a frame each.
        let text = "Reels beat static"
        for (index, character) in text.enumerated() {
            try tmux.type(String(character))
            if character != " " { try tmux.waitFor("› " + text.prefix(index + 1)) }  // a capture trims trailing spaces
        }
        // A letter and Backspace in one write: one frame for both.
        for _ in 0..<3 { try tmux.press("x", "BSpace") }
        try tmux.type(" posts")
        let screen = try tmux.waitFor("› Reels beat static posts")
        #expect(!screen.contains("postsx") && !screen.contains("staticx"), "TERM=\(term): no letter left behind")
        let lines = screen.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains("› Reels") })
        let column = try #require(lines[row].firstIndex(of: "›")).utf16Offset(in: lines[row])  // "›" is one column
        let cursor = try tmux.cursor()
        #expect(cursor.y == row && cursor.x == column + 2 + "Reels beat static posts".count, "TERM=\(term): the cursor after the text")
        // What a full repaint draws (a resize repaints every cell) is what is on screen now.
        let typed = try Self.inputRow(tmux)
        try tmux.resize(width: 81, height: 24)
        try tmux.resize(width: 80, height: 24)
        try tmux.waitUntil("repainted at 80 columns") { _ in (try? Self.inputRow(tmux)) == typed }
        #expect(try Self.inputRow(tmux) == typed, "TERM=\(term)")
    }
}
