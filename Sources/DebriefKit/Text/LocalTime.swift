#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A moment as a person reads it: the local date, hours and minutes, and the offset from
/// UTC, `2026-11-25 23:36 +01:00`. No locale is involved, so it reads the same everywhere;
/// the zone is passed in, so tests and golden files do not depend on the machine's (nil:
/// the machine's zone, through libc; see `CivilTime`).
public enum LocalTime {
    public static func text(_ date: Date, in zone: TimeZone? = nil) -> String {
        let offset = CivilTime.offset(at: date, in: zone)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let minuteOfDay = ((local / 60) % 1440 + 1440) % 1440
        let day = CalendarDay(date, in: zone)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(day) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60)) \(sign)\(two(minutes / 60)):\(two(minutes % 60))"
    }

    /// A session's `started_at` (ISO 8601, as stored) in local time; the stored text when
    /// it is not a timestamp this build can read.
    public static func text(stored: String, in zone: TimeZone? = nil) -> String {
        guard let date = MeetingInfo(title: "", startedAt: stored).startDate else { return stored }
        return text(date, in: zone)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
