import DebriefKit

/// Two keystrokes tag a problem: a number for the root cause, then one for the severity.
/// Drawn as a box above the note input so the note being typed stays in view.
public enum TagPicker {
    public static func draw(_ model: AppModel, noteID: Int, rootCause: String?, in canvas: inout Canvas, bottom: Int) {
        let taxonomy = model.meeting.agenda.taxonomy
        let text = model.meeting.note(id: noteID)?.text ?? ""
        var lines: [(String, Style)] = [("\(model.meeting.problemNumbers.label(of: noteID)) \(text)", .muted)]
        if let rootCause {
            lines.append(("Root cause: \(rootCause)   — now the severity:", .title))
            lines += numbered(taxonomy.severities)
            lines.append(("Backspace: other root cause   Esc: leave untagged", .muted))
        } else {
            lines.append(("Root cause:", .title))
            lines += numbered(taxonomy.rootCauses)
            lines.append(("Esc: leave untagged for now (F4 tags it later)", .muted))
        }
        Dialog.drawAbove(title: "Tag problem", lines: lines, in: &canvas, bottom: bottom)
    }

    static func numbered(_ names: [String]) -> [(String, Style)] {
        names.enumerated().map { ("  \($0.offset + 1)  \($0.element)", .key) }
    }
}
