/// Reads the deadline word after `due` or `by`: an ISO date (2026-12-01), a relative one
/// (+3d, +2w, today, tomorrow), or a weekday (fri, friday: the next one after today).
public enum DeadlineParser {
    public static let examples = "2026-12-01, +3d, +2w, tomorrow or fri"

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
        if let weekday = weekdays.firstIndex(where: { word == $0 || (word.count >= 3 && $0.hasPrefix(word)) }) {
            // The next such day strictly after today: "due fri" said on a Friday means next week.
            let ahead = (weekday + 1 - today.weekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        }
        return nil
    }

    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}
