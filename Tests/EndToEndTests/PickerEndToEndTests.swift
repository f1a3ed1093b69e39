import Foundation
import Testing

/// Typing is never eaten by a picker, in the real binary: keys sent in one burst (as a fast
/// typist sends them) stay text; after a pause, the picker shows and takes the number.
@Suite("End to end: pickers wait for the typist to pause", .serialized)
struct PickerEndToEndTests {
    private func meetingInWhatWentWrong() throws -> Tmux {
        let tmux = try Tmux(Debrief.command("--client Acme", sessions: Debrief.freshFolder()))
        try tmux.waitFor("1/6  Performance vs. goals")
        try tmux.press("NPage", "NPage", "NPage")
        try tmux.waitFor("4/6  What went wrong")
        return tmux
    }

    @Test func aFastTypistsDigitsAfterEnterStayInTheNextNote() throws {
        let tmux = try meetingInWhatWentWrong()
        // One send-keys call: the problem, Enter, and the next note at once.
        try tmux.press("! Second problem", "Enter", "23 posts went out late")
        try tmux.waitFor("› 23 posts went out late")
        let screen = try tmux.waitFor("⚑ untagged (F4)")
        #expect(screen.contains("Second problem"))
        #expect(!screen.contains("Root cause:"))
        try tmux.press("Enter")
        try tmux.waitUntil("the note is saved whole") { $0.contains("note    23 posts went out late") }
        #expect(try !tmux.screen().contains("Root cause:"), "a picker passed over by typing does not come back")
    }

    @Test func afterAPauseTheTagPickerTakesTwoDigits() throws {
        let tmux = try meetingInWhatWentWrong()
        try tmux.type("! Second problem")
        try tmux.press("Enter")
        // The picker shows once the typist has paused; from then on numbers choose.
        try tmux.waitFor("Root cause:")
        try tmux.type("2")
        try tmux.waitFor("now the severity")
        try tmux.type("3")
        try tmux.waitFor("communication · critical")
        try tmux.type("23 posts went out late")
        try tmux.waitFor("› 23 posts went out late")
    }

    /// F4 pressed just as the picker shows on its own (the typist's "now tag it") keeps it
    /// open: the two digits after it tag the problem.
    @Test func f4AsThePickerShowsKeepsItForTheDigits() throws {
        let tmux = try meetingInWhatWentWrong()
        try tmux.type("! Links broke")
        try tmux.press("Enter")
        try tmux.waitFor("Root cause:")
        try tmux.press("F4")
        try tmux.type("3")
        try tmux.waitFor("now the severity")
        try tmux.type("2")
        try tmux.waitFor("tools · ")
        #expect(try !tmux.screen().contains("⚑ untagged"))
    }
}
