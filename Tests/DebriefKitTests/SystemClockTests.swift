import DebriefKit
import Foundation
import Testing

/// The real clocks against the runtime's own: a meeting's countdown and the loop's
/// timers (the draft's pause, alive marks) run on them.
@Suite("Real clocks: meeting time at its scale and offset, wall time unscaled")
struct SystemClockTests {
    @Test func theMeetingClockRunsAtItsScaleFromItsOffset() {
        let plain = SystemClock()
        let rehearsal = SystemClock(scale: 60, offset: 90_000)
        let started = ContinuousClock.now
        #expect(rehearsal.now() >= 90_000)
        Thread.sleep(forTimeInterval: 0.05)
        let plainElapsed = plain.now()
        let rehearsed = rehearsal.now() - 90_000
        let realElapsed = Self.milliseconds(ContinuousClock.now - started)
        // A sleep of 50 ms is at least 50 ms; a loaded machine may make it much longer.
        #expect(plainElapsed >= 50 && plainElapsed <= realElapsed + 1)
        #expect(rehearsed >= 50 * 60 && rehearsed <= (realElapsed + 1) * 60)
    }

    @Test func wallTimeCountsRealMillisecondsAndNeverGoesBack() {
        let wall = SystemMonotonicClock()
        let started = ContinuousClock.now
        var last = wall.milliseconds()
        #expect(last >= 0 && last < 1000)
        for _ in 0..<1000 {
            let next = wall.milliseconds()
            #expect(next >= last)
            last = next
        }
        Thread.sleep(forTimeInterval: 0.03)
        let elapsed = wall.milliseconds()
        #expect(elapsed >= 30 && elapsed <= Self.milliseconds(ContinuousClock.now - started) + 1)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
