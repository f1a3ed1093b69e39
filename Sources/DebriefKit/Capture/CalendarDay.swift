#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A date without a time of day, as deadlines are: 2026-12-01. Arithmetic runs in UTC so
/// a day is always a day, whatever the local zone does with daylight saving.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The local calendar day of a moment; `zone` nil is the machine's (see `CivilTime`).
    public init(_ date: Date, in zone: TimeZone? = nil) {
        let wall = CivilTime.wallSeconds(date, offset: CivilTime.offset(at: date, in: zone))
        let parts = CivilTime.date(days: CivilTime.floorDivide(wall, 86_400))
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// Parses `yyyy-MM-dd`, refusing dates that do not exist (2026-02-30). The one parser of
    /// deadlines: capture, exports and the calendar all read dates through it.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// Only a day that exists: no 30 February, no month 13.
    public init?(checkedYear year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `20261201`, as iCalendar writes a date.
    public var compact: String { CivilTime.digits(year, 4) + CivilTime.digits(month, 2) + CivilTime.digits(day, 2) }

    public var description: String {
        CivilTime.digits(year, 4) + "-" + CivilTime.digits(month, 2) + "-" + CivilTime.digits(day, 2)
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601); 1970-01-01 was a Thursday.
    public var weekday: Int {
        let days = CivilTime.days(year: year, month: month, day: day)
        return ((days % 7 + 7 + 3) % 7) + 1
    }

    public func adding(days: Int) -> CalendarDay {
        let moved = CivilTime.date(days: CivilTime.days(year: year, month: month, day: day) + days)
        return CalendarDay(year: moved.year, month: moved.month, day: moved.day)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
