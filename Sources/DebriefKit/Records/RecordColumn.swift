/// One typed column of a table: what a field holds, how a file's header may name it, and
/// how soon it drops when the screen is narrow.
public struct RecordColumn: Equatable, Sendable {
    /// The field's name in events and exports (snake_case, stable: part of the file format).
    public let key: String
    public let title: String
    public let type: ValueType
    /// Other header names accepted for it on import, matched case-insensitively after
    /// folding spaces, dots, dashes and underscores (see `RecordColumn.normalized`).
    public let aliases: [String]
    /// A row without it is refused on import (only the column that names the row).
    public let isRequired: Bool
    /// 1 is shown first and kept longest on a narrow screen; higher numbers drop earlier.
    public let priority: Int
    /// Whether a value below 0 makes sense (a KPI's target or actual can be a net score);
    /// a negative count of followers or a negative fee is refused on import.
    public let allowsNegative: Bool

    public init(_ key: String, _ title: String, _ type: ValueType, aliases: [String] = [],
                required: Bool = false, priority: Int, negative: Bool = false) {
        self.key = key
        self.title = title
        self.type = type
        self.aliases = aliases
        self.isRequired = required
        self.priority = priority
        self.allowsNegative = negative
    }

    /// The currency a KPI's or a creator's money was written in (`fee $900` stores `$`), so
    /// it reads back as typed; rows without one read in `RecordCurrency.fallback`.
    public static let currency = RecordColumn("currency", "Currency", .currency,
                                              aliases: ["ccy", "currency code"], priority: 8)

    /// Whether a header cell names this column (its key, title or an alias), maybe with
    /// the currency its money is in after it: `Fee (EUR)`, `Cost in $`.
    public func matches(header: String) -> Bool {
        let names = ([key, title] + aliases).map(Self.normalized)
        if names.contains(Self.normalized(header)) { return true }
        guard type.isNumeric, let bare = Self.headerCurrency(header)?.name else { return false }
        return names.contains(Self.normalized(bare))
    }

    /// Where a header comes in this column's names (key, title, aliases in order): the
    /// lower, the surer. nil when it does not name the column.
    public func rank(ofHeader header: String) -> Int? {
        let name = Self.normalized(header)
        if let rank = ([key, title] + aliases).firstIndex(where: { Self.normalized($0) == name }) { return rank }
        // `Fee (EUR)`: named with its currency, after every plain name.
        return matches(header: header) ? aliases.count + 2 : nil
    }

    /// A header that ends with a currency, split: `Fee (EUR)` is `Fee` in `EUR`.
    public static func headerCurrency(_ header: String) -> (name: String, currency: String)? {
        var words = header.split(whereSeparator: { " ()[]:".contains($0) }).map(String.init)
        guard words.count >= 2, let currency = NumberSpelling.currency(named: words.removeLast()) else { return nil }
        if words.count >= 2, words.last?.lowercased() == "in" { words.removeLast() }
        return (words.joined(separator: " "), currency)
    }

    /// `Eng. Rate`, `eng_rate` and `ENG-RATE` all read `eng rate`: case and punctuation
    /// vary between exports of the same spreadsheet.
    public static func normalized(_ header: String) -> String {
        header.lowercased().split(whereSeparator: { separators.contains($0) }).joined(separator: " ")
    }

    private static let separators: Set<Character> = [" ", "_", "-", ".", "\t", "(", ")", ":", "#", "%", "?", "/", "€", "$", "£", "\u{A0}"]
}

/// What a field holds. Numbers, money and percentages are all stored as numbers: a
/// percentage as written (3.1 for 3.1%), money without its currency sign.
public enum ValueType: Equatable, Sendable {
    case number
    case money
    case percent
    case text
    /// One of a few options; each option may be written several ways on import.
    case choice([ChoiceOption])
    case yesNo
    /// A whole number from 1 to 5.
    case rating
    /// The currency a row's money was written in: a sign or code `NumberSpelling` reads
    /// (`€`, `$`, `USD`), stored as it spells it.
    case currency

    /// Whether fields of this type hold a number (and so can rank, sum or compare).
    public var isNumeric: Bool {
        switch self {
        case .number, .money, .percent, .rating: true
        case .text, .choice, .yesNo, .currency: false
        }
    }

    /// Whether `value` is a field this type can hold; the reducer keeps nothing else.
    public func accepts(_ value: FieldValue) -> Bool {
        switch (self, value) {
        case (.number, .number(let x)), (.money, .number(let x)), (.percent, .number(let x)): x.isFinite
        case (.rating, .number(let x)): x == x.rounded() && (1...5).contains(x)
        case (.text, .text): true
        case (.choice(let options), .text(let text)): options.contains { $0.value == text }
        case (.yesNo, .bool): true
        case (.currency, .text(let sign)): NumberSpelling.currencies.contains(sign)
        default: false
        }
    }
}

/// An option of a choice column: the value stored, and the other ways people write it.
public struct ChoiceOption: Equatable, Sendable {
    public let value: String
    public let aliases: [String]
    /// The value and aliases, normalized once: every imported cell of the column is matched.
    private let names: Set<String>

    public init(_ value: String, aliases: [String] = []) {
        self.value = value
        self.aliases = aliases
        self.names = Set(([value] + aliases).map(RecordColumn.normalized))
    }

    public func matches(_ text: String) -> Bool {
        names.contains(RecordColumn.normalized(text))
    }

    /// Matches an already normalized name.
    func matches(normalized name: String) -> Bool { names.contains(name) }
}
