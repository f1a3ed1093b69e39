/// Reads the deadline after `due` or `by`: an ISO date (2026-12-01), a day and a month name
/// in either order, with or without a year (1 Dec, dec 1, 1 December 2026), a relative one
/// (+3d, +2w, today, tomorrow, next week = next Monday, end of week = Friday, end of
/// month), or a weekday (fri, friday: the next one after today). Numeric dates such as
/// 12/01 or 01.12 mean 12 January in one country and 1 December in another: they are
/// refused with the form to use instead.
public enum DeadlineParser {
    public static let examples = "2026-12-01, 1 Dec, +3d, +2w, tomorrow, fri or next week"

    public enum Reading: Equatable, Sendable {
        /// The deadline, and how many words it took.
        case day(CalendarDay, words: Int)
        /// Looks like a date but cannot be read safely; the message says what to write.
        case refused(String)
        /// Not a date at all ("by adding fields").
        case unknown
    }

    /// Reads a deadline from the first of `words` (up to three of them: "1 Dec 2026").
    public static func read(_ words: [String], today: CalendarDay?) -> Reading {
        let words = words.prefix(3).map { $0.lowercased().trimmingSuffix(",.;:") }
        guard let first = words.first else { return .unknown }
        if let day = resolve(first, today: today) { return .day(day, words: 1) }
        if let phrase = phrase(words, today: today) { return phrase }
        if let named = monthName(words, today: today) { return named }
        if let numeric = numericDate(first) { return numeric }
        return .unknown
    }

    /// One word: an ISO date, today, tomorrow, +3d, +2w or a weekday.
    public static func resolve(_ word: String, today: CalendarDay?) -> CalendarDay? {
        let word = word.lowercased()
        if let day = CalendarDay(iso: word) { return day }
        guard let today else { return nil }
        switch word {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        default: break
        }
        if word.hasPrefix("+"), let unit = word.last, let count = Int(word.dropFirst().dropLast()), (1...999).contains(count) {
            switch unit {
            case "d": return today.adding(days: count)
            case "w": return today.adding(days: 7 * count)
            default: return nil
            }
        }
        if let weekday = weekday(word) { return next(weekday: weekday, after: today) }
        return nil
    }

    /// "next week", "end of week", "end of month".
    private static func phrase(_ words: [String], today: CalendarDay?) -> Reading? {
        guard let today else { return nil }
        let two = words.prefix(2).joined(separator: " "), three = words.prefix(3).joined(separator: " ")
        if two == "next week" { return .day(next(weekday: 1, after: today), words: 2) }
        if three == "end of week" {
            // This week's Friday; said at the weekend, next week's.
            return .day(today.weekday <= 5 ? today.adding(days: 5 - today.weekday) : next(weekday: 5, after: today), words: 3)
        }
        if three == "end of month" {
            let last = CalendarDay(year: today.year, month: today.month,
                                   day: CalendarDay.daysIn(month: today.month, year: today.year))
            return .day(last, words: 3)
        }
        return nil
    }

    /// "dec 1", "1 dec", "December 1st", "1 Dec 2026": without a year, the next such day
    /// from today on.
    private static func monthName(_ words: [String], today: CalendarDay?) -> Reading? {
        guard words.count >= 2 else { return nil }
        let dayAndMonth: (day: Int, month: Int)
        if let month = month(words[0]), let day = dayNumber(words[1]) {
            dayAndMonth = (day, month)
        } else if let day = dayNumber(words[0]), let month = month(words[1]) {
            dayAndMonth = (day, month)
        } else {
            return nil
        }
        let written = "\(words[0]) \(words[1])"
        if words.count == 3, words[2].count == 4, let year = Int(words[2]), words[2].allSatisfy(\.isASCII) {
            guard let day = CalendarDay(checkedYear: year, month: dayAndMonth.month, day: dayAndMonth.day) else {
                return .refused("'\(written) \(words[2])' is not a date")
            }
            return .day(day, words: 3)
        }
        guard let today else { return nil }
        for year in [today.year, today.year + 1, today.year + 4] {
            if let day = CalendarDay(checkedYear: year, month: dayAndMonth.month, day: dayAndMonth.day), day >= today {
                return .day(day, words: 2)
            }
        }
        return .refused("'\(written)' is not a date")
    }

    /// 12/01, 01.12, 12-1, 1/12/2026: refused, naming the unambiguous forms.
    private static func numericDate(_ word: String) -> Reading? {
        let parts = word.split(omittingEmptySubsequences: false) { "/.-".contains($0) }
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        guard parts[0].count < 4 else { return nil }  // 2026-02-30: year first, just not a real day
        let readings = [(a, b), (b, a)].filter { (1...31).contains($0.0) && (1...12).contains($0.1) }
        var named: [String] = []
        for (day, month) in readings where !named.contains("\(day) \(monthNames[month - 1].prefix(3).capitalized)") {
            named.append("\(day) \(monthNames[month - 1].prefix(3).capitalized)")
        }
        let question = named.count > 1 ? " (\(named.joined(separator: " or "))?)" : ""
        return .refused("'\(word)' is ambiguous\(question): write the month as a word (1 Dec) or the date as 2026-12-01")
    }

    private static func next(weekday: Int, after today: CalendarDay) -> CalendarDay {
        // The next such day strictly after today: "due fri" said on a Friday means next week.
        let ahead = (weekday - today.weekday + 7) % 7
        return today.adding(days: ahead == 0 ? 7 : ahead)
    }

    /// 1 = Monday … 7 = Sunday, from "fri" or "friday".
    private static func weekday(_ word: String) -> Int? {
        weekdays.firstIndex { word == $0 || (word.count >= 3 && $0.hasPrefix(word)) }.map { $0 + 1 }
    }

    /// 1 … 12, from "dec", "december" or "sept".
    private static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// 1 … 31, also written 1st, 2nd, 3rd, 4th.
    private static func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let day = Int(digits), (1...31).contains(day) else { return nil }
        return day
    }

    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"]
}

private extension String {
    func trimmingSuffix(_ characters: String) -> String {
        var text = self
        while let last = text.last, characters.contains(last) { text.removeLast() }
        return text
    }
}
