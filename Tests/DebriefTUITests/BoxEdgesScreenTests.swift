import DebriefKit
@testable import DebriefTUI
import Testing

/// Boxes drawn over the meeting (help, tag picker, end dialog, replay help), checked by
/// whole lines (the canvas text drops trailing blanks), so a cut key or a rule running
/// into a border shows.
@MainActor
@Suite("Screens: help and dialog boxes, line by line")
struct BoxEdgesScreenTests {
    static func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    /// No line of the screen has a rule touching a box's side.
    static func expectNoRuleTouchesABox(_ screen: [String]) {
        for line in screen {
            #expect(!line.contains("─│") && !line.contains("│─"), "a rule runs into the box: \(line)")
        }
    }

    @Test func replayHelpShowsEveryKeyOfLeavingWhole() {
        var model = ReplayScreenTests.model()
        _ = model.handle(.function(1))
        let screen = Self.lines(ReplayScreenTests.screen(model))
        #expect(screen.contains("         │ F10 / q / Esc / Ctrl-C  Leave the replay (the session file is never changed)   │"))
        #expect(screen.contains("── Notes │ PgUp                    Jump to the start of this section, or the previous one │ ────────"))
        #expect(screen.contains("──────── └────────────────────────────────────────────────────────────────────────────────┘ ────────"))
        Self.expectNoRuleTouchesABox(screen)
    }

    @Test func replayHelpWrapsUnderItsExplanationsOnANarrowScreen() {
        var model = ReplayScreenTests.model()
        _ = model.handle(.function(1))
        let screen = Self.lines(ReplayScreenTests.screen(model, width: 60, height: 30))
        #expect(screen.contains(" │ F10 / q / Esc / Ctrl-C  Leave the replay (the session  │"))
        #expect(screen.contains(" │                         file is never changed)         │"))
        Self.expectNoRuleTouchesABox(screen)
    }

    @Test func rulesBehindTheHelpStopShortOfItsBorder() {
        var driver = CaptureDriver()
        driver.press(.function(1))
        let screen = Self.lines(driver.screen(width: 80, height: 24))
        #expect(screen.contains(" │ F10                   End the meeting: shows what is open, then writes     │"))
        #expect(screen.contains(" │ F6                    Content: rank the top 3 and bottom 3 by the next     │"))
        #expect(screen[22] == " └─ ↑↓ PgUp PgDn: scroll   Esc or F1: close this help ────────────────────────┘")
        Self.expectNoRuleTouchesABox(screen)
    }

    @Test func rulesBehindADialogStopShortOfItsBorder() {
        var driver = CaptureDriver()
        driver.type("!Tracking")
        driver.press(.enter)
        let picker = Self.lines(driver.screen(width: 80, height: 24))
        #expect(picker.contains("─ │   5  creator-side                              │ ───────────────────────────"))
        Self.expectNoRuleTouchesABox(picker)
        driver.press(.escape, .function(10))
        let dialog = Self.lines(driver.screen(width: 80, height: 24))
        #expect(dialog.contains(" │   2  Problem #1 with no action: Tracking                                   │"))
        Self.expectNoRuleTouchesABox(dialog)
    }
}
