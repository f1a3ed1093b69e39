import DebriefKit

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
        Dialog.drawAbove(title: "Link action", lines: lines, in: &canvas, bottom: bottom)
    }
}
