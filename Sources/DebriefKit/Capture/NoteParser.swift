#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns what the note-taker typed into a note: a leading `!` marks a problem, `+` a win,
/// `>` an action item, `?` an open question; anything else is a plain note. A leading `*`
/// marks the note as one of the meeting's learnings, whatever its kind (`* + Detailed
/// briefs beat vague ones` is a win and a learning).
///
/// In an action, `@name` is the owner, `due DATE` or `by DATE` the deadline and `#N` the
/// problem it answers (by its number, see `ProblemNumbers`); they are taken out of the text. What cannot be understood stays in
/// the text, with a warning that says why, so nothing typed is ever lost.
public enum NoteParser {
    /// Marks a learning, before the kind's prefix.
    public static let learningPrefix: Character = "*"

    public static let prefixes: [(Character, NoteKind)] = [
        ("!", .problem), ("+", .win), (">", .action), ("?", .question),
    ]

    public struct Result: Equatable, Sendable {
        public var content: NoteContent
        /// `#N` in an action: the number of the problem it answers (see `ProblemNumbers`; not
        /// yet checked to exist).
        public var problem: Int?
        public var warnings: [String] = []
        /// Typed with the learning mark (`*`).
        public var isLearning = false
    }

    public static func parse(_ typed: String, today: CalendarDay? = nil) -> Result {
        var trimmed = typed.trimmingWhitespaceAndNewlines()
        // One mark is read; the rest is parsed as typed (never recursively: a paste of
        // fifty thousand `*` must not exhaust the stack).
        let isLearning = trimmed.first == learningPrefix
        if isLearning { trimmed = String(trimmed.dropFirst()).trimmingWhitespaceAndNewlines() }
        var result = parseKind(trimmed, today: today)
        result.isLearning = isLearning
        return result
    }

    private static func parseKind(_ trimmed: String, today: CalendarDay?) -> Result {
        guard let first = trimmed.first, let kind = prefixes.first(where: { $0.0 == first })?.1 else {
            return Result(content: NoteContent(kind: .note, text: trimmed))
        }
        let text = String(trimmed.dropFirst()).trimmingWhitespaceAndNewlines()
        guard kind == .action else { return Result(content: NoteContent(kind: kind, text: text)) }
        return parseAction(text, today: today)
    }

    /// Re-reads an action's text (after an edit or a change of kind) the same way.
    public static func parseAction(_ text: String, today: CalendarDay?) -> Result {
        var result = Result(content: NoteContent(kind: .action, text: ""))
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var kept: [Substring] = []
            var words = line.split(separator: " ")[...]
            while let word = words.popFirst() {
                if word.hasPrefix("@") {
                    if takeOwner(word, into: &result) { continue }
                } else if word.hasPrefix("#"), let id = Int(word.dropFirst()), id > 0 {
                    if result.problem == nil { result.problem = id; continue }
                    result.warnings.append("one problem per action: kept #\(result.problem!), \(word) stays in the text")
                } else if ["due", "by"].contains(word.lowercased()), !words.isEmpty {
                    let taken = takeDeadline(keyword: word, words: Array(words.prefix(3)), today: today, into: &result)
                    if taken > 0 {
                        words.removeFirst(taken)
                        continue
                    }
                }
                kept.append(word)
            }
            lines.append(kept.joined(separator: " "))
        }
        result.content.text = lines.joined(separator: "\n").trimmingWhitespaceAndNewlines()
        return result
    }

    /// While an action is being typed: the warning about a second `@owner`, so it is seen
    /// before Enter. Cheap for everything else (most keystrokes): no parse unless the text
    /// starts with ">" and holds two `@`. The first byte after the spaces is looked at
    /// first, so most keystrokes (not an action) cost a byte or two, not a walk of the text.
    public static func secondOwnerWarning(in typed: String) -> String? {
        guard typed.utf8.first(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: ">"),
              hasTwoAtSigns(typed), typed.drop(while: { $0 == " " }).first == ">" else { return nil }
        return parse(typed).warnings.first { $0.hasPrefix(secondOwnerPrefix) }
    }

    static let secondOwnerPrefix = "one owner per action"

    private static func hasTwoAtSigns(_ text: String) -> Bool {
        var seen = 0
        for byte in text.utf8 where byte == UInt8(ascii: "@") {
            seen += 1
            if seen == 2 { return true }
        }
        return false
    }

    public static func prefix(for kind: NoteKind) -> Character? {
        prefixes.first { $0.1 == kind }?.0
    }

    /// Writes a note back as it would be typed, for editing: prefix, text, owner, deadline,
    /// and the answered problem by its number, as it is typed.
    public static func typedForm(of note: Note, numbers: ProblemNumbers = ProblemNumbers()) -> String {
        var parts = [note.text]
        if let prefix = prefix(for: note.kind) { parts[0] = "\(prefix) " + note.text }
        if note.isLearning { parts[0] = "\(learningPrefix) " + parts[0] }
        if note.kind == .action {
            if let owner = note.content.owner { parts.append("@" + owner) }
            if let due = note.content.due { parts.append("due " + due) }
            if let problem = note.problem { parts.append(numbers.label(of: problem)) }
        }
        return parts.joined(separator: " ")
    }

    private static func takeOwner(_ word: Substring, into result: inout Result) -> Bool {
        let name = word.dropFirst().trimmingSuffix { ",.;:".contains($0) }
        let isName = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) }
        guard isName else {
            result.warnings.append("\(word) is not a name (use @maria); it stays in the text")
            return false
        }
        guard result.content.owner == nil else {
            result.warnings.append("\(secondOwnerPrefix): kept @\(result.content.owner!), \(word) stays in the text")
            return false
        }
        result.content.owner = String(name)
        return true
    }

    /// How many words after the keyword the deadline took (0: none, they stay in the text).
    private static func takeDeadline(keyword: Substring, words: [Substring], today: CalendarDay?,
                                     into result: inout Result) -> Int {
        let isDue = keyword.lowercased() == "due"
        switch DeadlineParser.read(words.map(String.init), today: today) {
        case .day(let day, let count):
            guard result.content.due == nil else {
                let written = words.prefix(count).joined(separator: " ")
                result.warnings.append("one deadline per action: kept \(result.content.due!), '\(keyword) \(written)' stays in the text")
                return 0
            }
            result.content.due = day.description
            return count
        case .refused(let reason):
            // "by" is ordinary English ("by 1.5 points"): only a slashed date is surely meant as one.
            if isDue || words[0].contains("/") { result.warnings.append("\(reason); no deadline set") }
            return 0
        case .unknown:
            // "by" is ordinary English ("by adding fields"); only "due" promises a date.
            if isDue {
                let cleaned = words[0].trimmingSuffix { ",.;:".contains($0) }
                result.warnings.append("'due \(cleaned)' is not a date (use \(DeadlineParser.examples)); no deadline set")
            }
            return 0
        }
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
