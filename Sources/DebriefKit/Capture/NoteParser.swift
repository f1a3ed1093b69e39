import Foundation

/// Turns what the note-taker typed into a note: a leading `!` marks a problem, `+` a win,
/// `>` an action item, `?` an open question; anything else is a plain note.
public enum NoteParser {
    public static let prefixes: [(Character, NoteKind)] = [
        ("!", .problem), ("+", .win), (">", .action), ("?", .question),
    ]

    public static func parse(_ typed: String) -> NoteContent {
        let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first, let kind = prefixes.first(where: { $0.0 == first })?.1 else {
            return NoteContent(kind: .note, text: trimmed)
        }
        let text = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
        return NoteContent(kind: kind, text: text)
    }

    public static func prefix(for kind: NoteKind) -> Character? {
        prefixes.first { $0.1 == kind }?.0
    }
}
