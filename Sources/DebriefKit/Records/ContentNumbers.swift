/// Content pieces are pointed at as `#c3`: their place among all pieces ever added, so a
/// number never moves when another piece is removed.
public struct ContentNumbers: Sendable {
    private var numbers: [Int: Int] = [:]

    /// No pieces numbered: for the table's columns alone.
    public init() {}

    public init(_ meeting: MeetingState) {
        var next = 0
        for record in meeting.records where record.table == .content {
            next += 1
            numbers[record.id] = next
        }
    }

    public func number(of record: Record) -> Int? { numbers[record.id] }
    public func label(of record: Record) -> String { numbers[record.id].map { "c\($0)" } ?? "" }
    public func record(numbered number: Int, in meeting: MeetingState) -> Record? {
        numbers.first { $0.value == number }.flatMap { meeting.record(id: $0.key) }
    }

    /// The piece numbers a text points at: `#c3`, `#C12` (any case, not inside a word).
    public static func pointers(in text: String) -> Set<Int> {
        // Most notes point at nothing: no "#", no need to look at their characters.
        guard text.utf8.contains(UInt8(ascii: "#")) else { return [] }
        var numbers: Set<Int> = []
        let characters = Array(text.lowercased())
        var index = 0
        while index + 2 < characters.count {
            defer { index += 1 }
            guard characters[index] == "#", characters[index + 1] == "c",
                  index == 0 || !CreatorVisibility.isHandleCharacter(characters[index - 1]) else { continue }
            let digits = characters[(index + 2)...].prefix { $0.isASCII && $0.isNumber }
            let end = index + 2 + digits.count
            guard !digits.isEmpty, digits.count < 7, end == characters.count || !CreatorVisibility.isHandleCharacter(characters[end]),
                  let number = Int(String(digits)) else { continue }
            numbers.insert(number)
        }
        return numbers
    }
}
