#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The journal lines of the events a meeting writes most, a note and the unfinished note
/// once typing pauses, and the section start every meeting opens with, written directly:
/// the bytes `SessionCoding.line` makes through JSONEncoder, which took more of each
/// note's Enter than drawing its frame. Every other event goes through the encoder. A
/// property test pins these lines equal to the encoder's for any text.
enum EventLine {
    /// The line (newline ended), or nil for an event this does not write.
    static func line(_ event: Event) -> Data? {
        var line = JSONLineWriter()
        switch event.change {
        case .noteAdded(let id, let section, let content):
            if let due = content.due { line.field("due", string: due) }
            line.field("id", number: id)
            line.field("kind", string: content.kind.rawValue)
            if let owner = content.owner { line.field("owner", string: owner) }
            line.field("section", string: section)
            line.field("t", number: event.t)
            line.field("text", string: content.text)
            line.field("type", string: "note_added")
        case .draftChanged(let text, let section, let terminal):
            if let section { line.field("section", string: section) }
            line.field("t", number: event.t)
            if let terminal { line.field("terminal", string: terminal) }
            line.field("text", string: text)
            line.field("type", string: "draft")
        case .sectionStarted(let section):
            line.field("section", string: section)
            line.field("t", number: event.t)
            line.field("type", string: "section_started")
        default:
            return nil
        }
        return line.finish()
    }
}
