import Foundation
import TestSupport
import Testing

/// Typed keys redraw only the note input (`IncrementalScreen`), and only what changed goes
/// out (`FrameEncoder`): whatever the keys, one by one or several in one write, and whatever
/// the text (wide characters, emoji, overlays drawn over them), the terminal ends showing
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

    /// Frames that change only some cells, over wide characters and emoji clusters, with the
    /// tag picker and help drawn over them and taken away, and a selection moving across
    /// them: the whole screen, styles included, is what a full repaint draws.
    @Test(arguments: terms)
    func wideTextAndOverlaysOverItLeaveTheScreenAFullRepaintShows(term: String) throws {
        let tmux = try Self.pausedMeeting(term: term)
        for note in ["字幕 review: 👍🏽 from Zoë, ok", "! 全角テキスト cut the reach", "+ café ☕ worked"] {
            try tmux.type(note)
            try tmux.press("Enter")
        }
        try tmux.waitFor("café ☕ worked")
        try tmux.press("F4")
        try tmux.waitFor("Root cause")
        // Each overlay is gone before the next key: Escape and a key sent at once would read
        // as Alt and that key.
        try tmux.press("Escape")
        try tmux.waitUntil("the tag picker closed") { !$0.contains("Root cause") }
        try tmux.press("F1")
        try tmux.waitFor("Keys")
        try Self.expectAFullRepaintShowsTheSame(tmux, "TERM=\(term), help open")
        try tmux.press("Escape")
        try tmux.waitUntil("help closed") { !$0.contains("Keys") }
        try tmux.press("Tab")
        try tmux.press("Up")
        try tmux.press("Up")
        try tmux.press("Tab")
        try tmux.type("字 next")
        try tmux.waitFor("› 字 next")
        try Self.expectAFullRepaintShowsTheSame(tmux, "TERM=\(term)")
    }

    /// The key that wraps the note input to a new row moves everything above the input (or,
    /// once the input is at its tallest, scrolls it); its frame is drawn and encoded ahead
    /// while the loop waits (`IncrementalScreen.foreseenWraps`) and written as the key is
    /// read. Typed key by key over five rows, the screen is what a full repaint shows after
    /// each row.
    @Test(arguments: terms)
    func aNoteTypedOverSeveralRowsLeavesTheScreenAFullRepaintShows(term: String) throws {
        let tmux = try Self.pausedMeeting(term: term)
        // (A lone ";" would end tmux's command.)
        let sentence = "Reels beat static posts on engagement, stories drove clicks"
        for (round, ending) in [" - first ", " - second ", " - third ", " - fourth ", " - fifth."].enumerated() {
            for character in sentence + ending {
                try tmux.type(String(character))
            }
            let screen = try tmux.waitFor(ending.trimmingCharacters(in: .whitespaces)).components(separatedBy: "\n")
            if round == 3 {
                // Four rows of input, the rows above moved up one at each wrap.
                let first = try #require(screen.firstIndex { $0.contains("› Reels beat") })
                #expect(screen[first + 3].contains("- fourth"), "TERM=\(term): the note wrapped over four rows")
            }
            if round > 0 { try Self.expectAFullRepaintShowsTheSame(tmux, "TERM=\(term), round \(round)") }
        }
        // At its tallest the input scrolls: its first row has gone (an arrow says there is more).
        let rows = try tmux.waitFor("- fifth.").components(separatedBy: "\n")
        #expect(rows.contains { $0.hasPrefix(" ↑ beat static posts") } && !rows.contains { $0.contains("› Reels beat") }, "TERM=\(term)")
    }

    /// A meeting at 80×24 whose countdowns stand still (the row counting the pause is left
    /// out of the comparisons).
    static func pausedMeeting(term: String) throws -> Tmux {
        let tmux = try Tmux(Debrief.command("run", sessions: Debrief.freshFolder(), term: term), width: 80, height: 24)
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.press("F2")
        try tmux.waitFor("PAUSED")
        return tmux
    }

    /// What is on screen, styles included, is what a full repaint (forced by a resize) draws.
    static func expectAFullRepaintShowsTheSame(_ tmux: Tmux, _ label: String) throws {
        let drawn = try settled(tmux)
        try tmux.resize(width: 81, height: 24)
        try tmux.resize(width: 80, height: 24)
        try tmux.waitUntil("\(label): a full repaint shows the same") { _ in (try? settled(tmux)) == drawn }
    }

    /// The styled screen once two captures in a row agree (a frame may be on its way),
    /// without the row whose clock counts the pause.
    static func settled(_ tmux: Tmux) throws -> String {
        func capture() throws -> String {
            try tmux.styledScreen().components(separatedBy: "\n").filter { !$0.contains("Elapsed") }.joined(separator: "\n")
        }
        var last = try capture()
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: 0.1)
            let now = try capture()
            if now == last { return now }
            last = now
        }
        return last
    }
}
