#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Numbers as a table shows them: thousands grouped (`18,400`), percentages with one
/// decimal (`3.1%`), money with its sign (`€0.41`), a signed variance (`−22.5%`), and a
/// missing value as "—", never as 0. One place, so every table reads the same.
public enum NumberText {
    public static let missing = "—"

    /// `1234567` → `1,234,567`; up to `decimals` decimals, trailing zeros kept only when
    /// asked (`0.41` stays `0.41`, `1200` is `1,200`).
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return missing }
        let scale = [1.0, 10, 100, 1_000][min(max(decimals, 0), 3)]
        let magnitude = (abs(value) * scale).rounded()
        // Integer digits, not String(format:): a full-screen table formats hundreds of
        // numbers a frame, and the formatter cost more than drawing the frame.
        guard magnitude < 9e15 else { return (value < 0 ? "−" : "") + CFormat.string("%.0f", abs(value)) }
        let scaled = Int64(magnitude), unit = Int64(scale)
        let whole = String(scaled / unit)
        var text = ""
        text.reserveCapacity(whole.utf8.count + whole.utf8.count / 3 + decimals + 2)
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        if decimals > 0 {
            let fraction = String(scaled % unit)
            text += "." + String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        }
        return (value < 0 && scaled != 0 ? "−" : "") + text
    }

    /// A count: whole numbers grouped; a fraction keeps one decimal (`2.5` revisions).
    public static func count(_ value: Double?) -> String {
        guard let value else { return missing }
        return grouped(value, decimals: value == value.rounded() ? 0 : 1)
    }

    /// A percentage stored as written (3.1 for 3.1%).
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        return grouped(value, decimals: 1) + "%"
    }

    /// A change in percent, always signed so a miss reads as one: `+4.0%`, `−22.5%`.
    public static func signedPercent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        let text = percent(value)
        return value > 0 && text != "0.0%" ? "+" + text : text
    }

    /// Money: two decimals under 100 (`€0.41`), whole above (`€12,000`); a currency code
    /// is spaced from the number (`CHF 1,200`, `kr 900`), a sign is not (`$900`).
    public static func money(_ value: Double?, currency: String = RecordCurrency.fallback) -> String {
        guard let value, value.isFinite else { return missing }
        let text = grouped(value, decimals: abs(value) < 100 && value != value.rounded() ? 2 : 0)
        let prefix = currency.last?.isLetter == true ? currency + " " : currency
        return text.hasPrefix("−") ? "−" + prefix + text.dropFirst() : prefix + text
    }

    /// A ratio such as lift (sponsored ER over organic): `1.3×`.
    public static func times(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        return grouped(value, decimals: 2) + "×"
    }
}
