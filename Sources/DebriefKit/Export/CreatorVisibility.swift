#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a creator's debrief may carry. The playbook shares findings with creators
/// selectively, so nothing goes to a creator by default:
///
/// - A note is **for a creator** when it was marked client-visible during capture (`v`;
///   a kind's default visibility is not enough), points at the creator (names their handle,
///   `@maya` or `maya` as a whole word, any case, or one of their pieces by its number in
///   the content table, `#c3`), points at no other creator (by handle or piece), and is not
///   a question. Removed notes never go; tags, severities, owners and times never go.
/// - A creator's figures and pieces go only into their own debrief. Text typed into the
///   tables (a hook, what the comments said) that names another creator is left out.
public struct CreatorVisibility: Sendable {
    /// The handle the debrief is for, and every other creator's.
    public let handle: String
    public let others: [String]
    /// Piece numbers (`#c3`: the third row ever added to the content table, as the table
    /// on screen numbers them) of this creator's pieces, and of everyone else's.
    let ownPieces: Set<Int>
    let otherPieces: Set<Int>

    /// nil when no creator row has this handle (with or without `@`, any case).
    public init?(handle: String, in state: MeetingState) {
        let creators = state.records(in: .creators)
        guard let own = creators.first(where: { Self.folded($0.name) == Self.folded(handle) }) else { return nil }
        self.handle = own.name
        others = creators.map(\.name).filter { Self.folded($0) != Self.folded(own.name) && !Self.folded($0).isEmpty }
        let numbers = ContentNumbers(state)
        let pieces = state.records.filter { $0.table == .content }
        let isOwn = { (piece: Record) in Self.folded(piece.text("creator") ?? "") == Self.folded(own.name) }
        ownPieces = Set(pieces.filter(isOwn).compactMap(numbers.number(of:)))
        otherPieces = Set(pieces.filter { !isOwn($0) }.compactMap(numbers.number(of:)))
    }

    /// The notes for this creator, in capture order.
    public func notes(in state: MeetingState) -> [Note] {
        state.notes.filter { note in
            guard !note.isRemoved, note.clientVisible == true, note.kind != .question else { return false }
            let pieces = ContentNumbers.pointers(in: note.text)
            return (Self.names(note.text, handle) || !pieces.isDisjoint(with: ownPieces))
                && !namesAnother(note.text) && pieces.isDisjoint(with: otherPieces)
        }
    }


    /// The rows of the content table that are this creator's pieces.
    public func pieces(in state: MeetingState) -> [Record] {
        state.records(in: .content).filter { Self.folded($0.text("creator") ?? "") == Self.folded(handle) }
    }

    public func namesAnother(_ text: String) -> Bool {
        others.contains { Self.names(text, $0) }
    }

    /// A handle compared without its `@` and case.
    static func folded(_ handle: String) -> String {
        var text = handle.trimmingWhitespace()
        while text.hasPrefix("@") { text.removeFirst() }
        return text.lowercased()
    }

    /// Whether `text` names `handle` as a whole word (`@maya`, `Maya,`, `maya.`), not
    /// inside a longer handle (`mayan`, `maya_eats`, `maya.eats`).
    static func names(_ text: String, _ handle: String) -> Bool {
        let name = Array(folded(handle))
        let haystack = Array(text.lowercased())
        guard !name.isEmpty, haystack.count >= name.count else { return false }
        for start in 0...(haystack.count - name.count) where Array(haystack[start..<start + name.count]) == name {
            let end = start + name.count
            let before = start > 0 ? haystack[start - 1] : nil
            // A dot continues a handle only when more of it follows (`maya.eats`), not at a sentence's end.
            let continues = end < haystack.count && (isHandleCharacter(haystack[end])
                || haystack[end] == "." && end + 1 < haystack.count && isHandleCharacter(haystack[end + 1]))
            let extends = before.map { isHandleCharacter($0) || $0 == "." } ?? false
            if !continues && !extends { return true }
        }
        return false
    }

    static func isHandleCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
