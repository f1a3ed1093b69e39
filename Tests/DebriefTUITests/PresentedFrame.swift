@testable import DebriefTUI

extension MeetingLoop {
    /// Runs the loop over the input waiting on `terminal` until it has drawn it all and waits
    /// for more, then returns the frame the terminal received: what the user sees, drawn by
    /// the loop itself rather than re-rendered by the test.
    @discardableResult
    func presentedFrame(on terminal: HeadlessTerminal) -> Canvas {
        terminal.resetIdleWaits()
        _ = run(stopRequested: { terminal.idleWaits > 0 })
        return terminal.screen
    }
}
