import DebriefKit
@testable import DebriefTUI
import Testing

/// One owner per action: a second @name is flagged on the message line as soon as it is
/// typed, and the text keeps it.
@Suite("Capture: a second owner is flagged on the spot")
struct SecondOwnerTests {
    @Test func aSecondOwnerIsFlaggedWhileTyping() {
        var driver = CaptureDriver(section: "actions")
        driver.type("> call the client @maria @li")
        #expect(driver.screen().contains("one owner per action: kept @maria, @li stays in the text"))
        driver.type(" tomorrow")
        #expect(driver.screen().contains("one owner per action"), "the warning stays while the second owner does")
    }

    @Test func aSecondOwnerIsFlaggedWhenSavedEvenWithTheLinkPickerOpen() {
        var driver = CaptureDriver(section: "wrong")
        driver.type("! Tracking links were not ready")
        driver.press(.enter, .escape)
        driver.type("> send links to creators before launch @maria @li")
        driver.press(.enter)
        #expect(driver.notes.last?.text == "send links to creators before launch @li")
        #expect(driver.notes.last?.content.owner == "maria")
        #expect(driver.screen().contains("one owner per action: kept @maria, @li stays in the text"))
    }
}
