@testable import DebriefKit
import Foundation
import TestSupport
import Testing

/// The meeting binary no longer links full Foundation (issue 15): dates, time zones and a
/// few string operations are Debrief's own now. This process has full Foundation, so each
/// is checked against what Foundation gave before, on many random inputs.
@Suite("Without full Foundation: same dates, zones and strings as Foundation")
struct FoundationParityTests {
    static let zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"]

    @Test func timestampsAndDaysMatchFoundationInEveryZone() throws {
        var random = SeededRandom(seed: 15)
        for _ in 0..<2_000 {
            // 1970…2100, whole seconds, as started_at stores them (before 1912 some zones'
            // offsets had seconds, which ISO 8601 cannot write as ±HH:MM).
            let seconds = Double(random.next(upTo: 4_102_444_800))
            let date = Date(timeIntervalSince1970: seconds)
            for name in Self.zones {
                let zone = try #require(TimeZone(identifier: name))
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withInternetDateTime]
                formatter.timeZone = zone
                let expected = formatter.string(from: date)
                #expect(MeetingInfo.timestamp(date, in: zone) == expected)
                #expect(CivilTime.parseISO8601(expected) == date, "\(expected)")
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
                let day = CalendarDay(date, in: zone)
                #expect([day.year, day.month, day.day] == [parts.year, parts.month, parts.day])
                #expect(day.weekday == (parts.weekday! == 1 ? 7 : parts.weekday! - 1))
            }
        }
    }

    @Test func theMachinesZoneComesFromLibcAsFoundationSeesIt() {
        // nil is the machine's zone: localtime_r, which reads TZ and /etc/localtime as ICU does.
        for seconds in stride(from: 1_700_000_000.0, to: 1_800_000_000.0, by: 3_000_000) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(CivilTime.offset(at: date, in: nil) == TimeZone.current.secondsFromGMT(for: date))
        }
    }

    @Test func ledgerAndCalendarStampsMatchFoundationsFormatters() {
        let utc = TimeZone(identifier: "UTC")!
        var random = SeededRandom(seed: 7)
        for _ in 0..<500 {
            let date = Date(timeIntervalSince1970: Double(random.next(upTo: 4_000_000_000_000)) / 1000)
            let ledger = ISO8601DateFormatter()
            ledger.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            ledger.timeZone = utc
            #expect(ActionLedger.timestamp(date) == ledger.string(from: date))
            let ics = DateFormatter()
            ics.locale = Locale(identifier: "en_US_POSIX")
            ics.timeZone = utc
            ics.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            #expect(ICSExporter.timestamp(date) == ics.string(from: date))
        }
    }

    /// The environment read from `environ` is the one Foundation reads.
    @Test func theEnvironmentIsFoundations() {
        #expect(ProcessEnvironment.variables == ProcessInfo.processInfo.environment)
        #expect(ProcessEnvironment.variables["PATH"] != nil)
    }

    @Test func daysAddUpAcrossMonthsYearsAndLeapDays() {
        var day = CalendarDay(year: 1999, month: 12, day: 25)
        let calendar: Calendar = { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }()
        var date = calendar.date(from: DateComponents(year: 1999, month: 12, day: 25))!
        for step in [1, 7, 30, 365, -400, 59, 1] + Array(repeating: 1, count: 800) {
            day = day.adding(days: step)
            date = calendar.date(byAdding: .day, value: step, to: date)!
            #expect(day == CalendarDay(date, in: TimeZone(identifier: "UTC")!))
        }
    }

    @Test func trimmingReplacingAndPaddingMatchFoundation() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{A0}", "\u{2028}", "\u{3000}", "\u{85}", "a", "é", "e\u{301}", "👩‍👩‍👧", "x y", "\u{200B}", "\u{FEFF}"]
        var random = SeededRandom(seed: 3)
        for _ in 0..<3_000 {
            let text = (0..<random.next(upTo: 8)).map { _ in pieces[random.next(upTo: pieces.count)] }.joined()
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
            // A slice trims as the same text would (its bounds need not be the string's).
            let slice = text.unicodeScalars.dropFirst().isEmpty ? text[...] : Substring(text.unicodeScalars.dropFirst())
            #expect(slice.trimmingWhitespaceAndNewlines() == String(slice).trimmingCharacters(in: .whitespacesAndNewlines))
            for target in ["\n", " ", "a", "x y"] {
                #expect(text.replacingAll(target, with: "<>") == text.replacingOccurrences(of: target, with: "<>"),
                        "\(Array(text.unicodeScalars)) \(Array(target.unicodeScalars))")
            }
            let width = random.next(upTo: 12)
            // Cutting is compared where it cannot split a character (a cut mid-emoji differs).
            if text.utf16.count <= width || text.unicodeScalars.allSatisfy(\.isASCII) {
                #expect(text.padded(toLength: width) == text.padding(toLength: width, withPad: " ", startingAt: 0))
            }
        }
        for value in [0, 7, 42, 999, 12345] {
            #expect(CFormat.string("%04d", value) == String(format: "%04d", value))
            #expect(CFormat.string("%.1f ms", Double(value) / 7) == String(format: "%.1f ms", Double(value) / 7))
        }
        #expect(CFormat.string("\\u%04X", UInt32(0x202E)) == String(format: "\\u%04X", UInt32(0x202E)))
    }

    @Test func aliasesCannotNestPastTheLimitEither() {
        // Each level is 100 lists deep and holds the previous one: 12 levels are 1,200 deep.
        var yaml = ""
        for level in 0..<12 {
            let inner = level == 0 ? "x" : "*l\(level - 1)"
            yaml += "l\(level): &l\(level) " + String(repeating: "[", count: 100) + inner + String(repeating: "]", count: 100) + "\n"
        }
        do {
            _ = try AgendaLoader.parse(yaml: yaml, file: "deep.yaml")
            Issue.record("a 1,200-level agenda cannot load")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.line == 10)
            #expect(error.problems.first?.message.contains("nested deeper than 1000 levels") == true)
        }
    }
}
