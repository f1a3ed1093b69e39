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
        Popup.draw(title: "Tag problem", lines: lines, in: &canvas, bottom: bottom)
    }

    static func numbered(_ names: [String]) -> [(String, Style)] {
        names.enumerated().map { ("  \($0.offset + 1)  \($0.element)", .key) }
    }
}

/// Which problem does this action answer? Numbers pick, Esc or 0 skips.
public enum LinkPicker {
    public static func draw(_ model: AppModel, candidates: [Int], in canvas: inout Canvas, bottom: Int) {
        var lines: [(String, Style)] = [("Which problem does this action answer?", .title)]
        for (index, id) in candidates.enumerated() {
            let note = model.meeting.note(id: id)
            let tags = note.map { $0.isTagged ? " [\($0.rootCause!) · \($0.severity!)]" : "" } ?? ""
            lines.append(("  \(index + 1)  \(model.meeting.problemNumbers.label(of: id)) \(note?.text ?? "")\(tags)", .key))
        }
        lines.append(("Esc or 0: no link for now (l in the list links it later)", .muted))
        Popup.draw(title: "Link action", lines: lines, in: &canvas, bottom: bottom)
    }
}

/// A box anchored above a row (the note input), as wide as it needs up to 72 columns.
enum Popup {
    static func draw(title: String, lines: [(String, Style)], in canvas: inout Canvas, bottom: Int) {
        let widest = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        let width = min(canvas.width - 4, max(40, widest + 4), 76)
        let height = min(bottom - 1, lines.count + 2)
        guard height > 2 else { return }
        let x = 2
        let y = bottom - height
        Dialog.drawFrame(title: title, x: x, y: y, width: width, height: height, in: &canvas)
        for (index, line) in lines.prefix(height - 2).enumerated() {
            canvas.text(line.0, x: x + 2, y: y + 1 + index, style: line.1, maxWidth: width - 4)
        }
    }
}
