#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dates as people and files write them, without Foundation's calendars and formatters:
/// those load ICU (about 12 MB of a running meeting's memory), and Debrief only ever needs
/// the Gregorian calendar, ISO 8601 timestamps and the machine's UTC offset.
///
/// A zone is a `TimeZone?`: nil is the machine's own zone, read through libc
/// (`localtime_r`, `tm_gmtoff`: TZ and /etc/localtime, daylight saving included); a
/// `TimeZone` (tests fix one) is asked for its offset directly.
public enum CivilTime {
    /// Seconds east of UTC at `date` in `zone` (nil: the machine's zone).
    public static func offset(at date: Date, in zone: TimeZone?) -> Int {
        if let zone { return zone.secondsFromGMT(for: date) }
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The Gregorian date `days` after 1970-01-01 (civil_from_days).
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whole seconds since 1970 in local wall-clock time: the date and time a person there reads.
    static func wallSeconds(_ date: Date, offset: Int) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down)) + offset
    }

    /// `2026-11-23T14:00:00Z`, or with the offset `+01:00` (ISO 8601, internet date-time);
    /// `fractional` adds milliseconds, `…:00.250Z`.
    public static func iso8601(_ date: Date, offset: Int = 0, fractional: Bool = false) -> String {
        // As Foundation's formatter: the moment rounded to the millisecond, then cut to the second.
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded())
        let wall = floorDivide(milliseconds, 1000) + offset
        let (year, month, day) = Self.date(days: floorDivide(wall, 86_400))
        let second = wall - floorDivide(wall, 86_400) * 86_400
        var text = "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))T"
            + "\(digits(second / 3600, 2)):\(digits(second / 60 % 60, 2)):\(digits(second % 60, 2))"
        if fractional {
            text += "." + digits(milliseconds - floorDivide(milliseconds, 1000) * 1000, 3)
        }
        guard offset != 0 else { return text + "Z" }
        let minutes = abs(offset) / 60
        return text + (offset < 0 ? "-" : "+") + "\(digits(minutes / 60, 2)):\(digits(minutes % 60, 2))"
    }

    /// Reads `yyyy-MM-ddTHH:mm:ss` (with `fractional`, also `.fraction`), then `Z` or
    /// `±HH:MM` (also `±HHMM`); nil for anything else or a date that does not exist.
    public static func parseISO8601(_ text: some StringProtocol, fractional: Bool = false) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + width)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += width
            return value
        }
        func skip(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
              skip("T"), let hour = number(2), skip(":"), let minute = number(2), skip(":"),
              let second = number(2),
              CalendarDay(checkedYear: year, month: month, day: day) != nil, hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if fractional, skip(".") {
            var scale = 0.1
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offset = 0
        if skip("Z") {
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = number(2) else { return nil }
            _ = skip(":")
            guard let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        let seconds = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    /// `value` with leading zeros to `width` digits (CFormat.string("%0*d") without Foundation).
    public static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
