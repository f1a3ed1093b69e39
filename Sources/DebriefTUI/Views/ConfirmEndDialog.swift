import DebriefKit

/// F10: the sections never opened, what is still open (problems without an action,
/// untagged problems, vague actions), each with a number key to go back and fix it; then
/// the confirmation, so nobody ends a meeting by accident.
public enum ConfirmEndDialog {
    public static func draw(_ model: AppModel, in canvas: inout Canvas) {
        let notes = model.meeting.visibleNotes.count
        let items = model.meeting.openItems
        var lines: [(String, Style)] = []
        let sections = model.meeting.agenda.sections
        let notReached = sections.indices.filter { !model.meeting.sections[$0].wasVisited }.map { sections[$0].title }
        if !notReached.isEmpty {
            lines.append(("Not covered: \(notReached.joined(separator: ", ")).", .warning))
        }
        if items.isEmpty {
            let hasProblems = model.meeting.visibleNotes.contains { $0.kind == .problem }
            lines.append((hasProblems ? "Nothing left open: every problem is tagged and answered by a specific action."
                                      : "Nothing left open (no problems were captured).", .success))
        } else {
            lines.append(("Still open (\(items.count)) — press its number to go back and fix it:", .warning))
            for (index, item) in items.prefix(9).enumerated() {
                lines.append(("  \(index + 1)  \(item.description(numbers: model.meeting.problemNumbers))", .normal))
            }
            if items.count > 9 { lines.append(("  … and \(items.count - 9) more; the brief lists them all", .muted)) }
            lines.append(("You can still end the meeting: the brief lists what was left open.", .muted))
        }
        lines.append(("", .normal))
        if let problem = model.storageProblem {
            lines.append(("⚠ Not on disk yet: \(problem). Ending asks for another folder.", .alert))
        }
        if let unsaved = model.unsavedInput {
            let preview = VisibleText.line(unsaved.replacingOccurrences(of: "\n", with: " "))
            let what = model.editedNoteName.map { "Your edit of \($0)" } ?? "The note still in the input"
            lines.append(("\(what) is saved first: “\(preview.count > 60 ? preview.prefix(59) + "…" : preview)”", .warning))
        }
        let total = notes + (model.unsavedInput != nil && model.editingNoteID == nil ? 1 : 0)
        lines.append(("End the meeting now? \(total) note\(total == 1 ? "" : "s") will be saved to the session file and the brief.", .title))
        lines.append(("Enter or y: end the meeting      Esc: back to the meeting", .key))
        Dialog.draw(title: "End meeting", lines: lines, in: &canvas, width: 96)
    }
}
