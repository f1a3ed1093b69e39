#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Meeting time in milliseconds since the meeting started. Injected everywhere, so tests
/// run a 90-minute meeting in milliseconds and replay is exact.
public protocol MeetingClock: Sendable {
    func now() -> Int
}

/// The real clock: monotonic (immune to wall-clock jumps), optionally sped up for
/// rehearsals, demos and end-to-end tests.
public struct SystemClock: MeetingClock {
    private let start: Int64
    private let offset: Int
    private let scale: Double

    /// - Parameter offset: meeting time already passed, for a resumed meeting.
    public init(scale: Double = 1, offset: Int = 0) {
        self.start = ContinuousNanoseconds.now()
        self.offset = offset
        self.scale = scale
    }

    public func now() -> Int {
        let milliseconds = Double(ContinuousNanoseconds.now() - start) / 1e6
        return offset + Int(milliseconds * scale)
    }
}

/// Wall time in milliseconds, never scaled and never jumping (a monotonic clock), for the
/// app loop's timers: the pause before an unfinished note is journalled, alive marks,
/// retries of a failed disk, the pause before a picker takes keys. Meeting time can run
/// 60 times faster in a rehearsal; these must not. Injected, so tests drive every timer
/// without sleeping.
public protocol MonotonicClock: Sendable {
    func milliseconds() -> Int
}

/// The real monotonic clock: milliseconds since it was made.
public struct SystemMonotonicClock: MonotonicClock {
    private let start = ContinuousNanoseconds.now()

    public init() {}

    public func milliseconds() -> Int {
        Int((ContinuousNanoseconds.now() - start) / 1_000_000)
    }
}

/// `ContinuousClock`'s time (it goes on while the machine sleeps) as plain nanoseconds.
/// The loop reads the clocks several times a key: `ContinuousClock.now - start` and its
/// `components` took 128-bit arithmetic each time, about 2 % of a typed key's work.
enum ContinuousNanoseconds {
    static func now() -> Int64 {
        #if os(Linux)
        // The clock `ContinuousClock` reads on Linux.
        var time = timespec()
        clock_gettime(CLOCK_BOOTTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        #else
        let components = (ContinuousClock.now - base).components
        return components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
        #endif
    }

    #if !os(Linux)
    private static let base = ContinuousClock.now
    #endif
}

/// A clock that moves only when told to: meeting time for the core, wall time for the
/// loop's timers (tests use one of each when they need both).
public final class TestClock: MeetingClock, MonotonicClock, @unchecked Sendable {
    private let current: Mutex<Int>

    public init(start: Int = 0) { current = Mutex(start) }

    public func now() -> Int { current.withLock { $0 } }

    public func milliseconds() -> Int { now() }

    public func advance(byMilliseconds milliseconds: Int) {
        current.withLock { $0 += milliseconds }
    }

    public func advance(byMinutes minutes: Double) {
        advance(byMilliseconds: Int(minutes * 60_000))
    }
}
